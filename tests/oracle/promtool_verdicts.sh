#!/bin/sh
# Records promtool's verdict on every rule file of the shared corpus, for
# tests/unit/rules_corpus.cpp (which never runs promtool itself).
#
#   tests/oracle/promtool_verdicts.sh [CORPUS_DIR] > tests/data/rules/corpus_verdicts.tsv
#
# Output: one line per rule file: path relative to the corpus, pass|fail,
# promtool's first error text. Plain rule files are checked in place. For
# Kubernetes PrometheusRule files each object's `spec` is written to a
# scratch file and checked there; the file fails if any object fails.
# promtool unit-test files and the awesome-prometheus-alerts catalog are
# not rule files and are left out. Needs promtool 2.42 and python3-yaml.
set -eu
corpus=${1:-/work/shared/corpus}
exec python3 - "$corpus" <<'PY'
import os, subprocess, sys, tempfile
import yaml

corpus = sys.argv[1]

def promtool(path):
    p = subprocess.run(["promtool", "check", "rules", path], capture_output=True, text=True)
    out = (p.stdout + p.stderr).splitlines()
    error = ""
    if p.returncode != 0:
        lines = [l.strip() for l in out if l.strip() and not l.startswith("Checking") and l.strip() != "FAILED:"]
        error = " ".join(lines[:2]).replace(path + ": ", "").replace("\t", " ")
    return p.returncode == 0, error[:300]

def documents(path):
    try:
        with open(path, encoding="utf-8") as f:
            return list(yaml.safe_load_all(f))
    except Exception:
        return None

def kind(docs):
    if docs is None:
        return "plain"
    if any(isinstance(d, dict) and d.get("kind") == "PrometheusRule" for d in docs):
        return "k8s"
    first = docs[0] if docs else None
    if isinstance(first, dict):
        if "rule_files" in first or "tests" in first:
            return "other"
        groups = first.get("groups")
        if isinstance(groups, list) and any(isinstance(g, dict) and "services" in g for g in groups):
            return "other"
    return "plain"

with tempfile.TemporaryDirectory() as scratch:
    for root, _, files in sorted(os.walk(corpus)):
        for name in sorted(files):
            if not name.endswith((".yml", ".yaml")):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, corpus)
            docs = documents(path)
            k = kind(docs)
            if k == "other":
                continue
            if k == "plain":
                ok, error = promtool(path)
            else:
                ok, error = True, ""
                for i, d in enumerate(docs):
                    if not (isinstance(d, dict) and d.get("kind") == "PrometheusRule"):
                        continue
                    spec = os.path.join(scratch, "spec-%d.yaml" % i)
                    with open(spec, "w", encoding="utf-8") as f:
                        yaml.safe_dump(d.get("spec") or {}, f, allow_unicode=True, sort_keys=False)
                    doc_ok, doc_error = promtool(spec)
                    if not doc_ok and ok:
                        ok, error = False, "document %d: %s" % (i + 1, doc_error.replace(spec + ": ", ""))
            print("%s\t%s\t%s" % (rel, "pass" if ok else "fail", error))
PY
