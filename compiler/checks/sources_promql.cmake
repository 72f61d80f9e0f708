# promql lint checks (relative to compiler/).
list(APPEND RBC_SOURCES
  checks/promql_fragile.cpp
  checks/promql_impossible.cpp
  checks/promql_irate.cpp
  checks/promql_nan_aggregation.cpp
  checks/promql_no_comparison.cpp
  checks/promql_regex.cpp
  checks/promql_walk.cpp
  checks/rule_dependency.cpp
)
