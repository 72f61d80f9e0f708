# Sources of compiler/diag/, relative to compiler/.
list(APPEND RBC_SOURCES
  diag/source.cpp
  diag/diagnostic.cpp
  diag/codes.cpp
  diag/suggest.cpp
)
