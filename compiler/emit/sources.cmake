# emit stage sources (relative to compiler/).
list(APPEND RBC_SOURCES
  emit/paths.cpp
)
