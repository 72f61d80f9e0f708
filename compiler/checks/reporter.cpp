#include "checks/check.hpp"

namespace rbc::checks {

Reporter::Reporter(const CodeInfo& info, const config::Config& config, Diagnostics& out)
    : info_(info), severity_(info.default_severity), out_(out) {
  const Check* check = find_check(info.code);
  if (check != nullptr && check->off_by_default) enabled_ = false;
  auto it = config.codes.find(info.code);
  if (it == config.codes.end()) return;
  setting_ = &it->second;
  if (it->second.enabled) enabled_ = *it->second.enabled;
  if (it->second.severity) severity_ = *it->second.severity, severity_configured_ = true;
}

std::optional<std::string> Reporter::option(std::string_view key) const {
  const std::vector<std::string> values = option_list(key);
  if (values.empty()) return std::nullopt;
  return values.front();
}

std::vector<std::string> Reporter::option_list(std::string_view key) const {
  if (setting_ == nullptr) return {};
  auto it = setting_->options.find(key);
  return it == setting_->options.end() ? std::vector<std::string>{} : it->second.values;
}

std::optional<Span> Reporter::option_span(std::string_view key) const {
  if (setting_ == nullptr) return std::nullopt;
  auto it = setting_->options.find(key);
  if (it == setting_->options.end()) return std::nullopt;
  return it->second.span;
}

Diagnostic& Reporter::report(const std::string& file, Span span, std::string message) {
  return report_as(info_.default_severity, file, span, std::move(message));
}

Diagnostic& Reporter::report(const model::RuleInfo& rule, Span span, std::string message) {
  Diagnostic& d = report(rule.file, span, std::move(message));
  d.group = rule.group;
  d.rule = rule.name.value;
  return d;
}

Diagnostic& Reporter::report_as(Severity severity, const std::string& file, Span span,
                                std::string message) {
  if (!enabled_) return discarded_ = Diagnostic{};
  Diagnostic d;
  d.code = std::string(info_.code);
  d.severity = severity_configured_ ? severity_ : severity;
  d.file = file;
  d.span = span;
  d.message = std::move(message);
  out_.add(std::move(d));
  return out_.items().back();
}

}  // namespace rbc::checks
