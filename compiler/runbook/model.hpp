// What a runbook Markdown file says, as plain data with positions: its
// alert sections (however the team wrote them), the fields in each, every
// heading anchor and every link it writes.
#pragma once

#include <string>
#include <vector>

#include "diag/source.hpp"

namespace rbc::runbook {

// How an alert name was found; decides how much we trust it.
enum class NameSource {
  heading,      // "### HighErrorRate", "### AgentDown / AgentUnhealthy", "### X (Critical)"
  field,        // "**Alert:** `InstanceDown` - ..."
  code_span,    // first code span of the section's first paragraph
  words,        // "### High Error Rate Alert" -> HighErrorRate (section has alert fields)
  front_matter, // page per alert: front matter `alert:` / `title:`
  page,         // page per alert: first heading or file name
  table_row,    // a row of a summary table (Alert | Severity | ...)
};
const char* name_source_text(NameSource source);

struct AlertName {
  std::string name;
  Span span;  // where the name is written
  NameSource source = NameSource::heading;
};

// A field value as written, with the position of its first byte; `text`
// is plain text (Markdown emphasis and code marks removed, whitespace runs
// folded), and `offsets[i]` is the file byte offset of text[i], so anything
// found inside it can be placed exactly.
struct Field {
  std::string label;  // "Severity", "Description", "Trigger", "Alert", "Symptom", "Condition", ...
  std::string text;
  std::vector<std::size_t> offsets;  // same length as text
  Span span;
};

struct Section {
  std::uint32_t line = 0;  // line of the heading (or table row)
  int level = 0;           // heading level 1..6, 0 for a table row or page
  std::string heading;     // heading text as plain text
  std::string anchor;      // GitHub slug of the heading ("" when none)
  std::vector<AlertName> alerts;     // empty: not an alert section
  std::vector<Field> severity;       // severity fields (usually one)
  std::vector<Field> conditions;     // condition-like fields, in order
  Span span;               // heading through the end of the section
};

// A link the runbook itself writes ([text](target), autolinks).
struct Link {
  std::string target;
  Span span;
  bool image = false;  // ![alt](target): the page shows the file itself
};

struct RunbookFile {
  std::string path;
  std::string title;                 // front matter title or first heading
  std::vector<Section> sections;     // only alert sections
  std::vector<std::string> anchors;  // every anchor a link can target, in order
  std::vector<Link> links;
};

}  // namespace rbc::runbook
