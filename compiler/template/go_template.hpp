// Go text/template syntax check with Prometheus's template function set,
// used for rule labels and annotations.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rbc::gotmpl {

struct TemplateError {
  std::size_t offset = 0;  // byte offset into the template text
  std::string message;     // Go's wording where practical
  // The line Go puts into its message ("template: NAME:LINE: ..."); usually
  // the line of `offset`, but Go counts from the last token it read.
  std::size_t line = 1;
  // Set for `function "x" not defined`, so callers can suggest a name.
  std::string unknown_function;
};

// Returns the first error, as Go's template parser would, or nothing.
//
// The text is checked the way `promtool check rules` checks an alerting
// rule's label and annotation values: behind the header that defines
// $labels, $externalLabels, $externalURL and $value. `parse_name` is the
// template name promtool uses ("__alert_" + alert name); it only matters for
// a {{define}} that reuses that name and for "started at NAME:LINE".
std::optional<TemplateError> check_syntax(std::string_view text, std::string_view parse_name = {});

// The message promtool prints after `label "k": ` / `annotation "k": `:
// "template: __alert_<alert>:<line>: <message>".
std::string promtool_message(const TemplateError& error, std::string_view alert_name);

}  // namespace rbc::gotmpl
