#!/usr/bin/env python3
"""Findings of every check over the shared corpus, for docs/checks/corpus-report.md.

Each corpus project is checked on its own (`rbc check --format json
FOLDER...`), so cross-file checks see the whole project, as they would in its
repository; rule sets and the runbook repositories their runbook_url links
point to are checked together, with an rbc.yaml mapping those URLs to the
corpus copies (PROJECTS and url_mappings below). Prints the count per code, and with --sample CODE a fixed random
sample of up to 20 findings of that code (seeded by the code, so the sample is
the same on every run while the findings are), each with its source line,
ready to be judged by hand.

Usage: findings.py RBC [--corpus DIR] [--sample CODE ...] [--all-samples]
"""
import argparse
import collections
import json
import random
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE_SIZE = 20


# Folders that form one project: rules and the runbooks they link to.
PROJECTS = {
    "kube-prometheus": ["kube-prometheus", "prometheus-operator-runbooks"],
    "openshift": ["openshift-cluster-etcd-operator", "openshift-cluster-kube-apiserver-operator",
                  "openshift-cluster-monitoring-operator", "openshift-machine-config-operator",
                  "ocs-operator", "openshift-runbooks"],
}

# Public runbook URL prefix -> corpus folder, and whether the site serves
# paths in any letter case (runbooks.prometheus-operator.dev is a Hugo site
# that lower-cases page URLs: its alerts link `.../alertmanagerfailedreload`
# for `AlertmanagerFailedReload.md`, and those links work).
URL_MAPPINGS = [
    ("https://runbooks.prometheus-operator.dev/runbooks/", "prometheus-operator-runbooks/content/runbooks", True),
    ("https://github.com/openshift/runbooks/blob/master/", "openshift-runbooks", False),
    ("https://github.com/thanos-io/thanos/tree/main/", "thanos", False),
]


def projects(corpus):
    grouped = {folder for folders in PROJECTS.values() for folder in folders}
    out = [[corpus / f for f in folders] for folders in PROJECTS.values()]
    out += [[p] for p in sorted(corpus.iterdir()) if p.is_dir() and p.name not in grouped]
    return sorted(out)


def write_config(corpus, folder):
    path = Path(folder) / "rbc.yaml"
    lines = ["url_mappings:"]
    for prefix, target, ignore_case in URL_MAPPINGS:
        lines += [f"  - prefix: {prefix}", f"    path: {corpus.resolve() / target}",
                  f"    ignore_case: {'true' if ignore_case else 'false'}"]
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def project_findings(rbc, folders, config):
    command = [rbc, "check", "--format", "json", "--config", config, *map(str, folders)]
    out = subprocess.run(command, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise SystemExit(f"rbc failed on {folders}: {out.stderr.strip()}")
    return json.loads(out.stdout)


def all_findings(rbc, corpus):
    findings = []
    with tempfile.TemporaryDirectory() as scratch:
        config = write_config(corpus, scratch)
        for folders in projects(corpus):
            findings.extend(project_findings(rbc, folders, config))
    return findings


def source_line(path, line):
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return lines[line - 1].strip() if 0 < line <= len(lines) else ""


def sample(findings, code):
    chosen = [f for f in findings if f["code"] == code]
    chosen.sort(key=lambda f: (f["file"], f["line"], f["column"], f["message"]))
    rng = random.Random(code)
    return rng.sample(chosen, min(SAMPLE_SIZE, len(chosen)))


def relative(path, corpus):
    try:
        return str(Path(path).resolve().relative_to(corpus.resolve()))
    except ValueError:
        return path


def print_sample(findings, code, corpus):
    print(f"\n### {code}\n")
    print("| # | Finding | Source line | Verdict | Reason |")
    print("|---|---|---|---|---|")
    for i, f in enumerate(sample(findings, code), 1):
        where = f"{relative(f['file'], corpus)}:{f['line']}"
        line = source_line(f["file"], f["line"]).replace("|", "\\|")[:120]
        message = f["message"].replace("|", "\\|")
        print(f"| {i} | `{where}` {message} | `{line}` | | |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rbc")
    parser.add_argument("--corpus", default=str(HERE.parent.parent.parent / "shared" / "corpus"))
    parser.add_argument("--sample", nargs="*", default=[])
    parser.add_argument("--all-samples", action="store_true")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    findings = all_findings(args.rbc, corpus)
    counts = collections.Counter(f["code"] for f in findings)
    print("| Code | Findings |\n|---|---|")
    for code, count in sorted(counts.items()):
        print(f"| {code} | {count} |")
    for code in sorted(counts) if args.all_samples else args.sample:
        print_sample(findings, code, corpus)


if __name__ == "__main__":
    main()
