#include "checks/queries.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "config/config.hpp"
#include "diag/suggest.hpp"

namespace rbc::checks {

const model::SectionInfo* bound_section(const model::Project& project, const model::Binding& binding) {
  if (binding.facts == model::kWholeFile) return nullptr;
  return &project.runbooks[binding.runbook].sections[binding.facts];
}

std::string display_path(const std::string& path) {
  const std::filesystem::path p(path);
  if (!p.is_absolute()) return path;
  std::error_code ec;
  const std::filesystem::path cwd = std::filesystem::current_path(ec);
  return ec ? path : p.lexically_proximate(cwd).string();
}

std::string where(const std::string& file, Span span) {
  return fmt::format("{}:{}", file, span.begin.line);
}

std::string number_text(double value) { return fmt::format("{}", value); }

namespace {

// Units written right after the number ("5%", "2s", "10MB/10m"); counted
// nouns get a space ("1000 messages").
bool is_symbol_unit(const std::string& unit) {
  static const char* const kSymbols[] = {"%", "ms", "s", "m", "h", "d", "B", "KB", "MB", "GB", "TB",
                                         "KiB", "MiB", "GiB", "TiB"};
  if (unit.find('/') != std::string::npos) return true;
  return std::any_of(std::begin(kSymbols), std::end(kSymbols), [&](const char* s) { return unit == s; });
}

}  // namespace

std::string doc_threshold_text(const threshold::Comparison& c) {
  std::string unit = c.unit;
  if (c.of_max) unit += " of max";
  if (unit == "$") return fmt::format("{} ${}", threshold::op_text(c.op), number_text(c.value));
  const bool glued = unit.empty() || is_symbol_unit(unit);
  return fmt::format("{} {}{}{}", threshold::op_text(c.op), number_text(c.value), glued ? "" : " ", unit);
}

std::string severity_of_word(const model::Project& project, const std::string& word) {
  const std::vector<std::string> values = config::severity_values(project.config, word);
  return values.empty() ? std::string() : values.front();
}

std::vector<const model::DocThreshold*> applicable_thresholds(const model::Project& project,
                                                              const model::SectionInfo& section,
                                                              const std::string& severity) {
  std::vector<const model::DocThreshold*> tied, untied;
  for (const model::DocThreshold& t : section.thresholds) {
    if (t.comparison.severity_word.empty())
      untied.push_back(&t);
    else if (!severity.empty() && severity_of_word(project, t.comparison.severity_word) == severity)
      tied.push_back(&t);
  }
  return tied.empty() ? untied : tied;
}

std::string closest_name(std::string_view word, const std::vector<std::string>& candidates) {
  const std::vector<std::string_view> views(candidates.begin(), candidates.end());
  const std::size_t budget = std::max<std::size_t>(2, word.size() / 3);
  const auto match = closest_match(word, views, budget);
  return match ? std::string(*match) : std::string();
}

std::string severity_of(const model::RuleInfo& rule) {
  return rule.severity ? rule.severity->value : std::string();
}

}  // namespace rbc::checks
