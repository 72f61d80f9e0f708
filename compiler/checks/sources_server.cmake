# server lint checks (relative to compiler/).
list(APPEND RBC_SOURCES
  checks/promql_absent_for.cpp
  checks/promql_counter_raw.cpp
  checks/promql_histogram_le.cpp
  checks/promql_offset_retention.cpp
  checks/promql_range_short.cpp
  checks/promql_rate_type.cpp
  checks/server_walk.cpp
)
