// Regex matcher validation with RE2, anchored and worded like Go's regexp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rbc::promql {

struct RegexCheck {
  std::optional<std::string> error;  // Go's "error parsing regexp: ..." text
  bool matches_empty = false;        // whether ^(?:re)$ matches ""
};

RegexCheck check_regex(std::string_view pattern);

}  // namespace rbc::promql
