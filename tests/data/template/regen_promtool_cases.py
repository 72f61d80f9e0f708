#!/usr/bin/env python3
"""Regenerates promtool_cases.yaml: runs every template of the file through
`promtool check rules` (one alerting rule per template, as annotation "a")
and records promtool's verdict. Usage: regen_promtool_cases.py [promtool]"""
import os, re, subprocess, sys, tempfile
import yaml

here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, "promtool_cases.yaml")
promtool = sys.argv[1] if len(sys.argv) > 1 else "promtool"
cases = yaml.safe_load(open(path, encoding="utf-8"))["cases"]
rules = [{"alert": f"T{i}", "expr": "up", "annotations": {"a": c["template"]}} for i, c in enumerate(cases)]
with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False, encoding="utf-8") as f:
    yaml.safe_dump({"groups": [{"name": "g", "rules": rules}]}, f, allow_unicode=True, width=1 << 30)
run = subprocess.run([promtool, "check", "rules", f.name], capture_output=True, text=True)
out = run.stdout + run.stderr
os.unlink(f.name)
found = {}
pattern = r'"T(\d+)": annotation "a": template: __alert_T\d+:(.*?)(?=\n[^\n]*: group "g", rule \d+, "T|\Z)'
for m in re.finditer(pattern, out, re.S):
    found[int(m.group(1))] = m.group(2).rstrip("\n")
for i, c in enumerate(cases):
    c["error"] = found.get(i)
version = subprocess.run([promtool, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
with open(path, "w", encoding="utf-8") as f:
    f.write(f"# Templates and {version}'s verdict: error is null (accepted) or\n")
    f.write("# \"LINE: message\" as printed after \"template: __alert_T<index>:\".\n")
    f.write("# Regenerate with regen_promtool_cases.py; add cases by hand with any error.\n")
    yaml.safe_dump({"cases": cases}, f, allow_unicode=True, width=1 << 30, sort_keys=False)
print(f"{len(cases)} cases, {len(found)} rejected")
