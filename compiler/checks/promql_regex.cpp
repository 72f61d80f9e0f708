// promql/regex: regex matchers that say more than they need to. Prometheus
// anchors every matcher regex at both ends, so `^` and `$` add nothing; a
// regex without metacharacters is a plain (faster, clearer) equality;
// `=~".*"` matches every value and `=~".+"` is `!=""`. Each finding carries
// a note whose message is `replace with: TEXT`, TEXT replacing the note's
// span (the whole matcher), or `remove the matcher` (for `rbc check --fix`).
// Also, as a warning without a fix (the meaning changes): an equality
// matcher whose value looks like a regex (`route!="^/-/health$"`,
// `path="/api/.*"`), which Prometheus compares literally.
#include <fmt/format.h>

#include <cctype>
#include <optional>

#include "checks/check.hpp"
#include "checks/promql_walk.hpp"

namespace rbc::checks {
namespace {

using promql::Expr;
using promql::MatchOp;
using promql::Matcher;

bool escaped_at(std::string_view s, std::size_t i) {
  std::size_t slashes = 0;
  while (i > slashes && s[i - slashes - 1] == '\\') ++slashes;
  return slashes % 2 == 1;
}

// The pattern without a leading `^` and a trailing (unescaped) `$`.
std::string strip_anchors(std::string_view pattern) {
  std::string_view s = pattern;
  if (!s.empty() && s.front() == '^') s.remove_prefix(1);
  if (!s.empty() && s.back() == '$' && !escaped_at(s, s.size() - 1)) s.remove_suffix(1);
  return std::string(s);
}

// The one string the regex matches when it is a plain literal (escaped
// punctuation allowed), else nothing.
std::optional<std::string> literal_of(std::string_view pattern) {
  static constexpr std::string_view kMeta = ".+*?()|[]{}^$";
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(pattern[i]);
    if (c == '\\') {
      if (i + 1 >= pattern.size()) return std::nullopt;
      const unsigned char next = static_cast<unsigned char>(pattern[++i]);
      if (next >= 0x80 || std::isalnum(next) || std::isspace(next)) return std::nullopt;
      out += static_cast<char>(next);
    } else if (kMeta.find(static_cast<char>(c)) != std::string_view::npos) {
      return std::nullopt;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

struct Advice {
  std::string why;
  std::optional<std::string> replacement;  // nothing: remove the matcher
};

std::optional<Advice> advise(const Matcher& m) {
  const bool positive = m.op == MatchOp::Regex;
  if (!positive && m.op != MatchOp::NotRegex) return std::nullopt;
  const std::string pattern = strip_anchors(m.value);
  const bool anchored = pattern.size() != m.value.size();
  if (pattern == ".*") {
    if (!positive) return std::nullopt;  // matches nothing: promql/impossible
    return Advice{"matches every value, including none", std::nullopt};
  }
  if (pattern == ".+")
    return Advice{positive ? "matches any non-empty value" : "matches only the empty value",
                  m.name + (positive ? "!=" : "=") + "\"\""};
  if (const std::optional<std::string> literal = literal_of(pattern))
    return Advice{"has no regex metacharacters", m.name + (positive ? "=" : "!=") + quote(*literal)};
  if (anchored)
    return Advice{"is anchored already (Prometheus anchors every regex at both ends)",
                  m.name + (positive ? "=~" : "!~") + quote(pattern)};
  return std::nullopt;
}

// `^...$` or a `.*` / `.+` in an `=`/`!=` value: meant as a regex.
bool looks_like_regex(const std::string& value) {
  const bool anchored = value.size() >= 2 && value.front() == '^' && value.back() == '$';
  return anchored || value.find(".*") != std::string::npos || value.find(".+") != std::string::npos;
}

void check_equality(const model::RuleInfo& rule, const Matcher& m, Span span, Reporter& reporter) {
  const bool positive = m.op == MatchOp::Equal;
  if ((!positive && m.op != MatchOp::NotEqual) || !looks_like_regex(m.value)) return;
  const std::string regex = m.name + (positive ? "=~" : "!~") + quote(strip_anchors(m.value));
  Diagnostic& d = reporter.report_as(
      Severity::warning, rule.file, span,
      fmt::format("`{}` compares the value literally, but it looks like a regex: did you mean `{}`?",
                  m.name + promql::match_op_text(m.op) + quote(m.value), regex));
  d.group = rule.group;
  d.rule = rule.name.value;
}

void check_selector(const model::RuleInfo& rule, const Expr& selector, Reporter& reporter) {
  // The implicit __name__ matcher of `metric{...}` comes last.
  const std::size_t written = selector.matchers.size() - (selector.text.empty() ? 0 : 1);
  for (std::size_t i = 0; i < written && i < selector.matchers.size(); ++i) {
    const Matcher& m = selector.matchers[i];
    const std::optional<Advice> advice = advise(m);
    if (!advice) {
      const auto at = matcher_offsets(rule, selector, i);
      check_equality(rule, m, at ? model::expr_span(rule, at->first, at->second) : node_span(rule, selector),
                     reporter);
      continue;
    }
    const std::string matcher = m.name + promql::match_op_text(m.op) + quote(m.value);
    const std::string fix = advice->replacement ? "replace with: " + *advice->replacement : "remove the matcher";
    const std::string use = advice->replacement ? "use `" + *advice->replacement + "`" : "remove it";
    const auto at = matcher_offsets(rule, selector, i);
    const Span span = at ? model::expr_span(rule, at->first, at->second) : node_span(rule, selector);
    Diagnostic& d = reporter.report(rule, span, fmt::format("`{}` {}: {}", matcher, advice->why, use));
    if (at) d.notes.push_back({rule.file, span, fix});
  }
}

void run(const model::Project& project, Reporter& reporter) {
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.ast) continue;
    for (const Expr* selector : selectors(*rule.ast)) check_selector(rule, *selector, reporter);
  }
}

}  // namespace

extern const Check promql_regex;
const Check promql_regex{
    {"promql/regex", Severity::info, "a regex matcher that is redundant, over-anchored or a plain equality", false},
    run};

}  // namespace rbc::checks
