#!/usr/bin/env bash
# Regenerates tests/data/oracle/go_printable_ranges.tsv: the code points a
# real Prometheus 2.42 prints raw inside %q-quoted strings (Go's
# strconv.IsPrint with the Unicode tables of the Go release that built the
# Debian binary), as inclusive hex ranges "first<TAB>last". Every code point
# except the surrogates is loaded as a \U escape in string-literal recording
# rules and read back from /api/v1/rules.
#
# usage: tests/oracle/record_printable.sh      (needs prometheus, curl, jq, python3)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=$repo/tests/data/oracle/go_printable_ranges.tsv

source "$here/oracle_tool.sh"
make_scratch_dir

# Rule r<i> holds code points 512*i .. 512*i+511 (surrogates skipped) as one string literal.
python3 - "$tmp/rules.yml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("groups:\n- name: g\n  rules:\n")
    for block in range(0x110000 // 512):
        cps = [c for c in range(block * 512, block * 512 + 512) if not 0xD800 <= c <= 0xDFFF]
        if not cps:
            continue
        body = "".join("\\U%08x" % c for c in cps)
        f.write("  - record: r%d\n    expr: '\"%s\"'\n" % (block, body))
PY
start_prometheus "$tmp"
curl -sf "http://127.0.0.1:$port/api/v1/rules" >"$tmp/rules.json"

# Walk each rendering: a raw character is printable; an escape is not, except
# \\ and \" (printable characters that merely need escaping).
jq -c '.data.groups[].rules[] | [.name, .query]' "$tmp/rules.json" | python3 -c '
import json, sys
printable = {}
for line in sys.stdin:
    name, q = json.loads(line)
    block = int(name[1:])
    cps = [c for c in range(block * 512, block * 512 + 512) if not 0xD800 <= c <= 0xDFFF]
    assert q[0] == "\"" and q[-1] == "\"", q[:20]
    i, k, body = 0, 0, q[1:-1]
    lengths = {"x": 4, "u": 6, "U": 10}
    while i < len(body):
        if body[i] == "\\":
            e = body[i + 1]
            n = lengths.get(e, 2)
            printable[cps[k]] = e in "\\\""
            i += n
        else:
            assert ord(body[i]) == cps[k], (hex(ord(body[i])), hex(cps[k]))
            printable[cps[k]] = True
            i += 1
        k += 1
    assert k == len(cps), (name, k, len(cps))
assert len(printable) == 0x110000 - 2048, len(printable)
start = None
for c in range(0x110001):
    p = printable.get(c, False)
    if p and start is None:
        start = c
    if not p and start is not None:
        print("%x\t%x" % (start, c - 1))
        start = None
' >"$tmp/ranges.tsv"
mkdir -p "$(dirname "$out")"
mv "$tmp/ranges.tsv" "$out"
echo "record_printable: wrote $(wc -l <"$out") ranges to $out" >&2
