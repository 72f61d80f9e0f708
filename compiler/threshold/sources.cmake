# threshold stage sources (relative to compiler/).
list(APPEND RBC_SOURCES
  threshold/phrase.cpp
  threshold/units.cpp
)
