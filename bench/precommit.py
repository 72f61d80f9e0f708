#!/usr/bin/env python3
"""What the pre-commit hook costs: `rbc check --changed` in a typical
repository (100 rules in 10 files, 20 runbooks documenting every alert)
with one staged change, against `promtool check rules` on the same rule
files, interleaved in one run.

Usage: precommit.py RBC [--runs N] [--keep DIR]
Prints a Markdown table of medians and peak RSS. The issue's budget: the
hook's run (rbc given the staged file, as pre-commit calls it) under 50 ms.
"""
import argparse
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from compare import measure, medians_and_peaks

RULE_FILES, RULES_PER_FILE, RUNBOOKS = 10, 10, 20
SEVERITIES = ["critical", "warning"]
EXPRS = [
    'sum by (job) (rate(http_requests_total{{job="svc{i}",code=~"5.."}}[5m])) / '
    'sum by (job) (rate(http_requests_total{{job="svc{i}"}}[5m])) > 0.05',
    'histogram_quantile(0.99, sum by (le, service) (rate(request_duration_seconds_bucket{{service="s{i}"}}[10m]))) > 2',
    '(node_filesystem_avail_bytes{{mountpoint="/"}} / node_filesystem_size_bytes{{mountpoint="/"}}) * 100 < 10',
    'up{{job="exporter-{i}"}} == 0',
    'increase(kube_pod_container_status_restarts_total{{namespace="ns{i}"}}[1h]) > 3',
]


def alert(i):
    return (f"      - alert: ServiceAlert{i}\n"
            f"        expr: {EXPRS[i % len(EXPRS)].format(i=i)}\n"
            f"        for: 5m\n"
            f"        labels:\n          severity: {SEVERITIES[i % 2]}\n"
            f"        annotations:\n"
            f"          summary: \"{{{{ $labels.job }}}} is failing\"\n"
            f"          description: \"Alert {i} fired with value {{{{ $value }}}}.\"\n")


def record(i):
    return (f"      - record: job:service_requests{i}:rate5m\n"
            f"        expr: sum by (job) (rate(http_requests_total{{shard=\"{i % 16}\"}}[5m]))\n")


def write_repository(root):
    """Half alerts, half recording rules; each alert documented in a runbook."""
    alerts = []
    for f in range(RULE_FILES):
        body = "groups:\n"
        for g in range(2):
            body += f"  - name: team{f}-{g}\n    rules:\n"
            for r in range(RULES_PER_FILE // 2):
                i = f * RULES_PER_FILE + g * (RULES_PER_FILE // 2) + r
                body += alert(i) if i % 2 == 0 else record(i)
                if i % 2 == 0:
                    alerts.append(i)
        (root / "rules").mkdir(exist_ok=True)
        (root / "rules" / f"team{f}.yml").write_text(body)
    (root / "runbooks").mkdir(exist_ok=True)
    for b in range(RUNBOOKS):
        sections = "".join(
            f"### ServiceAlert{i}\n\n**Severity:** {SEVERITIES[i % 2]}\n\n"
            f"**Trigger:** the condition holds for 5 minutes.\n\nCheck the service dashboard, then its logs.\n\n"
            for i in alerts[b::RUNBOOKS])
        (root / "runbooks" / f"service{b}.md").write_text(f"# Service {b} runbook\n\n{sections}")


def git(root, *args):
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com", *args],
                   cwd=root, check=True, stdout=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rbc")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--keep", help="leave the generated repository here")
    args = parser.parse_args()
    rbc = str(Path(args.rbc).resolve())
    tmp = Path(tempfile.mkdtemp(prefix="rbc-precommit-"))
    try:
        root = tmp / "repo"
        root.mkdir()
        write_repository(root)
        git(root, "init", "-q", "-b", "main")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "base")
        changed = root / "rules" / "team3.yml"
        changed.write_text(changed.read_text().replace("for: 5m", "for: 10m", 1))
        git(root, "add", str(changed))
        rule_files = sorted(str(p.relative_to(root)) for p in (root / "rules").glob("*.yml"))
        staged = str(changed.relative_to(root))
        os.chdir(root)
        cases = [("100 rules, 20 runbooks, 1 staged change", {
            "rbc check --changed FILE (the hook)": [rbc, "check", "--changed", staged],
            "rbc check --changed": [rbc, "check", "--changed"],
            "rbc check (everything)": [rbc, "check"],
            "promtool check rules": ["promtool", "check", "rules", *rule_files],
        })]
        results = measure(cases, args.runs)
        if args.keep:
            shutil.copytree(root, args.keep, dirs_exist_ok=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"runs per command: {args.runs} (interleaved); median wall time; peak RSS = max over runs\n")
    print("| case | command | median | peak RSS |")
    print("|---|---|---|---|")
    for name, samples in results.items():
        med, rss = medians_and_peaks(samples)
        for tool in samples:
            print(f"| {name} | `{tool}` | {med[tool]*1000:.1f} ms | {rss[tool]:.0f} MB |")
    hook = medians_and_peaks(results[cases[0][0]])[0]["rbc check --changed FILE (the hook)"]
    print(f"\nhook median {hook*1000:.1f} ms: {'within' if hook < 0.050 else 'OVER'} the 50 ms budget")


if __name__ == "__main__":
    main()
