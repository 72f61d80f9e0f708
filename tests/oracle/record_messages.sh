#!/usr/bin/env bash
# Regenerates tests/data/oracle/promtool_messages.tsv: generated invalid
# expressions with exactly what promtool 2.42 prints after
# "could not parse expression: ". Columns escaped as described in
# tests/data/oracle/README.md.
#
# usage: tests/oracle/record_messages.sh [SEED] [COUNT]
#   PROMQL_ORACLE=path  use a built promql_oracle instead of compiling one
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
seed=${1:-4343}
count=${2:-4000}
out=$repo/tests/data/oracle/promtool_messages.tsv

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

source "$here/oracle_tool.sh"
build_promql_oracle "$tmp"

"$oracle" gen "$seed" "$count" invalid | "$oracle" check >"$tmp/checked.tsv"
# Drop the repetitive whitespace/comment-only inputs beyond a few.
awk -F'\t' '$2 == "ERR" && !seen[$1]++ {
              if ($3 ~ /no expression found in input$/ && ++blank > 20) next
              print $1 "\t" $3 }' "$tmp/checked.tsv" >"$tmp/messages.tsv"
mkdir -p "$(dirname "$out")"
mv "$tmp/messages.tsv" "$out"
echo "record_messages: wrote $(wc -l <"$out") rows to $out (seed $seed)" >&2
