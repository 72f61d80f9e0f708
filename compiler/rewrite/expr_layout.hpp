// Canonical layout of one PromQL expression (what `rbc fmt` writes).
//
// The shape follows Prometheus's pretty printer (promql/parser/prettier.go,
// v2.42): a node whose one-line form is longer than 100 bytes is broken
// into lines, children indented two spaces per level. Unlike Prometheus's
// printer, every literal keeps the text it was written with: numbers
// (1000000, 0x1F, 1e3), durations, string quoting and selector matchers
// are re-emitted token by token from the source, only the spacing changes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "promql/ast.hpp"

namespace rbc::rewrite {

inline constexpr std::size_t kMaxLineWidth = 100;

// Why an expression is left as written.
enum class LayoutSkip { none, has_comment, too_deep };

struct Layout {
  std::string text;  // the canonical layout; empty when skipped
  LayoutSkip skip = LayoutSkip::none;
};

// `source` is the expression text `expr` was parsed from.
Layout layout_expr(std::string_view source, const promql::Expr& expr);

// True when something other than whitespace lies between the tokens of
// `source` (PromQL `#` comments).
bool has_comment(std::string_view source);

// Nesting depth of the tree (iterative: safe on very deep trees).
std::size_t tree_depth(const promql::Expr& expr);

// Deepest tree the recursive printer and comparer accept.
inline constexpr std::size_t kMaxDepth = 400;

}  // namespace rbc::rewrite
