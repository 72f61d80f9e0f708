#!/usr/bin/env python3
"""Cost of reading runbooks: `rbc check` on the whole corpus (rule files and
Markdown runbooks together, found by discovery, bound and cross-checked)
against `rbc check` on the same rule files alone, interleaved in one run.

Usage: runbooks.py RBC [--runs N] [--corpus DIR]
Prints a Markdown table with medians, the ratio and peak RSS. The issue's
budget: the whole run stays within 2x of the rules-only run.
"""
import argparse
from pathlib import Path

from compare import HERE, measure, medians_and_peaks, plain_rule_files


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rbc")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", default=str(HERE.parent.parent / "shared" / "corpus"))
    args = parser.parse_args()
    corpus = Path(args.corpus)
    files = plain_rule_files(corpus, with_objects=True)
    markdown = len(list(corpus.rglob("*.md")))
    cases = [(f"corpus: {len(files)} rule files, {markdown} Markdown files",
              {"rules only": [args.rbc, "check", *files], "rules + runbooks": [args.rbc, "check", str(corpus)]})]
    results = measure(cases, args.runs)
    print(f"runs per case: {args.runs} (interleaved); median wall time; peak RSS = max over runs\n")
    print("| case | rules only | rules + runbooks | ratio | peak RSS (rules only) | peak RSS (with runbooks) |")
    print("|---|---|---|---|---|---|")
    for name, samples in results.items():
        med, rss = medians_and_peaks(samples)
        a, b = med["rules only"], med["rules + runbooks"]
        print(f"| {name} | {a*1000:.0f} ms | {b*1000:.0f} ms | {b/a:.2f}x | "
              f"{rss['rules only']:.0f} MB | {rss['rules + runbooks']:.0f} MB |")


if __name__ == "__main__":
    main()
