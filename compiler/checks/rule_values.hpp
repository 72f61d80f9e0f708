// Helpers the rule lints share: label and annotation values placed in the
// file, and reading the checks' options.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.hpp"
#include "template/template_refs.hpp"

namespace rbc::checks {

// Span in the rule file of bytes [begin, end) of a label or annotation
// value of `rule` (through quoting and block scalars); the value's own span
// when the bytes cannot be placed.
Span value_span(const model::RuleInfo& rule, const model::Located& value, std::size_t begin, std::size_t end);

// Only values holding `{{` are templates worth parsing.
bool is_template(std::string_view value);

// Where the `$labels.x` / `.Labels.x` text of a label reference ends.
std::size_t label_ref_end(const gotmpl::TemplateRefs& refs, const gotmpl::TemplateRef& label);

// A duration option ("5m"); `fallback` when unset or "" / "none". A value
// that is not a duration is reported at the option and `fallback` used.
std::optional<std::int64_t> duration_option(const model::Project& project, Reporter& reporter,
                                            std::string_view key, std::optional<std::int64_t> fallback);

// A regex option, fully anchored; `fallback` when unset. A pattern that does
// not compile is reported at the option and `fallback` used.
std::string regex_option(const model::Project& project, Reporter& reporter, std::string_view key,
                         std::string_view fallback);

// One entry of a list option: "name" or "name=regex" (the regex fully anchored).
struct NamePattern {
  std::string name;
  std::optional<std::string> value_regex;
};
std::vector<NamePattern> name_patterns(const model::Project& project, Reporter& reporter, std::string_view key);

// Fully anchored RE2 match (false for a pattern that does not compile).
bool full_match(std::string_view pattern, std::string_view text);

// Reports a bad option value at the option's key in rbc.yaml.
void report_bad_option(const model::Project& project, Reporter& reporter, std::string_view key,
                       const std::string& message);

}  // namespace rbc::checks
