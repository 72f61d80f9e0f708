# Sources of compiler/promql/, relative to compiler/.
list(APPEND RBC_SOURCES
  promql/parse_stub.cpp
)
