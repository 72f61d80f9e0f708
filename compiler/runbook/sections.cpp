// Alert sections written as headings.
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <iterator>

#include "runbook/document.hpp"
#include "runbook/names.hpp"

namespace rbc::runbook {

namespace {

// Section titles that are never alert names, even with fields under them.
constexpr std::string_view kGenericWords[] = {
    "overview", "meaning", "impact", "diagnosis", "mitigation", "summary", "description",
    "severity", "symptoms", "resolution", "troubleshooting", "introduction", "background",
    "notes", "example", "examples", "usage", "details", "references", "prerequisites", "issue",
    "problem", "alert", "alerts", "runbook", "contents", "response", "escalation", "steps",
    "investigation", "verification", "recovery", "prevention", "rollback", "dashboards",
    "dashboard", "metrics", "logs", "links", "contact", "contacts", "owner", "owners", "faq",
    "glossary", "purpose", "scope", "procedure", "procedures", "reference", "tools", "fields",
    "annotations", "labels", "rules", "alerting",
    "configuration", "setup", "installation", "monitoring"};

// Words that make a heading a section title, not an alert's name in words
// ("Alert Description", "Impact Summary").
constexpr std::string_view kTitleWords[] = {
    "alert", "alerts", "description", "overview", "summary", "details", "meaning", "impact",
    "diagnosis", "mitigation", "severity", "symptoms", "definition", "information", "info",
    "procedure", "procedures", "steps", "notes", "runbook", "runbooks", "issue", "issues"};

// Condition labels strong enough to make a heading in words an alert.
constexpr std::string_view kTriggerLabels[] = {
    "trigger", "triggers", "triggered when", "trigger condition", "condition", "conditions",
    "alert condition", "fires when", "fires", "threshold", "thresholds", "expression", "expr",
    "when"};

// Subsection titles of the usual per-alert runbook template.
constexpr std::string_view kTemplateHeadings[] = {"meaning", "impact", "diagnosis",
                                                  "mitigation"};

template <typename List>
bool contains(const List& list, std::string_view word) {
  return std::find(std::begin(list), std::end(list), to_lower(word)) != std::end(list);
}

bool mentions_alert(std::string_view text) {
  return to_lower(text).find("alert") != std::string::npos;
}

// "The `X` alert fires ...", "Alert `X` ...": the code span is named as an alert.
bool names_the_alert(std::string_view text, std::size_t at, std::string_view name) {
  std::string_view after = text.substr(at + name.size());
  while (!after.empty() && (after.front() == ' ' || after.front() == ':')) after.remove_prefix(1);
  std::string_view before = text.substr(0, at);
  while (!before.empty() && (before.back() == ' ' || before.back() == ':')) before.remove_suffix(1);
  const std::string low_after = to_lower(after.substr(0, 5));
  const std::string low_before =
      before.size() >= 5 ? to_lower(before.substr(before.size() - 5)) : std::string();
  return low_after == "alert" || low_before == "alert";
}

// "**Alerts**: https://..." names no alert.
bool is_url_at(std::string_view text, const NamedHeading& nh) {
  return text.substr(nh.names.back().end, 3) == "://";
}

bool mentions_runbook(std::string_view text) {
  return to_lower(text).find("runbook") != std::string::npos;
}

Span text_span(const PlainText& plain, std::size_t begin, std::size_t end,
               const SourceFile& source) {
  if (begin >= end || end > plain.offsets.size()) return {};
  return {source.position_at(plain.offsets[begin]), source.position_at(plain.offsets[end - 1] + 1)};
}

bool heading_has_code(cmark_node* heading, std::string_view name) {
  for (cmark_node* child = cmark_node_first_child(heading); child; child = cmark_node_next(child)) {
    if (kind_of(child) != NodeKind::code) continue;
    const char* lit = cmark_node_get_literal(child);
    if (lit && std::string_view(lit) == name) return true;
  }
  return false;
}

// The fields a section carries, sorted by meaning.
struct SectionFields {
  std::vector<Field> severity;
  std::vector<Field> conditions;
  std::vector<Field> alert;
  bool strong = false;  // a severity or trigger-like field
};

SectionFields sort_fields(const std::vector<LabelledField>& fields) {
  SectionFields out;
  for (const LabelledField& f : fields) {
    switch (f.kind) {
      case LabelKind::severity:
        out.severity.push_back(f.field);
        out.strong = true;
        break;
      case LabelKind::condition:
        out.conditions.push_back(f.field);
        if (contains(kTriggerLabels, f.field.label)) out.strong = true;
        break;
      case LabelKind::alert:
        out.alert.push_back(f.field);
        break;
      case LabelKind::none:
        break;
    }
  }
  return out;
}

// "## Alert: HighErrorRate": the length of the "Alert:" prefix (0: none).
std::size_t alert_label_prefix(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon > 16) return 0;
  if (classify_label(text.substr(0, colon)) != LabelKind::alert) return 0;
  std::size_t i = colon + 1;
  while (i < text.size() && text[i] == ' ') ++i;
  return i;
}

// Moves byte ranges found in a heading's tail back into the whole heading.
void shift(NamedHeading& named, std::size_t by) {
  for (NamePart& part : named.names) {
    part.begin += by;
    part.end += by;
  }
  if (named.paren_begin != named.paren_end) {
    named.paren_begin += by;
    named.paren_end += by;
  }
  if (named.words_begin) named.words_begin += by;
}

class HeadingJudge {
 public:
  HeadingJudge(const Page& page, std::size_t index, std::vector<LabelledField> fields,
               bool alert_context)
      : page_(page), h_(page.headings[index]), index_(index), alert_context_(alert_context),
        fields_(sort_fields(fields)) {}

