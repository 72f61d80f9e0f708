#include "runbook/fields.hpp"

#include <algorithm>
#include <iterator>

#include "runbook/names.hpp"

namespace rbc::runbook {

namespace {

constexpr std::string_view kSeverityLabels[] = {
    "severity", "priority", "level", "severity level", "alert level", "alert severity"};

constexpr std::string_view kConditionLabels[] = {
    "description", "trigger", "triggers", "triggered when", "trigger condition", "symptom",
    "symptoms", "condition", "conditions", "alert condition", "fires when", "fires",
    "threshold", "thresholds", "expression", "expr", "when", "summary", "for", "alert text",
    "duration"};

constexpr std::string_view kAlertLabels[] = {"alert", "alerts", "alert name", "alertname",
                                             "alert rule", "alert names"};

template <typename List>
bool contains(const List& list, std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Longest label we accept before a colon: a few words.
constexpr std::size_t kMaxLabel = 32;

}  // namespace

LabelKind classify_label(std::string_view label) {
  while (!label.empty() && (is_blank(label.back()) || label.back() == ':')) label.remove_suffix(1);
  while (!label.empty() && is_blank(label.front())) label.remove_prefix(1);
  const std::string low = to_lower(label);
  if (contains(kSeverityLabels, low)) return LabelKind::severity;
  if (contains(kConditionLabels, low)) return LabelKind::condition;
  if (contains(kAlertLabels, low)) return LabelKind::alert;
  return LabelKind::none;
}

Field make_field(std::string_view label, const PlainText& plain, std::size_t begin,
                 std::size_t end, const SourceFile& source) {
  while (begin < end && is_blank(plain.text[begin])) ++begin;
  while (end > begin && is_blank(plain.text[end - 1])) --end;
  while (!label.empty() && is_blank(label.back())) label.remove_suffix(1);
  while (!label.empty() && is_blank(label.front())) label.remove_prefix(1);
  Field field;
  field.label = std::string(label);
  field.text = plain.text.substr(begin, end - begin);
  field.offsets.assign(plain.offsets.begin() + static_cast<std::ptrdiff_t>(begin),
                       plain.offsets.begin() + static_cast<std::ptrdiff_t>(end));
  if (!field.offsets.empty()) {
    field.span.begin = source.position_at(field.offsets.front());
    field.span.end = source.position_at(field.offsets.back() + 1);
  }
  return field;
}

std::vector<LabelledField> line_fields(const PlainText& plain, const SourceFile& source) {
  std::vector<LabelledField> out;
  const std::string& text = plain.text;
  std::size_t line = 0;
  while (line < text.size()) {
    std::size_t eol = text.find('\n', line);
    if (eol == std::string::npos) eol = text.size();
    const std::size_t colon = text.find(':', line);
    if (colon < eol && colon - line <= kMaxLabel) {
      const std::string_view label(text.data() + line, colon - line);
      const LabelKind kind = classify_label(label);
      // "`level: error`" is code, not a label.
      const std::size_t at = plain.offsets[line];
      const bool in_code = at > 0 && source.text()[at - 1] == '`';
      if (kind != LabelKind::none && !in_code) {
        Field field = make_field(label, plain, colon + 1, eol, source);
        if (!field.text.empty()) out.push_back({kind, std::move(field)});
      }
    }
    line = eol + 1;
  }
  return out;
}

}  // namespace rbc::runbook
