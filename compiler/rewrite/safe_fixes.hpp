// The safe fixes of `rbc check --fix`, decided on values alone: which
// regex matchers can be simpler, which durations have a canonical form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "promql/ast.hpp"

namespace rbc::rewrite {

// What a regex matcher becomes: `=~"x"` -> `="x"` when x is a plain
// string; `=~"^x$"` -> `=~"x"` (Prometheus anchors every regex already,
// so a leading ^ and a trailing unescaped $ are redundant).
struct MatcherFix {
  promql::MatchOp op = promql::MatchOp::Regex;
  bool drop_caret = false;   // first byte of the value
  bool drop_dollar = false;  // last byte of the value
  std::string value;         // the new value
};
std::optional<MatcherFix> fix_matcher(promql::MatchOp op, std::string_view value);

// True when `after` is `before` or exactly `before` with its fix applied.
bool accepted_matcher_change(const promql::Matcher& before, const promql::Matcher& after);

// Prometheus's own spelling of a duration (model.Duration.String():
// 300s -> 5m, 1h0m -> 1h, 24h -> 1d).
std::string canonical_duration(std::int64_t ms);

}  // namespace rbc::rewrite
