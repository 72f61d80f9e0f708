#!/usr/bin/env python3
"""Peak memory of `rbc check` on adversarial input, against promtool.

Usage: memory.py RBC [--runs N] [--timeout S] [--keep DIR]
Generates inputs built to blow up a naive reader (YAML alias bombs, deep
nesting in YAML, Markdown and PromQL, a 60 MB rule file, a 10 MB line) and
runs `rbc check FILE` on each, and `promtool check rules FILE` on the rule
files. Each run is its own child, reaped with os.wait4, which returns the
peak RSS of that child alone (getrusage(RUSAGE_CHILDREN) would give the
maximum over all children so far). Prints a Markdown table of medians.

The issue's budget: rbc's peak stays under 200 MB on every input (OVER
otherwise), and rbc answers with a diagnostic (exit 1 or 2) rather than
crashing (killed by a signal, or exit >= 128) or hanging (TIMEOUT). Exit
status 1 when rbc breaks any of these.
"""
import argparse
import collections
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUDGET_MB = 200
# A runaway child is killed past this (--rss-cap) to protect the machine.
RSS_CAP_MB = 3000


# ---------------------------------------------------------------- inputs

def alias_bomb(indent):
    """Ten anchors, each a list of ten aliases of the previous one: 10^9
    strings if a reader expands them."""
    lines = [f'{indent}l0: &l0 "lol"']
    for level in range(1, 10):
        lines.append(f"{indent}l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def rule_with(value, indent):
    """One group, one alert whose annotation is `value` (a YAML node)."""
    return (f"{indent}groups:\n"
            f"{indent}  - name: adversarial\n"
            f"{indent}    rules:\n"
            f"{indent}      - alert: Adversarial\n"
            f"{indent}        expr: up == 0\n"
            f"{indent}        labels: {{severity: critical}}\n"
            f"{indent}        annotations: {{summary: {value}}}\n")


def write_alias_bomb(path):
    # The bomb sits in an unknown top-level key and is used where a string belongs.
    path.write_text("bomb:\n" + alias_bomb("  ") + rule_with("*l9", ""))


def write_alias_bomb_object(path):
    # The anchors are metadata annotations; the alert's summary expands the last.
    path.write_text("apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\n"
                    "metadata:\n  name: bomb\n  annotations:\n" + alias_bomb("    ")
                    + "spec:\n" + rule_with("*l9", "  "))


def write_deep_flow(path, depth=100_000):
    path.write_text("groups: " + "[" * depth + "]" * depth + "\n")


def write_deep_quote(path, depth=100_000):
    path.write_text("# Deep runbook\n\n## Adversarial\n\n" + ">" * depth + " quoted\n")


def write_deep_list(path, depth=10_000):
    # "- - - x": each marker opens a list inside the previous item.
    path.write_text("# Deep runbook\n\n## Adversarial\n\n" + "- " * depth + "item\n")


def write_deep_promql(path, depth=100_000):
    path.write_text(rule_with('"x"', "").replace("expr: up == 0", "expr: " + "(" * depth + "up" + ")" * depth))


def write_big_file(path, megabytes=60):
    """bench/gen_rules.py's ordinary rules; a small sample gives the bytes per rule."""
    generate = [sys.executable, str(HERE / "gen_rules.py")]
    subprocess.run([*generate, "2000", str(path)], check=True)
    per_rule = path.stat().st_size / 2000
    subprocess.run([*generate, str(int(megabytes * 1_000_000 / per_rule)), str(path)], check=True)


def write_long_line(path, megabytes=10):
    """A whole rule file in flow style on one line: many small alerts."""
    rules, i, size = [], 0, 0
    while size < megabytes * 1_000_000:
        rule = f'{{alert: LongLine{i}, expr: "up{{job=\\"j{i}\\"}} == 0", labels: {{severity: warning}}}}'
        rules.append(rule)
        size += len(rule) + 2
        i += 1
    path.write_text("{groups: [{name: one-line, rules: [" + ", ".join(rules) + "]}]}\n")


# name, file name, writer, is a rule file (promtool is the peer), invalid (a
# diagnostic is due: exit 1 or 2). The deep Markdown and PromQL, the big file
# and the long line are valid, so exit 0 is right for them too.
INPUTS = [
    ("YAML alias bomb (10 levels) in a rule file", "bomb.yml", write_alias_bomb, True, True),
    ("YAML alias bomb in a PrometheusRule", "bomb-object.yaml", write_alias_bomb_object, True, True),
    ("flow sequence 100,000 deep", "deep-flow.yml", write_deep_flow, True, True),
    ("Markdown: 100,000 nested blockquotes", "deep-quote.md", write_deep_quote, False, False),
    ("Markdown: 10,000 nested lists", "deep-list.md", write_deep_list, False, False),
    ("PromQL: 100,000 nested parentheses", "deep-promql.yml", write_deep_promql, True, False),
    ("60 MB of ordinary rules", "big.yml", write_big_file, True, False),
    ("one 10 MB line (flow-style rule file)", "long-line.yml", write_long_line, True, False),
]


# ---------------------------------------------------------------- measuring

def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_once(argv, timeout, cap_mb):
    """(wall s, peak RSS MB, outcome): outcome is the exit status, a negative
    signal number, "TIMEOUT" or "RSS-CAP" (killed past cap_mb)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    why = []
    done = threading.Event()

    def watchdog():  # kills on timeout or runaway memory; polls, so cheap
        while not done.wait(0.05):
            if time.perf_counter() - start > timeout:
                why.append("TIMEOUT")
            elif rss_mb(proc.pid) > cap_mb:
                why.append("RSS-CAP")
            else:
                continue
            os.kill(proc.pid, signal.SIGKILL)
            return

    thread = threading.Thread(target=watchdog, daemon=True)
    thread.start()
    _, status, usage = os.wait4(proc.pid, 0)
    done.set()
    thread.join()
    proc.returncode = os.waitstatus_to_exitcode(status)  # keeps Popen from reaping again
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024, why[0] if why else os.waitstatus_to_exitcode(status)


def measure(argv, runs, timeout, cap_mb):
    """Samples of `argv`; a run that timed out or was capped ends the series
    (more runs would say nothing new and cost a minute each)."""
    samples = []
    for _ in range(runs):
        samples.append(run_once(argv, timeout, cap_mb))
        if isinstance(samples[-1][2], str):
            break
    return samples


def summary(samples):
    """(status text, median seconds, median peak MB)."""
    outcomes = collections.Counter(s[2] for s in samples)
    status = "/".join(str(o) for o, _ in outcomes.most_common())
    return status, statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def rbc_problems(samples, diagnostic_due):
    """What in rbc's runs breaks the issue's rules."""
    problems = []
    for _, _, outcome in samples:
        if outcome in ("TIMEOUT", "RSS-CAP"):
            problems.append(outcome)
        elif outcome < 0 or outcome >= 128:
            problems.append(f"crash (status {outcome})")
        elif diagnostic_due and outcome not in (1, 2):
            problems.append(f"no diagnostic (status {outcome})")
    peak = max(s[1] for s in samples)
    if peak > BUDGET_MB:
        problems.append(f"OVER {BUDGET_MB} MB (max {peak:.0f} MB)")
    return sorted(set(problems))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rbc")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--keep", help="write the inputs here and leave them")
    parser.add_argument("--rss-cap", type=float, default=RSS_CAP_MB,
                        help="kill a run whose RSS passes this many MB (reported RSS-CAP)")
    args = parser.parse_args()
    rbc = str(Path(args.rbc).resolve())
    promtool = shutil.which("promtool")
    tmp = Path(args.keep or tempfile.mkdtemp(prefix="rbc-memory-"))
    tmp.mkdir(parents=True, exist_ok=True)
    rows, failures = [], []
    try:
        for name, file_name, write, is_rules, diagnostic_due in INPUTS:
            path = tmp / file_name
            write(path)
            size = path.stat().st_size
            rbc_samples = measure([rbc, "check", str(path)], args.runs, args.timeout, args.rss_cap)
            peer = (summary(measure([promtool, "check", "rules", str(path)], args.runs, args.timeout, args.rss_cap))
                    if promtool and is_rules else None)
            problems = rbc_problems(rbc_samples, diagnostic_due)
            failures += [f"{name}: {p}" for p in problems]
            rows.append((name, size, summary(rbc_samples), peer, problems))
            print(f"measured: {name}", file=sys.stderr, flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print_table(rows, args.runs, args.rss_cap)
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


def print_table(rows, runs, cap_mb):
    print(f"runs per tool and input: {runs} (fewer after a TIMEOUT or RSS-CAP); medians; "
          f"peak = max RSS of the process (RSS-CAP: killed past {cap_mb:.0f} MB); budget {BUDGET_MB} MB\n")
    print("| input | size | rbc status | rbc time | rbc peak | promtool status | promtool time | promtool peak |")
    print("|---|---|---|---|---|---|---|---|")
    for name, size, (status, wall, peak), peer, problems in rows:
        over = " OVER" if peak > BUDGET_MB else ""
        flag = f" ({'; '.join(problems)})" if problems else ""
        peer_cells = (f"{peer[0]} | {peer[1]:.2f} s | {peer[2]:.0f} MB" if peer else "– | – | –")
        print(f"| {name} | {human(size)} | {status}{flag} | {wall:.2f} s | {peak:.0f} MB{over} | {peer_cells} |")


def human(size):
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.0f} kB"


if __name__ == "__main__":
    sys.exit(main())
