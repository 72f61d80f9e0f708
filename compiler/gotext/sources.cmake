# Sources of compiler/gotext/, relative to compiler/.
list(APPEND RBC_SOURCES
  gotext/quote.cpp
  gotext/unicode.cpp
  gotext/unicode_tables.cpp
  gotext/utf8.cpp
)
