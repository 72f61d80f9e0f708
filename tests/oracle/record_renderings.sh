#!/usr/bin/env bash
# Regenerates tests/data/oracle/renderings.tsv: generated expressions that
# promtool 2.42 accepts, each with the text a real Prometheus 2.42 server
# reports for it as the rule's "query" in /api/v1/rules (= String() of the
# parsed expression). Both columns are escaped as described in
# tests/data/oracle/README.md.
#
# usage: tests/oracle/record_renderings.sh [SEED] [COUNT]
#   PROMQL_ORACLE=path  use a built promql_oracle instead of compiling one
#   PROMETHEUS=path     server binary (default: prometheus from PATH)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
seed=${1:-4242}
count=${2:-3000}
out=$repo/tests/data/oracle/renderings.tsv

source "$here/oracle_tool.sh"
make_scratch_dir
build_promql_oracle "$tmp"

# 1. generate, 2. keep what promtool accepts (the server refuses the whole file otherwise)
"$oracle" gen "$seed" "$count" valid >"$tmp/gen.txt"
"$oracle" check <"$tmp/gen.txt" >"$tmp/checked.tsv"
awk -F'\t' '$2 == "OK" && !seen[$1]++ { print $1 }' "$tmp/checked.tsv" >"$tmp/valid.txt"
echo "record_renderings: $(wc -l <"$tmp/valid.txt") of $count generated expressions accepted by promtool" >&2
"$oracle" rules <"$tmp/valid.txt" >"$tmp/rules.yml"

# 3. start a private server on a free loopback port
start_prometheus "$tmp"

# 4. read every rule's String() back; rule r<i> is line i of valid.txt
want=$(wc -l <"$tmp/valid.txt")
for _ in $(seq 1 50); do
  curl -sf "http://127.0.0.1:$port/api/v1/rules" >"$tmp/rules.json"
  got=$(jq '[.data.groups[].rules[]] | length' "$tmp/rules.json")
  [[ $got -eq $want ]] && break
  sleep 0.2
done
if [[ $got -ne $want ]]; then
  echo "record_renderings: server loaded $got rules, expected $want" >&2
  exit 1
fi
jq -r '.data.groups[].rules[] | [.name, .query] | @tsv' "$tmp/rules.json" >"$tmp/names.tsv"
awk -F'\t' 'NR == FNR { expr[FNR - 1] = $0; next }
            { i = substr($1, 2); print expr[i] "\t" $2 }' "$tmp/valid.txt" "$tmp/names.tsv" >"$tmp/renderings.tsv"
mkdir -p "$(dirname "$out")"
mv "$tmp/renderings.tsv" "$out"
echo "record_renderings: wrote $(wc -l <"$out") rows to $out (seed $seed, port $port)" >&2
