#include "model/describe_runbook.hpp"

#include <algorithm>
#include <cctype>
#include <span>
#include <string_view>

#include "runbook/names.hpp"

namespace rbc::model {
namespace {

// Span of field.text[range] in the file.
Span field_span(const runbook::Field& field, const SourceFile& source, threshold::Range range) {
  if (field.offsets.empty() || range.begin >= field.offsets.size()) return field.span;
  const std::size_t last = std::min(range.end, field.offsets.size()) - 1;
  const std::size_t begin = field.offsets[range.begin];
  const std::size_t end = std::max(begin, field.offsets[last]) + 1;
  return {source.position_at(begin), source.position_at(end)};
}

std::string field_text(const runbook::Field& field, threshold::Range range) {
  if (range.begin >= field.text.size()) return {};
  return field.text.substr(range.begin, std::min(range.end, field.text.size()) - range.begin);
}

DocDuration duration(const runbook::Field& field, const SourceFile& source, std::int64_t ms,
                     threshold::Range range) {
  return {ms, field_text(field, range), field_span(field, source, range)};
}

// A field that holds only a duration ("For | 5 minutes" in a table).
bool is_duration_field(const std::string& label) {
  static const char* const kLabels[] = {"for", "duration", "pending", "pending for", "for duration"};
  std::string lower;
  for (char c : label) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::any_of(std::begin(kLabels), std::end(kLabels), [&](const char* l) { return lower == l; });
}

// Reads "5 minutes" in a duration field as "for 5 minutes" would be read,
// with ranges into the field's own text.
threshold::Phrase parse_field(const runbook::Field& field) {
  if (!is_duration_field(field.label)) return threshold::parse_phrase(field.text);
  static constexpr std::size_t kPrefix = 4;  // "for "
  threshold::Phrase phrase = threshold::parse_phrase("for " + field.text);
  const auto unshift = [](threshold::Range& r) {
    r.begin = r.begin >= kPrefix ? r.begin - kPrefix : 0;
    r.end = r.end >= kPrefix ? r.end - kPrefix : 0;
  };
  unshift(phrase.for_text);
  unshift(phrase.window_text);
  for (threshold::Comparison& c : phrase.comparisons) unshift(c.text);
  return phrase;
}

// The sentence of `text` around `range` ("2.5" does not end one).
std::string_view sentence_around(std::string_view text, threshold::Range range) {
  const auto ends_sentence = [&](std::size_t i) {
    const char c = text[i];
    if (c == '.') return i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n';
    return c == '!' || c == '?' || c == '\n' || c == ';';
  };
  std::size_t begin = std::min(range.begin, text.size());
  while (begin > 0 && !ends_sentence(begin - 1)) --begin;
  std::size_t end = std::min(range.end, text.size());
  while (end < text.size() && !ends_sentence(end)) ++end;
  return text.substr(begin, end - begin);
}

bool has_word(std::string_view sentence, std::string_view word) {
  const std::string lower = runbook::to_lower(sentence);
  for (std::size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
    const bool starts = at == 0 || !std::isalpha(static_cast<unsigned char>(lower[at - 1]));
    const std::size_t after = at + word.size();
    const bool ends = after == lower.size() || !std::isalpha(static_cast<unsigned char>(lower[after]));
    if (starts && ends) return true;
  }
  return false;
}

bool has_any_word(std::string_view sentence, std::span<const std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return has_word(sentence, w); });
}

constexpr std::string_view kNormative[] = {"should", "must", "is expected to", "are expected to",
                                           "needs to", "need to", "ought to", "is supposed to"};
constexpr std::string_view kBounds[] = {"no more than", "not more than", "at most", "at least",
                                        "no less than", "no fewer than", "not less than"};

// A sentence that states the healthy state, "Latency should stay below
// 200ms" or "No more than one instance should be running", documents the
// opposite of the alert's condition; "Error rate above 5% should be
// investigated" does not.
bool states_healthy_condition(std::string_view text, threshold::Range range) {
  const std::string_view sentence = sentence_around(text, range);
  const std::size_t offset = static_cast<std::size_t>(sentence.data() - text.data());
  const std::size_t at = range.begin > offset ? range.begin - offset : 0;
  if (has_any_word(sentence.substr(0, at), kNormative)) return true;
  const std::string_view comparison = sentence.substr(at);
  const bool bound = std::any_of(std::begin(kBounds), std::end(kBounds), [&](std::string_view b) {
    return comparison.size() >= b.size() && has_word(comparison.substr(0, b.size()), b);
  });
  return bound && has_any_word(comparison, kNormative);
}

threshold::Op negated(threshold::Op op) {
  switch (op) {
    case threshold::Op::gt: return threshold::Op::le;
    case threshold::Op::ge: return threshold::Op::lt;
    case threshold::Op::lt: return threshold::Op::ge;
    case threshold::Op::le: return threshold::Op::gt;
    case threshold::Op::eq: return threshold::Op::ne;
    case threshold::Op::ne: return threshold::Op::eq;
  }
  return op;
}

void read_condition(SectionInfo& info, const runbook::Field& field, const SourceFile& source) {
  const threshold::Phrase phrase = parse_field(field);
  for (threshold::Comparison c : phrase.comparisons) {
    if (states_healthy_condition(field.text, c.text)) c.op = negated(c.op);
    info.thresholds.push_back({c, field_text(field, c.text), field_span(field, source, c.text)});
  }
  if (phrase.for_ms && !info.for_duration)
    info.for_duration = duration(field, source, *phrase.for_ms, phrase.for_text);
  if (phrase.window_ms && !info.window)
    info.window = duration(field, source, *phrase.window_ms, phrase.window_text);
}

SectionInfo describe_section(runbook::Section section, const SourceFile& source,
                             const config::Config& config) {
  SectionInfo info;
  if (!section.severity.empty()) {
    const runbook::Field& severity = section.severity.front();
    info.severity_text = severity.text;
    info.severity_values = config::severity_values(config, severity.text);
    info.severity_span = severity.span;
  }
  for (const runbook::Field& field : section.conditions) read_condition(info, field, source);
  info.section = std::move(section);
  return info;
}

}  // namespace

RunbookInfo describe_runbook(runbook::RunbookFile file, const SourceFile& source,
                             const config::Config& config) {
  RunbookInfo info;
  info.path = std::move(file.path);
  info.title = std::move(file.title);
  info.anchors = std::move(file.anchors);
  info.links = std::move(file.links);
  for (runbook::Section& section : file.sections)
    info.sections.push_back(describe_section(std::move(section), source, config));
  return info;
}

}  // namespace rbc::model
