#!/bin/sh
# Differential check of the rule-file schema against promtool 2.42: writes
# small rule files that each vary one field (group name, interval, limit,
# alert/record, expr, for, labels, annotations, explicit tags, YAML after
# the first document...) and compares the verdict of `rbc check FILE`
# with `promtool check rules FILE`. Prints every disagreement; exit 1 if any.
#
#   tests/oracle/rules_schema_diff.sh path/to/rbc
set -eu
rbc=${1:?usage: rules_schema_diff.sh path/to/rbc}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import os, sys
out = sys.argv[1]
R = "  - alert: A\n    expr: up\n"
V = {
 "name": ["a", "''", "~", "5", "[a]", "{a: b}", "'x y'", "true", "1.5", "2001-12-14", "&x a", "!!int x"],
 "interval": ["1m", "0", "''", "5", "1.5m", "~", "[1]", "1d1h", "0s", "1h1d", "'1m'", "!!str 1m", "0.0", "1w", "300y", "!!null 1m"],
 "limit": ["1", "'1'", "1.5", "-1", "~", "abc", "0b11", "1e3", ".inf", "0o7", "0x1f", "true", "99999999999999999999",
           "012", "1_0", "+5", "!!int 3", "9223372036854775808", "[]", "''", "yes", ".nan", "!!float 5", "!!bool yes"],
 "alert": ["A", "''", "~", "5", "[a]", "'A B'", "{}", "null", "true"],
 "expr": ["up", "''", "~", "1", "[a]", "'up('", "'{}'", "'rate(x[5m])'", "'1 + \"a\"'", "null", "{a: b}",
          "|\n      up\n", ">-\n      up +\n      1\n", "!!str up", ".inf"],
 "for": ["5m", "0", "~", "''", "5", "1h1m", "1m1h", "'5m'", "0.5m", "[5m]", "5M", "1s500ms", "null", "!!null 5m"],
 "labels": ["{a: b}", "{a: 1}", "{__name__: x}", "{'a b': c}", "[a]", "{a: [b]}", "{a: '{{ $x }}'}", "{a: ~}", "{}",
            "~", "{_a: b}", "{'': b}", "{1: b}", "{a: {b: c}}", "'a: b'", "{a: b, a: c}"],
 "annotations": ["{a: '{{ .Value }}'}", "{a: '{{'}", "{0a: b}", "{a: null}", "{a: '{{ nofunc 1 }}'}", "{a: '{{ end }}'}",
                 "{}", "{__name__: x}", "[]", "{a: '}}'}"],
}
files = []
def emit(text):
    files.append(text)
for k in ("interval", "limit"):
    for v in V[k]:
        emit(f"groups:\n- name: g\n  {k}: {v}\n  rules:\n{R}")
for v in V["name"]:
    emit(f"groups:\n- name: {v}\n  rules:\n{R}")
for v in V["alert"]:
    emit(f"groups:\n- name: g\n  rules:\n  - alert: {v}\n    expr: up\n")
    emit(f"groups:\n- name: g\n  rules:\n  - record: {v}\n    expr: up\n")
for v in V["expr"]:
    emit(f"groups:\n- name: g\n  rules:\n  - alert: A\n    expr: {v}\n")
for k in ("for", "labels", "annotations"):
    for v in V[k]:
        emit(f"groups:\n- name: g\n  rules:\n{R}    {k}: {v}\n")
        emit(f"groups:\n- name: g\n  rules:\n  - record: a\n    expr: up\n    {k}: {v}\n")
base = f"groups:\n- name: g\n  rules:\n{R}"
for tail in ["...\n%garbage\n", "---\n%garbage\n", "...\nfoo: [\n", "---\n\tx\n", "--- \"abc\n",
             "...\n%YAML 1.1\n", "---\n- \"\n", "---\nfoo: 1\n"]:
    emit(base + tail)
for text in ["", "groups: []\n", "groups:\n", "groups:\n-\n", "groups:\n- name: a\n  rules:\n  -\n", "- a\n",
             "groups: 3\n", "groups: []\nfoo: 1\n", "groups:\n\t- name: a\n", "a: *b\n",
             "groups:\n- name: a\n  rules:\n  - <<: {expr: up}\n    alert: A\n",
             "groups:\n- name: a\n- name: a\n", "groups:\n- name: a\n  rules:\n  - alert: A\n    alert: B\n    expr: up\n"]:
    emit(text)
for i, text in enumerate(files):
    with open(os.path.join(out, "case%03d.yml" % i), "w") as f:
        f.write(text)
PY
status=0
total=0
for f in "$dir"/case*.yml; do
  total=$((total + 1))
  if promtool check rules "$f" >/dev/null 2>&1; then want=pass; else want=fail; fi
  if "$rbc" check "$f" >/dev/null 2>&1; then got=pass; else got=fail; fi
  if [ "$want" != "$got" ]; then
    status=1
    echo "=== promtool: $want, rbc: $got"
    cat "$f"
  fi
done
echo "$total cases compared"
exit $status
