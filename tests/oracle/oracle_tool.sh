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
