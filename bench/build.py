#!/usr/bin/env python3
"""Time `rbc build` on the whole corpus against `rbc check` on it, interleaved
in one run (the check is the first thing a build does; the difference is what
emitting rules, routes, site and boundary tests costs).

Usage: build.py RBC [--runs N] [--corpus DIR]
The corpus has errors (promtool rejects some of its files), so the build runs
with --force.
"""
import argparse
import tempfile
from pathlib import Path

from compare import HERE, measure, medians_and_peaks


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rbc")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", default=str(HERE.parent.parent / "shared" / "corpus"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "out")
        cases = [("corpus (rules + runbooks)",
                  {"check": [args.rbc, "check", args.corpus],
                   "build": [args.rbc, "build", "--force", args.corpus, "--out", out]})]
        results = measure(cases, args.runs)
        files = sum(1 for p in Path(out).rglob("*") if p.is_file())
    print(f"runs per case: {args.runs} (interleaved); median wall time; peak RSS = max over runs\n")
    print("| case | rbc check | rbc build | build / check | files written | peak RSS (check) | peak RSS (build) |")
    print("|---|---|---|---|---|---|---|")
    for name, samples in results.items():
        med, rss = medians_and_peaks(samples)
        print(f"| {name} | {med['check']*1000:.0f} ms | {med['build']*1000:.0f} ms | "
              f"{med['build']/med['check']:.2f}x | {files} | {rss['check']:.0f} MB | {rss['build']:.0f} MB |")


if __name__ == "__main__":
    main()
