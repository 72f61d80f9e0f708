// PromQL front end: parse an expression as Prometheus 2.42 does.
// Contract used by the rule loader and the CLI; the AST lives in promql/ast.hpp.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace rbc::promql {

struct Expr;  // promql/ast.hpp

// The first error Prometheus would report: byte offset into the expression
// and the message text exactly as Prometheus words it (without the
// "line:col: parse error: " prefix).
struct ParseError {
  std::size_t offset = 0;
  std::string message;
};

struct ParseResult {
  std::shared_ptr<const Expr> expr;  // null when error is set
  std::optional<ParseError> error;
};

// Parses and type-checks. Safe on any input (deeply nested, huge, binary).
ParseResult parse(std::string_view input);

// "L:C" of a byte offset the way Prometheus counts (lines split on LF,
// 1-based byte columns).
std::string line_col(std::string_view input, std::size_t offset);

// Exactly what promtool prints after "could not parse expression: ",
// e.g. "1:19: parse error: unexpected <by> in aggregation".
std::string format_error(std::string_view input, const ParseError& error);

}  // namespace rbc::promql