  bool judge(Section& out) {
    const std::string_view text = h_.text.text;
    const std::size_t skip = alert_label_prefix(text);
    const bool named = parse_named_heading(text.substr(skip), named_);
    if (named && skip) shift(named_, skip);
    take_paren_severity(named);
    const bool has_fields = !fields_.severity.empty() || !fields_.conditions.empty();
    bool found = names_from_alert_fields() || (named && names_from_heading(has_fields)) ||
                 names_from_code_span(has_fields) || names_from_words();
    if (!found) return false;
    out.line = h_.line;
    out.level = h_.level;
    out.heading = h_.text.text;
    out.anchor = h_.anchor;
    out.alerts = std::move(names_);
    out.severity = std::move(fields_.severity);
    out.conditions = std::move(fields_.conditions);
    out.span.begin = {h_.line, 1};
    out.span.end = section_end(page_, h_.end_block);
    return true;
  }

 private:
  // "### X (Critical)": the parenthesis is a severity field.
  void take_paren_severity(bool named) {
    std::size_t open = h_.text.text.rfind('(');
    std::size_t close = h_.text.text.rfind(')');
    if (named && named_.paren_begin != named_.paren_end) {
      open = named_.paren_begin - 1;
      close = named_.paren_end;
    }
    if (open == std::string::npos || close == std::string::npos || close < open) return;
    const std::string_view inner(h_.text.text.data() + open + 1, close - open - 1);
    const std::size_t word_end = std::min(inner.find_first_of(" -,/"), inner.size());
    if (!is_severity_word(inner.substr(0, word_end))) return;
    fields_.severity.insert(fields_.severity.begin(),
                            make_field("Severity", h_.text, open + 1, close, page_.source));
    fields_.strong = true;
    words_end_ = open;
  }

  bool acceptable(std::string_view name) const {
    return !is_severity_word(name) && !contains(kGenericWords, name) &&
           classify_label(name) == LabelKind::none;
  }

  bool names_from_alert_fields() {
    for (const Field& field : fields_.alert) {
      NamedHeading nh;
      PlainText value{field.text, field.offsets};
      if (!parse_named_heading(field.text, nh) || is_url_at(field.text, nh) ||
          !std::all_of(nh.names.begin(), nh.names.end(),
                       [&](const NamePart& p) { return acceptable(p.name); })) {
        fields_.conditions.push_back(field);
        continue;
      }
      for (const NamePart& part : nh.names) {
        names_.push_back({part.name, text_span(value, part.begin, part.end, page_.source),
                          NameSource::field});
      }
      if (nh.words_begin) {
        fields_.conditions.push_back(
            make_field(field.label, value, nh.words_begin, value.text.size(), page_.source));
      }
    }
    return !names_.empty();
  }

  bool template_subsections() const {
    int count = 0;
    for (std::size_t j = index_ + 1; j < h_.end_heading; ++j) {
      if (contains(kTemplateHeadings, page_.headings[j].text.text)) ++count;
    }
    return count >= 2;
  }

  bool names_from_heading(bool has_fields) {
    for (const NamePart& part : named_.names) {
      if (!acceptable(part.name)) return false;
      const bool camel = is_camel_name(part.name);
      if (!camel) {
        // A lone word is an alert only with severity or trigger fields and
        // no title after it
        // ("### Issue: Service Won't Start" is not).
        if (!fields_.strong || named_.words_begin != 0) return false;
        continue;
      }
      if (has_fields || alert_context_ || heading_has_code(h_.node, part.name)) {
        continue;
      }
      if (!template_subsections()) return false;
    }
    for (const NamePart& part : named_.names) {
      names_.push_back({part.name, text_span(h_.text, part.begin, part.end, page_.source),
                        NameSource::heading});
    }
    return true;
  }

