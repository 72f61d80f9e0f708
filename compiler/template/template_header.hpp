// The definitions promtool puts in front of every alerting rule's label and
// annotation value before parsing it (rulefmt's testTemplateParsing). They
// add no newline, so line numbers stay those of the value.
#pragma once

#include <string>
#include <string_view>

namespace rbc::gotmpl {

inline constexpr std::string_view kRuleHeader =
    "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}"
    "{{$externalURL := .ExternalURL}}{{$value := .Value}}";

inline std::string with_rule_header(std::string_view text) {
  std::string full(kRuleHeader);
  full.append(text);
  return full;
}

}  // namespace rbc::gotmpl
