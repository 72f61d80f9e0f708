# Sourced by record_*.sh: sets $oracle to a promql_oracle binary, compiling
# one into directory $1 unless PROMQL_ORACLE names a built one.
# The source list is explicit: tests/oracle also holds other people's tools.
oracle_sources=(promql_oracle_main.cpp gen_literals.cpp gen_exprs.cpp gen_binary.cpp gen_functions.cpp
                gen_mutate.cpp promtool_runner.cpp tsv.cpp)

build_promql_oracle() {
  oracle=${PROMQL_ORACLE:-}
  if [[ -z $oracle ]]; then
    local dir=$1 here
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
    g++ -std=c++20 -O2 -o "$dir/promql_oracle" "${oracle_sources[@]/#/$here/}"
    oracle=$dir/promql_oracle
  fi
}

# Starts "${PROMETHEUS:-prometheus}" on a free 127.0.0.1 port with the rules
# in $1/rules.yml (it writes $1/prometheus.yml; TSDB in $1/data); sets
# $server_pid and $port. The caller owns stopping it (make_scratch_dir).
start_prometheus() {
  local dir=$1 candidate
  port=""
  # Only the rules matter; an hourly evaluation keeps the server idle.
  printf 'global:\n  evaluation_interval: 1h\nrule_files:\n  - %s/rules.yml\n' "$dir" >"$dir/prometheus.yml"
  for _ in $(seq 1 20); do
    candidate=$((20000 + RANDOM % 40000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then continue; fi  # taken
    "${PROMETHEUS:-prometheus}" --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
      --web.listen-address="127.0.0.1:$candidate" --log.level=warn >"$dir/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 300); do
      if curl -sf "http://127.0.0.1:$candidate/-/ready" >/dev/null 2>&1; then port=$candidate; return 0; fi
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  done
  echo "could not start ${PROMETHEUS:-prometheus}:" >&2
  cat "$dir/server.log" >&2 || true
  return 1
}

# Sets $tmp to a scratch folder that is removed on exit, and stops the
# Prometheus server whose pid a script stores in $server_pid, even when the
# script is interrupted.
make_scratch_dir() {
  tmp=$(mktemp -d)
  server_pid=""
  trap cleanup_scratch_dir EXIT
  trap 'exit 130' INT TERM
}

cleanup_scratch_dir() {
  if [[ -n ${server_pid:-} ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "${tmp:-}"
}
