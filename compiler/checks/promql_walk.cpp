#include "checks/promql_walk.hpp"

#include <cctype>

namespace rbc::checks {

using promql::Expr;
using promql::Kind;

std::vector<const Expr*> children(const Expr& e) {
  std::vector<const Expr*> out;
  if (e.param) out.push_back(e.param);
  if (e.expr) out.push_back(e.expr);
  if (e.lhs) out.push_back(e.lhs);
  if (e.rhs) out.push_back(e.rhs);
  for (const Expr* arg : e.args)
    if (arg) out.push_back(arg);
  return out;
}

void walk(const Expr& root, const std::function<void(const Expr&)>& visit) {
  std::vector<const Expr*> stack{&root};
  while (!stack.empty()) {
    const Expr* e = stack.back();
    stack.pop_back();
    visit(*e);
    const std::vector<const Expr*> kids = children(*e);
    // Reversed, so children are visited in source order.
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  }
}

std::vector<const Expr*> selectors(const Expr& root) {
  std::vector<const Expr*> out;
  walk(root, [&](const Expr& e) {
    if (e.kind == Kind::VectorSelector) out.push_back(&e);
  });
  return out;
}

const Expr& unparen(const Expr& e) {
  const Expr* at = &e;
  while (at->kind == Kind::Paren && at->expr) at = at->expr;
  return *at;
}

std::string metric_name(const Expr& selector) {
  if (!selector.text.empty()) return selector.text;
  for (const promql::Matcher& m : selector.matchers)
    if (m.name == "__name__" && m.op == promql::MatchOp::Equal) return m.value;
  return "";
}

std::string_view node_text(const model::RuleInfo& rule, const Expr& e) {
  const std::string& text = rule.expr.value;
  if (e.begin >= text.size() || e.end < e.begin) return {};
  return std::string_view(text).substr(e.begin, e.end - e.begin);
}

Span node_span(const model::RuleInfo& rule, const Expr& e) { return model::expr_span(rule, e.begin, e.end); }

namespace {

// Reads the matchers between a selector's braces back from its text.
class MatcherScanner {
 public:
  MatcherScanner(std::string_view text, std::size_t at) : text_(text), at_(at) {}

  // Offsets of the next matcher, or nothing at the closing brace or on
  // text it does not understand.
  std::optional<std::pair<std::size_t, std::size_t>> next() {
    skip_space();
    if (at_ < text_.size() && text_[at_] == ',') {
      ++at_;
      skip_space();
    }
    const std::size_t begin = at_;
    while (at_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[at_])) || text_[at_] == '_')) ++at_;
    if (at_ == begin) return std::nullopt;
    skip_space();
    if (!skip_operator()) return std::nullopt;
    skip_space();
    if (!skip_string()) return std::nullopt;
    return std::make_pair(begin, at_);
  }

 private:
  void skip_space() {
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '#') {
        while (at_ < text_.size() && text_[at_] != '\n') ++at_;
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        ++at_;
      } else {
        return;
      }
    }
  }
  bool skip_operator() {
    const std::string_view rest = text_.substr(at_);
    for (std::string_view op : {"=~", "!~", "!=", "="}) {
      if (rest.substr(0, op.size()) == op) {
        at_ += op.size();
        return true;
      }
    }
    return false;
  }
  bool skip_string() {
    if (at_ >= text_.size()) return false;
    const char quote_char = text_[at_++];
    if (quote_char != '"' && quote_char != '\'' && quote_char != '`') return false;
    while (at_ < text_.size() && text_[at_] != quote_char) {
      if (text_[at_] == '\\' && quote_char != '`') ++at_;
      ++at_;
    }
    if (at_ >= text_.size()) return false;
    ++at_;
    return true;
  }

  std::string_view text_;
  std::size_t at_;
};

}  // namespace

std::optional<std::pair<std::size_t, std::size_t>> matcher_offsets(const model::RuleInfo& rule, const Expr& selector,
                                                                    std::size_t index) {
  const std::string_view text = node_text(rule, selector);
  const std::size_t brace = text.find('{');
  if (brace == std::string_view::npos) return std::nullopt;
  MatcherScanner scanner(text, brace + 1);
  for (std::size_t i = 0;; ++i) {
    const auto found = scanner.next();
    if (!found) return std::nullopt;
    if (i == index) return std::make_pair(selector.begin + found->first, selector.begin + found->second);
  }
}

std::string quote(std::string_view value) {
  std::string out = "\"";
  for (const char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

}  // namespace rbc::checks