  // "### Instance down" + "The `InstanceDown` alert fires when ...".
  bool names_from_code_span(bool has_fields) {
    if (h_.block + 1 >= page_.blocks.size() || h_.block + 1 >= h_.end_block) return false;
    if (contains(kGenericWords, h_.text.text) || contains(kTemplateHeadings, h_.text.text)) {
      return false;
    }
    cmark_node* para = page_.blocks[h_.block + 1];
    if (kind_of(para) != NodeKind::paragraph) return false;
    const PlainText plain = plain_text(para, page_.source);
    for (cmark_node* child = cmark_node_first_child(para); child; child = cmark_node_next(child)) {
      if (kind_of(child) != NodeKind::code) continue;
      const char* lit = cmark_node_get_literal(child);
      // Metric and label names (snake_case) are not alert names.
      if (!lit || !is_camel_name(lit) || std::strchr(lit, '_')) continue;
      const std::size_t at = plain.text.find(lit);
      if (at == std::string::npos) continue;
      if (!has_fields && !names_the_alert(plain.text, at, lit)) continue;
      // On a page about one alert, its own name in a subsection is a mention.
      if (!page_.headings.empty() && page_.headings.front().text.text == lit) continue;
      names_.push_back({lit, text_span(plain, at, at + std::string_view(lit).size(), page_.source),
                        NameSource::code_span});
      return true;
    }
    return false;
  }

  // "### High Error Rate Alert" -> HighErrorRate, with alert fields only.
  bool names_from_words() {
    // The page's title heading is the page's, not an alert's.
    if (!fields_.strong || (index_ == 0 && h_.level == 1)) return false;
    const std::size_t end = std::min(words_end_, h_.text.text.size());
    const std::string name = name_from_words(std::string_view(h_.text.text).substr(0, end));
    if (name.empty() || !acceptable(name)) return false;
    for (std::string_view word : camel_words(name)) {
      if (contains(kTitleWords, word)) return false;
    }
    names_.push_back({name, text_span(h_.text, 0, end, page_.source), NameSource::words});
    return true;
  }

  const Page& page_;
  const HeadingEntry& h_;
  std::size_t index_;
  bool alert_context_;
  SectionFields fields_;
  NamedHeading named_;
  std::vector<AlertName> names_;
  std::size_t words_end_ = std::string::npos;
};

// For each heading: does a heading above it (or the page title) speak of alerts?
std::vector<bool> alert_contexts(const Page& page) {
  std::vector<bool> out(page.headings.size(), false);
  std::vector<std::pair<int, bool>> stack;  // level, mentions alerts
  const bool page_context = mentions_alert(page.title) || mentions_runbook(page.title);
  for (std::size_t i = 0; i < page.headings.size(); ++i) {
    const HeadingEntry& h = page.headings[i];
    while (!stack.empty() && stack.back().first >= h.level) stack.pop_back();
    out[i] = page_context ||
             std::any_of(stack.begin(), stack.end(), [](const auto& s) { return s.second; });
    stack.emplace_back(h.level, mentions_alert(h.text.text));
  }
  return out;
}

}  // namespace

std::vector<Section> heading_sections(const Page& page) {
  const std::size_t n = page.headings.size();
  const std::vector<bool> context = alert_contexts(page);
  std::vector<bool> is_alert(n, false);
  std::vector<Section> found;
  // Last to first, so subsections are judged before the sections holding them.
  for (std::size_t k = n; k-- > 0;) {
    const HeadingEntry& h = page.headings[k];
    std::vector<LabelledField> fields = h.fields;
    // A page's title heading does not collect the fields of the whole page
    // (a service page's "## Overview" has a Description too).
    const bool page_title = k == 0 && h.level == 1;
    for (std::size_t j = k + 1; !page_title && j < h.end_heading;) {
      if (is_alert[j]) {
        j = page.headings[j].end_heading;
        continue;
      }
      fields.insert(fields.end(), page.headings[j].fields.begin(), page.headings[j].fields.end());
      ++j;
    }
    Section section;
    if (HeadingJudge(page, k, std::move(fields), context[k]).judge(section)) {
      is_alert[k] = true;
      found.push_back(std::move(section));
    }
  }
  std::reverse(found.begin(), found.end());
  return found;
}

}  // namespace rbc::runbook
