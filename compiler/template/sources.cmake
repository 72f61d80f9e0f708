# Sources of compiler/template/, relative to compiler/.
list(APPEND RBC_SOURCES
  template/function_set.cpp
  template/go_literals.cpp
  template/go_template.cpp
  template/lexer.cpp
  template/parser.cpp
  template/template_refs.cpp
)
