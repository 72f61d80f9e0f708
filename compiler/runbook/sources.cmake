# runbook stage sources (relative to compiler/).
list(APPEND RBC_SOURCES
  runbook/slug.cpp
  runbook/slug_tables.cpp
)
