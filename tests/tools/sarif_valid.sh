#!/bin/sh
# rbc's SARIF output must validate against the SARIF 2.1.0 schema.
# Usage: sarif_valid.sh RBC SOURCE_DIR
set -eu
rbc=$1 src=$2
python=python3
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import jsonschema' 2>/dev/null && python=/usr/bin/python3
out=$(mktemp) && trap 'rm -f "$out"' EXIT
# Exit 1 (findings) is expected here; anything else is a failure.
"$rbc" check --format sarif "$src/tests/data/report" >"$out" || [ $? -eq 1 ]
grep -q '"results"' "$out"
"$python" "$src/tests/tools/validate_json_schema.py" "$src/schemas/third_party/sarif-2.1.0.json" "$out"
