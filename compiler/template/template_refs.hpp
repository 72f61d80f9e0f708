// What a rule template refers to, for lint checks: functions called,
// variables and fields used, and the label names it reads through
// $labels.name, .Labels.name or (index $labels "name").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rbc::gotmpl {

struct TemplateRef {
  std::string name;         // "humanize", "$labels.instance", ".Labels.job", "instance"
  std::size_t offset = 0;   // byte offset in the template text
};

struct TemplateRefs {
  std::vector<TemplateRef> functions;
  std::vector<TemplateRef> variables;  // with their field chain: "$labels.instance"
  std::vector<TemplateRef> fields;     // ".Labels.instance"
  std::vector<TemplateRef> labels;     // label names read from the alert's labels
  bool complete = true;                // false when parsing stopped at an error
};

// Refs found in the text, in source order. On a syntax error, holds what
// was found before it and `complete` is false.
TemplateRefs collect_refs(std::string_view text);

}  // namespace rbc::gotmpl
