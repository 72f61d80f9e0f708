#include "rewrite/safe_fixes.hpp"

#include <array>

#include "promql/regex.hpp"

namespace rbc::rewrite {
namespace {

bool has_regex_meta(std::string_view v) { return v.find_first_of("\\.+*?()|[]{}^$") != std::string_view::npos; }

// A trailing $ escaped by an odd run of backslashes is a literal dollar.
bool unescaped_last_dollar(std::string_view v) {
  if (v.empty() || v.back() != '$') return false;
  std::size_t slashes = 0;
  for (std::size_t i = v.size() - 1; i > 0 && v[i - 1] == '\\'; --i) ++slashes;
  return slashes % 2 == 0;
}

}  // namespace

std::optional<MatcherFix> fix_matcher(promql::MatchOp op, std::string_view value) {
  if (op != promql::MatchOp::Regex && op != promql::MatchOp::NotRegex) return std::nullopt;
  MatcherFix fix;
  fix.op = op;
  fix.value = std::string(value);
  // \Q...\E quotes a $; flag groups can change what ^ and $ mean: leave
  // such patterns alone.
  const bool plain_anchors = value.find("\\Q") == std::string_view::npos && value.find("(?") == std::string_view::npos;
  if (plain_anchors && !fix.value.empty() && fix.value.front() == '^' &&
      (fix.value.size() == 1 || std::string_view("*+?{").find(fix.value[1]) == std::string_view::npos)) {
    fix.value.erase(0, 1);
    fix.drop_caret = true;
  }
  if (plain_anchors && unescaped_last_dollar(fix.value)) {
    fix.value.pop_back();
    fix.drop_dollar = true;
  }
  // The shorter pattern must still be a valid regex matching "" exactly
  // when the old one did.
  if ((fix.drop_caret || fix.drop_dollar)) {
    const promql::RegexCheck before = promql::check_regex(value);
    const promql::RegexCheck after = promql::check_regex(fix.value);
    if (after.error || before.matches_empty != after.matches_empty) return std::nullopt;
  }
  if (!has_regex_meta(fix.value)) fix.op = op == promql::MatchOp::Regex ? promql::MatchOp::Equal : promql::MatchOp::NotEqual;
  if (fix.op == op && !fix.drop_caret && !fix.drop_dollar) return std::nullopt;
  return fix;
}

bool accepted_matcher_change(const promql::Matcher& before, const promql::Matcher& after) {
  if (before.name == after.name && before.op == after.op && before.value == after.value &&
      before.matches_empty == after.matches_empty)
    return true;
  const auto fix = fix_matcher(before.op, before.value);
  return fix && before.name == after.name && fix->op == after.op && fix->value == after.value &&
         before.matches_empty == after.matches_empty;
}

std::string canonical_duration(std::int64_t ms) {
  if (ms <= 0) return ms == 0 ? "0s" : "";
  struct Unit {
    const char* name;
    std::int64_t ms;
    bool exact;  // used only when it divides the rest evenly
  };
  constexpr std::int64_t day = 24LL * 60 * 60 * 1000;
  constexpr std::array<Unit, 7> units{{{"y", 365 * day, true},
                                       {"w", 7 * day, true},
                                       {"d", day, true},
                                       {"h", 60LL * 60 * 1000, false},
                                       {"m", 60LL * 1000, false},
                                       {"s", 1000, false},
                                       {"ms", 1, false}}};
  std::string out;
  for (const Unit& u : units) {
    if (u.exact && ms % u.ms != 0) continue;
    if (const std::int64_t v = ms / u.ms; v > 0) {
      out += std::to_string(v) + u.name;
      ms -= v * u.ms;
    }
  }
  return out;
}

}  // namespace rbc::rewrite
