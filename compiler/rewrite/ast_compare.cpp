#include "rewrite/ast_compare.hpp"

#include <cstring>
#include <utility>

namespace rbc::rewrite {
namespace {

using promql::Expr;

bool same_number(double a, double b) {
  if (a != a && b != b) return true;  // NaN: any NaN literal reads back as NaN
  return std::memcmp(&a, &b, sizeof a) == 0;
}

// Compares the node's own fields, not its children.
std::string node_difference(const Expr& a, const Expr& b, const MatcherAccept& accept) {
  if (a.kind != b.kind) return std::string("node kind ") + promql::kind_name(a.kind) + " became " + promql::kind_name(b.kind);
  if (!same_number(a.number, b.number)) return "number value changed";
  if (a.text != b.text) return "text \"" + a.text + "\" became \"" + b.text + "\"";
  if (a.matchers.size() != b.matchers.size()) return "matcher count changed";
  for (std::size_t i = 0; i < a.matchers.size(); ++i)
    if (!accept(a.matchers[i], b.matchers[i])) return "matcher " + a.matchers[i].name + " changed";
  if (a.offset_ms != b.offset_ms || a.at != b.at || a.at_ms != b.at_ms) return "offset or @ changed";
  if (a.range_ms != b.range_ms || a.step_ms != b.step_ms) return "range or step changed";
  if (a.func != b.func || a.op != b.op) return "function or operator changed";
  if (a.grouping != b.grouping || a.without != b.without) return "grouping changed";
  if (a.return_bool != b.return_bool || a.has_matching != b.has_matching) return "vector matching changed";
  // Matching fields left over where the parser dropped the matching (a
  // scalar side: `1 + on() foo`) mean nothing.
  if (a.has_matching && (a.card != b.card || a.on != b.on || a.matching_labels != b.matching_labels ||
                         a.include_labels != b.include_labels))
    return "vector matching changed";
  if (a.vtype != b.vtype) return "type changed";
  return "";
}

}  // namespace

std::vector<const Expr*> children(const Expr& e) {
  std::vector<const Expr*> out;
  for (const Expr* c : {e.param, e.expr, e.lhs, e.rhs})
    if (c) out.push_back(c);
  out.insert(out.end(), e.args.begin(), e.args.end());
  return out;
}

bool same_matcher(const promql::Matcher& a, const promql::Matcher& b) {
  return a.name == b.name && a.op == b.op && a.value == b.value && a.matches_empty == b.matches_empty;
}

std::string ast_difference(const Expr& a, const Expr& b, const MatcherAccept& accept) {
  std::vector<std::pair<const Expr*, const Expr*>> todo{{&a, &b}};
  while (!todo.empty()) {
    auto [x, y] = todo.back();
    todo.pop_back();
    if (std::string diff = node_difference(*x, *y, accept); !diff.empty()) return diff;
    const auto xs = children(*x);
    const auto ys = children(*y);
    if (xs.size() != ys.size()) return "child count changed";
    for (std::size_t i = 0; i < xs.size(); ++i) todo.emplace_back(xs[i], ys[i]);
  }
  return "";
}

}  // namespace rbc::rewrite
