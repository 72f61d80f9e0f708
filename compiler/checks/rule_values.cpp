#include "checks/rule_values.hpp"

#include <re2/re2.h>

#include <fmt/format.h>

#include "load/yaml_scalar_map.hpp"
#include "promql/values.hpp"

namespace rbc::checks {
namespace {

// The scalar node whose span starts where `value` does. RuleInfo keeps only
// spans, so the node is looked up again; only done when reporting.
yaml::NodeId find_scalar(const yaml::Tree& tree, const Span& span) {
  for (yaml::NodeId id = 0; id < tree.node_count(); ++id) {
    if (tree.node(id).kind != yaml::NodeKind::scalar) continue;
    if (tree.span(id).begin == span.begin) return id;
  }
  return yaml::kNoNode;
}

bool is_none(const std::string& text) { return text.empty() || text == "none"; }

}  // namespace

Span value_span(const model::RuleInfo& rule, const model::Located& value, std::size_t begin, std::size_t end) {
  if (!rule.tree) return value.span;
  const yaml::NodeId node = find_scalar(*rule.tree, value.span);
  if (node == yaml::kNoNode) return value.span;
  return {yaml::value_position(*rule.tree, node, begin), yaml::value_position(*rule.tree, node, end)};
}

std::size_t label_ref_end(const gotmpl::TemplateRefs& refs, const gotmpl::TemplateRef& label) {
  for (const auto* list : {&refs.variables, &refs.fields})
    for (const gotmpl::TemplateRef& ref : *list)
      if (ref.offset == label.offset) return ref.offset + ref.name.size();
  return label.offset + 1;
}

bool is_template(std::string_view value) { return value.find("{{") != std::string_view::npos; }

void report_bad_option(const model::Project& project, Reporter& reporter, std::string_view key,
                       const std::string& message) {
  const std::optional<Span> at = reporter.option_span(key);
  reporter.report(project.config.path, at.value_or(Span{}), fmt::format("option '{}': {}", key, message));
}

std::optional<std::int64_t> duration_option(const model::Project& project, Reporter& reporter,
                                            std::string_view key, std::optional<std::int64_t> fallback) {
  const std::optional<std::string> text = reporter.option(key);
  if (!text) return fallback;
  if (is_none(*text)) return std::nullopt;
  std::int64_t ms = 0;
  if (auto error = promql::parse_duration_ms(*text, ms)) {
    report_bad_option(project, reporter, key, fmt::format("'{}' is not a duration ({})", *text, *error));
    return fallback;
  }
  return ms;
}

std::string regex_option(const model::Project& project, Reporter& reporter, std::string_view key,
                         std::string_view fallback) {
  const std::optional<std::string> text = reporter.option(key);
  if (!text) return std::string(fallback);
  const re2::RE2 re(*text, re2::RE2::Quiet);
  if (re.ok()) return *text;
  report_bad_option(project, reporter, key, fmt::format("'{}' is not a valid regex ({})", *text, re.error()));
  return std::string(fallback);
}

std::vector<NamePattern> name_patterns(const model::Project& project, Reporter& reporter, std::string_view key) {
  std::vector<NamePattern> out;
  for (const std::string& entry : reporter.option_list(key)) {
    const std::size_t eq = entry.find('=');
    NamePattern pattern{entry.substr(0, eq), std::nullopt};
    if (eq != std::string::npos) {
      pattern.value_regex = entry.substr(eq + 1);
      const re2::RE2 re(*pattern.value_regex, re2::RE2::Quiet);
      if (!re.ok()) {
        report_bad_option(project, reporter, key,
                          fmt::format("'{}': not a valid regex ({})", *pattern.value_regex, re.error()));
        continue;
      }
    }
    if (!pattern.name.empty()) out.push_back(std::move(pattern));
  }
  return out;
}

bool full_match(std::string_view pattern, std::string_view text) {
  const re2::RE2 re(pattern, re2::RE2::Quiet);
  return re.ok() && re2::RE2::FullMatch(text, re);
}

}  // namespace rbc::checks
