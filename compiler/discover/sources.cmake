# Sources of compiler/discover/, relative to compiler/.
list(APPEND RBC_SOURCES
  discover/discover.cpp
)
