# checks stage sources (relative to compiler/).
list(APPEND RBC_SOURCES
  checks/queries.cpp
  checks/registry.cpp
  checks/reporter.cpp
  checks/route_unrouted.cpp
  checks/route_unused.cpp
  checks/runbook_dead_link.cpp
  checks/runbook_link.cpp
  checks/runbook_missing.cpp
  checks/runbook_orphan.cpp
  checks/runbook_outside_root.cpp
  checks/xcheck_for.cpp
  checks/xcheck_severity.cpp
  checks/xcheck_threshold.cpp
  checks/xcheck_unverifiable.cpp
)
# Each lint area lists its own files.
include(${CMAKE_CURRENT_LIST_DIR}/sources_rules.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/sources_promql.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/sources_server.cmake)
