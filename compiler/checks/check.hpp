// What a check is: a code with its default severity and summary, and a
// function that reads the project model and reports findings. Each check
// lives in its own file and is listed once in checks/checks.def.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diag/codes.hpp"
#include "diag/diagnostic.hpp"
#include "model/project.hpp"

namespace rbc::checks {

// Hands findings to the run, stamping the check's code and its configured
// severity, and dropping them when rbc.yaml disables the check.
class Reporter {
 public:
  Reporter(const CodeInfo& info, const config::Config& config, Diagnostics& out);

  // Reports at `span` of `file`; the returned diagnostic can take notes.
  Diagnostic& report(const std::string& file, Span span, std::string message);
  // Same, about a rule (fills group and rule name).
  Diagnostic& report(const model::RuleInfo& rule, Span span, std::string message);
  // Reporting at a severity other than the default (runbook/missing is a
  // warning in rules-only repositories); the config still overrides it.
  Diagnostic& report_as(Severity severity, const std::string& file, Span span, std::string message);

  bool enabled() const { return enabled_; }

  // Options from rbc.yaml (`checks: {code: {options: {key: value}}}`); every
  // key a check reads must be listed in its Check::options. A scalar is read
  // as a one-entry list and a list's first entry as the scalar.
  std::optional<std::string> option(std::string_view key) const;
  std::vector<std::string> option_list(std::string_view key) const;
  // Where the option is written (for "bad option value" diagnostics).
  std::optional<Span> option_span(std::string_view key) const;

 private:
  const CodeInfo& info_;
  Severity severity_;
  bool severity_configured_ = false;
  bool enabled_ = true;
  const config::CodeSetting* setting_ = nullptr;
  Diagnostics& out_;
  Diagnostic discarded_;
};

// An option a check accepts under `checks: {code: {options: ...}}`.
struct OptionInfo {
  std::string_view key;
  std::string_view help;  // what it means and its default
};

struct Check {
  CodeInfo info;
  void (*run)(const model::Project& project, Reporter& reporter);
  // Accepted options; rbc.yaml naming any other is a config/invalid warning.
  std::span<const OptionInfo> options = {};
  // Off unless rbc.yaml enables it (style checks).
  bool off_by_default = false;
};

// The registered check of `code`, or null.
const Check* find_check(std::string_view code);

// Every check, in checks.def order.
std::span<const Check> all_checks();

// Runs every enabled check over the project.
void run_checks(const model::Project& project, Diagnostics& out);

}  // namespace rbc::checks
