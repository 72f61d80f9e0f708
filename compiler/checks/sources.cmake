# checks stage sources (relative to compiler/).
list(APPEND RBC_SOURCES
  checks/registry.cpp
  checks/reporter.cpp
)
