#!/usr/bin/env python3
"""Time rbc against promtool on the same inputs, interleaved, in one run.

Usage: compare.py RBC [--runs N] [--corpus DIR] [--rules N]
Prints a Markdown table: median wall time of each tool, the ratio of the
medians, and each tool's peak resident memory (max over runs). Exit status
is not used to judge anything: both tools are expected to report findings on
some inputs.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run_once(argv):
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def measure(cases, runs):
    results = {}
    for name, tools in cases:
        samples = {tool: [] for tool in tools}
        for _ in range(runs):
            for tool, argv in tools.items():  # interleaved: noise hits both
                samples[tool].append(run_once(argv))
        results[name] = samples
    return results


def plain_rule_files(corpus, with_objects=False):
    """Rule files of the corpus: plain ones, and PrometheusRule files when asked."""
    files = []
    for path in sorted(corpus.rglob("*.y*ml")):
        text = path.read_text(errors="replace")
        # Never rule files: promtool unit tests and the awesome-prometheus-alerts
        # catalog (groups of `services:`).
        if re.search(r"^rule_files:|^\s+services:\s*$", text, re.M):
            continue
        if re.search(r"^kind: PrometheusRule", text, re.M):
            if with_objects:
                files.append(str(path))
            continue
        if re.search(r"^\"?groups\"?:", text, re.M):
            files.append(str(path))
    return files


def medians_and_peaks(samples):
    """Per tool: median wall time (s) and peak RSS (MB) over the runs."""
    med = {t: statistics.median(s[0] for s in v) for t, v in samples.items()}
    rss = {t: max(s[1] for s in v) for t, v in samples.items()}
    return med, rss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rbc")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", default=str(HERE.parent.parent / "shared" / "corpus"))
    parser.add_argument("--rules", type=int, default=100000)
    args = parser.parse_args()

    cases = []
    corpus = Path(args.corpus)
    if corpus.is_dir():
        files = plain_rule_files(corpus)
        cases.append((f"corpus: {len(files)} plain rule files",
                      {"rbc": [args.rbc, "check", *files], "promtool": ["promtool", "check", "rules", *files]}))
    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / "generated.yml"
        subprocess.run([sys.executable, str(HERE / "gen_rules.py"), str(args.rules), str(generated)], check=True)
        size_mb = generated.stat().st_size / 1e6
        cases.append((f"generated: {args.rules} rules, {size_mb:.1f} MB",
                      {"rbc": [args.rbc, "check", str(generated)],
                       "promtool": ["promtool", "check", "rules", str(generated)]}))
        results = measure(cases, args.runs)

    print(f"runs per tool and case: {args.runs} (interleaved); median wall time; peak RSS = max over runs\n")
    print("| case | rbc median | promtool median | promtool / rbc | rbc peak RSS | promtool peak RSS |")
    print("|---|---|---|---|---|---|")
    for name, samples in results.items():
        med, rss = medians_and_peaks(samples)
        print(f"| {name} | {med['rbc']*1000:.0f} ms | {med['promtool']*1000:.0f} ms | "
              f"{med['promtool']/med['rbc']:.1f}x | {rss['rbc']:.0f} MB | {rss['promtool']:.0f} MB |")


if __name__ == "__main__":
    main()
