#!/usr/bin/env python3
"""Seed corpora for the fuzz targets: make_corpus.py OUT_DIR [SHARED_DIR]

Builds OUT_DIR/<target>/ from the repository's samples/ and tests/data/
and, when present, the shared rule corpus (default ../shared/corpus next to
the checkout). Each input is one file named by its content hash, so a rerun
adds nothing twice. Inputs are kept small (libFuzzer mutates small inputs far
faster) and each target's seed count is capped with a fixed random choice, so
the corpus is the same on every machine holding the same files.
"""
import hashlib
import os
import random
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MAX_FILE = 16 * 1024  # the run script's -max_len for whole files
CAPS = {"promql": 3000, "template": 1500, "threshold": 1500, "rules": 400, "runbook": 300, "check": 200}
SPLIT = "\n%%%%\n"  # fuzz_check.cpp's separator of rule file, runbook, rbc.yaml


def yaml_files(folders):
    for folder in folders:
        if folder.is_dir():
            yield from sorted(p for p in folder.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def md_files(folders):
    for folder in folders:
        if folder.is_dir():
            yield from sorted(p for p in folder.rglob("*.md") if p.is_file())


def load_yaml(path):
    try:
        return list(yaml.safe_load_all(path.read_text(encoding="utf-8", errors="replace")))
    except Exception:  # broken fixtures are seeds too, just not for the parts
        return []


def walk_rules(doc):
    """Every rule mapping of a rule file or PrometheusRule document."""
    if isinstance(doc, dict):
        if "expr" in doc and ("alert" in doc or "record" in doc):
            yield doc
        for value in doc.values():
            yield from walk_rules(value)
    elif isinstance(doc, list):
        for value in doc:
            yield from walk_rules(value)


PLACEHOLDER = re.compile(rb"\{\{(LF|CR|TAB|x[0-9a-f]{2})\}\}")
NAMED = {b"LF": b"\n", b"CR": b"\r", b"TAB": b"\t"}


def case_text(line):
    """A line of tests/data/promql/cases.txt: literal, with {{LF}}-style placeholders."""
    return PLACEHOLDER.sub(lambda m: NAMED.get(m.group(1)) or bytes([int(m.group(1)[1:], 16)]), line)


def main():
    out = Path(sys.argv[1])
    shared = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT.parent / "shared" / "corpus"
    data = ROOT / "tests" / "data"
    folders = [ROOT / "samples", data, shared]
    seeds = {name: set() for name in CAPS}

    for path in yaml_files(folders):
        raw = path.read_bytes()
        if len(raw) <= MAX_FILE:
            seeds["rules"].add(raw)
        for doc in load_yaml(path):
            for rule in walk_rules(doc):
                if isinstance(rule.get("expr"), str):
                    seeds["promql"].add(rule["expr"].encode())
                for part in ("labels", "annotations"):
                    values = rule.get(part)
                    if not isinstance(values, dict):
                        continue
                    for value in values.values():
                        if isinstance(value, str):
                            (seeds["template"] if "{{" in value else seeds["threshold"]).add(value.encode())
    for path in md_files(folders):
        raw = path.read_bytes()
        if len(raw) <= MAX_FILE:
            seeds["runbook"].add(raw)
        for line in raw.decode("utf-8", "replace").splitlines():
            if re.search(r"\d", line) and len(line) < 300:
                seeds["threshold"].add(line.encode())

    for line in (data / "promql" / "cases.txt").read_bytes().splitlines():
        if line and not line.startswith(b"##"):
            seeds["promql"].add(case_text(line))
    for line in (data / "threshold" / "phrases.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            seeds["threshold"].add(line.split("\t")[0].encode())
    for case in (load_yaml(data / "template" / "promtool_cases.yaml") or [{}])[0].get("cases", []):
        if isinstance(case.get("template"), str):
            seeds["template"].add(case["template"].encode())

    # Small repositories for the whole pipeline: the samples with one rule
    # file, one runbook and an rbc.yaml, and the check fixtures.
    repos = [p for p in (ROOT / "samples").iterdir() if p.is_dir()]
    repos += [p for p in (data / "checks").glob("*/*") if p.is_dir()]
    for repo in sorted(repos):
        rules = sorted(p for p in repo.rglob("*") if p.suffix in (".yml", ".yaml") and p.name != "rbc.yaml")
        runbooks = sorted(repo.rglob("*.md"))
        config = repo / "rbc.yaml"
        for i, rule_file in enumerate(rules):
            parts = [rule_file.read_bytes(), runbooks[i % len(runbooks)].read_bytes() if runbooks else b"",
                     config.read_bytes() if config.is_file() else b""]
            joined = SPLIT.encode().join(parts)
            if len(joined) <= MAX_FILE:
                seeds["check"].add(joined)

    rng = random.Random(6)
    for name, inputs in seeds.items():
        chosen = sorted(inputs)
        if len(chosen) > CAPS[name]:
            chosen = sorted(rng.sample(chosen, CAPS[name]))
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        for data_bytes in chosen:
            (folder / hashlib.sha1(data_bytes).hexdigest()).write_bytes(data_bytes)
        print(f"{name}: {len(chosen)} seeds (of {len(inputs)})")


if __name__ == "__main__":
    main()
