# Sources of compiler/promql/, relative to compiler/.
list(APPEND RBC_SOURCES
  promql/ast.cpp
  promql/ast_json.cpp
  promql/big_stack.cpp
  promql/check.cpp
  promql/functions.cpp
  promql/go_format.cpp
  promql/lexer.cpp
  promql/label_pins.cpp
  promql/parse.cpp
  promql/printer.cpp
  promql/regex.cpp
  promql/result_labels.cpp
  promql/syntax_builder.cpp
  promql/syntax_parser.cpp
  promql/syntax_tokens.cpp
  promql/token_sets.cpp
  promql/values.cpp
)
