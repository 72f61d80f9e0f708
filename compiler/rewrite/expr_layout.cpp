#include "rewrite/expr_layout.hpp"

#include <utility>
#include <vector>

#include "promql/lexer.hpp"
#include "rewrite/ast_compare.hpp"

namespace rbc::rewrite {
namespace {

using promql::Expr;
using promql::Kind;
using promql::Tok;

std::string indent(int level) { return std::string(static_cast<std::size_t>(level) * 2, ' '); }

bool is_modifier(Tok t) { return t == Tok::Offset || t == Tok::At; }

// Re-emits the tokens of a selector, literal or range/subquery suffix as
// written, with canonical spacing: none at all except around `offset`
// and `@`; a trailing comma before `}` is dropped (it means nothing).
std::string join_tokens(std::string_view text) {
  std::vector<promql::Token> tokens;
  promql::Lexer lexer(text);
  for (promql::Token t = lexer.next(); t.type != Tok::Eof && t.type != Tok::Error; t = lexer.next())
    tokens.push_back(t);
  std::string out;
  int braces = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const promql::Token& t = tokens[i];
    if (t.type == Tok::Comma && i + 1 < tokens.size() && tokens[i + 1].type == Tok::RightBrace) continue;
    const bool inside = braces > 0;
    if (!out.empty() && !inside && (is_modifier(t.type) || is_modifier(tokens[i - 1].type))) out += ' ';
    if (t.type == Tok::LeftBrace) ++braces;
    if (t.type == Tok::RightBrace) --braces;
    out += t.text;
  }
  return out;
}

std::string label_list(const std::vector<std::string>& labels) {
  std::string out = "(";
  for (std::size_t i = 0; i < labels.size(); ++i) out += (i ? ", " : "") + labels[i];
  return out + ")";
}

// ` on (a) group_left (b)`; `ignoring ()` is kept when a group modifier
// needs it (Prometheus 2.42's printer drops it and the group modifier).
std::string matching_text(const Expr& e) {
  if (!e.has_matching) return "";
  const bool grouped = e.card == promql::Card::ManyToOne || e.card == promql::Card::OneToMany;
  if (!e.on && e.matching_labels.empty() && !grouped) return "";
  std::string out = std::string(e.on ? " on " : " ignoring ") + label_list(e.matching_labels);
  if (grouped)
    out += std::string(e.card == promql::Card::ManyToOne ? " group_left " : " group_right ") +
           label_list(e.include_labels);
  return out;
}

std::string binary_op_text(const Expr& e) {
  return std::string(promql::op_text(e.op)) + (e.return_bool ? " bool" : "") + matching_text(e);
}

// `sum`, `sum by (a) `, `sum without () ` (as Prometheus: an empty `by`
// means the same as none).
std::string aggregate_head(const Expr& e) {
  std::string out = promql::op_text(e.op);
  if (e.without) return out + " without " + label_list(e.grouping) + " ";
  if (!e.grouping.empty()) return out + " by " + label_list(e.grouping) + " ";
  return out;
}

class Printer {
 public:
  explicit Printer(std::string_view source) : src_(source) {}

  std::string flat(const Expr& e) const {
    switch (e.kind) {
      case Kind::NumberLiteral:
      case Kind::StringLiteral:
      case Kind::VectorSelector:
      case Kind::MatrixSelector: return join_tokens(slice(e.begin, e.end));
      case Kind::Subquery: return flat(*e.expr) + suffix(e);
      case Kind::Paren: return "(" + flat(*e.expr) + ")";
      case Kind::Unary: return promql::op_text(e.op) + flat(*e.expr);
      case Kind::Binary: return flat(*e.lhs) + " " + binary_op_text(e) + " " + flat(*e.rhs);
      case Kind::Call: {
        std::string out = e.text + "(";
        for (std::size_t i = 0; i < e.args.size(); ++i) out += (i ? ", " : "") + flat(*e.args[i]);
        return out + ")";
      }
      case Kind::Aggregate: {
        std::string out = aggregate_head(e) + "(";
        if (e.param) out += flat(*e.param) + ", ";
        return out + flat(*e.expr) + ")";
      }
    }
    return "";
  }

  std::string pretty(const Expr& e, int level) const {
    std::string one_line = flat(e);
    if (one_line.size() <= kMaxLineWidth) return indent(level) + one_line;
    switch (e.kind) {
      case Kind::Subquery: return pretty(*e.expr, level) + suffix(e);
      case Kind::Paren: return indent(level) + "(\n" + pretty(*e.expr, level + 1) + "\n" + indent(level) + ")";
      case Kind::Unary: {
        std::string child = pretty(*e.expr, level);
        return indent(level) + promql::op_text(e.op) + child.substr(child.find_first_not_of(' '));
      }
      case Kind::Binary:
        return pretty(*e.lhs, level + 1) + "\n" + indent(level) + binary_op_text(e) + "\n" + pretty(*e.rhs, level + 1);
      case Kind::Call: {
        std::string out = indent(level) + e.text + "(\n";
        for (std::size_t i = 0; i < e.args.size(); ++i) out += (i ? ",\n" : "") + pretty(*e.args[i], level + 1);
        return out + "\n" + indent(level) + ")";
      }
      case Kind::Aggregate: {
        std::string out = indent(level) + aggregate_head(e) + "(\n";
        if (e.param) out += pretty(*e.param, level + 1) + ",\n";
        return out + pretty(*e.expr, level + 1) + "\n" + indent(level) + ")";
      }
      default: return indent(level) + one_line;
    }
  }

 private:
  std::string_view slice(std::size_t begin, std::size_t end) const {
    if (begin > src_.size() || end < begin) return {};
    return src_.substr(begin, end - begin);
  }
  // `[5m:1m] offset 1m` after a subquery's operand.
  std::string suffix(const Expr& e) const { return join_tokens(slice(e.expr->end, e.end)); }

  std::string_view src_;
};

}  // namespace

bool has_comment(std::string_view source) {
  promql::Lexer lexer(source);
  std::size_t covered = 0;
  auto gap_has_text = [&](std::size_t until) {
    for (std::size_t i = covered; i < until && i < source.size(); ++i) {
      const char c = source[i];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return true;
    }
    return false;
  };
  for (promql::Token t = lexer.next(); t.type != Tok::Eof; t = lexer.next()) {
    if (t.type == Tok::Error) return true;
    if (gap_has_text(t.pos)) return true;
    covered = t.pos + t.text.size();
  }
  return gap_has_text(source.size());
}

std::size_t tree_depth(const promql::Expr& expr) {
  std::size_t deepest = 0;
  std::vector<std::pair<const Expr*, std::size_t>> todo{{&expr, 1}};
  while (!todo.empty()) {
    auto [e, depth] = todo.back();
    todo.pop_back();
    deepest = std::max(deepest, depth);
    for (const Expr* c : children(*e)) todo.emplace_back(c, depth + 1);
  }
  return deepest;
}

Layout layout_expr(std::string_view source, const promql::Expr& expr) {
  if (tree_depth(expr) > kMaxDepth) return {"", LayoutSkip::too_deep};
  if (has_comment(source)) return {"", LayoutSkip::has_comment};
  return {Printer(source).pretty(expr, 0), LayoutSkip::none};
}

}  // namespace rbc::rewrite
