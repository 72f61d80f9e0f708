#!/usr/bin/env bash
# Runs the libFuzzer targets of an RBC_FUZZ build for a bounded time each.
#   fuzz/run.sh BUILD_DIR [SECONDS_PER_TARGET] [TARGET...]
# Seeds come from fuzz/make_corpus.py (built once into BUILD_DIR/fuzz-run/seeds);
# inputs libFuzzer finds go to BUILD_DIR/fuzz-run/corpus/<target>, crash
# inputs to BUILD_DIR/fuzz-run/artifacts/. Prints executions per target and
# exits 1 if any target crashed, leaked, timed out or broke an invariant.
# Target promql_diff (not in the default list; needs promtool) also fails
# when rbc and promtool disagree on accepting an input; every disagreement,
# verdict or message, is written to BUILD_DIR/fuzz-run/promql-diff.tsv.
# FUZZ_NICE=10 runs the fuzzers niced (shared machines).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?usage: fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]}" && pwd)
seconds=${2:-60}
shift $(( $# > 1 ? 2 : 1 ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(promql threshold template rules runbook check)
work=$build/fuzz-run
mkdir -p "$work/logs" "$work/artifacts" "$work/dicts"

if [ ! -d "$work/seeds" ]; then
  python3 "$here/make_corpus.py" "$work/seeds.tmp" >/dev/null
  mv "$work/seeds.tmp" "$work/seeds"
fi

dict_for() {
  case $1 in
    promql | promql_diff) echo promql ;;
    template) echo yaml ;;
    threshold | runbook) echo markdown ;;
    rules) echo "yaml promql" ;;
    check) echo "yaml promql markdown" ;;
  esac
}
max_len_for() {
  case $1 in
    threshold) echo 1024 ;;
    promql | promql_diff | template) echo 4096 ;;
    *) echo 16384 ;;
  esac
}

seeds_for() {
  case $1 in
    promql_diff) echo promql ;;
    *) echo "$1" ;;
  esac
}

# promql_diff: disagreements found in this run, from its TSV file.
diff_verdict() {
  local tsv=$work/promql-diff.tsv
  local verdicts messages
  verdicts=$(grep -c '^verdict' "$tsv" 2>/dev/null || true)
  messages=$(grep -c '^message' "$tsv" 2>/dev/null || true)
  echo "promql_diff: $(sed -n 's/.*promql_diff: \([0-9]*\) checked.*/\1/p' "$1" | tail -1) inputs checked against promtool:" \
    "${verdicts:-0} verdict, ${messages:-0} message disagreements ($tsv)" >&2
  [ "${verdicts:-0}" = 0 ]
}

export RBC_DIFF_OUT=$work/promql-diff.tsv
rm -f "$RBC_DIFF_OUT"
status=0
printf '%-10s %12s %9s %9s %8s  %s\n' target executions "exec/s" "new units" "rss MB" result
for t in "${targets[@]}"; do
  dict=$work/dicts/$t.dict
  : >"$dict"
  for d in $(dict_for "$t"); do cat "$here/$d.dict" >>"$dict"; done
  mkdir -p "$work/corpus/$t"
  log=$work/logs/$t.log
  result=ok
  # Our corpus first: libFuzzer writes what it finds into the first folder.
  nice -n "${FUZZ_NICE:-0}" "$build/fuzz_$t" "$work/corpus/$t" "$work/seeds/$(seeds_for "$t")" \
    -max_total_time="$seconds" -max_len="$(max_len_for "$t")" -dict="$dict" \
    -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/$t-" >"$log" 2>&1 || { result="FAILED (see $log)"; status=1; }
  if [ "$t" = promql_diff ] && ! diff_verdict "$log"; then
    result="FAILED: rbc and promtool disagree (see $RBC_DIFF_OUT)"
    status=1
  fi
  stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
  printf '%-10s %12s %9s %9s %8s  %s\n' "$t" "$(stat number_of_executed_units)" \
    "$(stat average_exec_per_sec)" "$(stat new_units_added)" "$(stat peak_rss_mb)" "$result"
  [ "$result" = ok ] || grep -m 5 -E "ERROR|SUMMARY|Test unit written" "$log" || true
done
exit $status
