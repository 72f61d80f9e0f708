// What a check is: a code with its default severity and summary, and a
// function that reads the project model and reports findings. Each check
// lives in its own file and is listed once in checks/checks.def.
#pragma once

#include <string>

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

 private:
  const CodeInfo& info_;
  Severity severity_;
  bool severity_configured_ = false;
  bool enabled_ = true;
  Diagnostics& out_;
  Diagnostic discarded_;
};

struct Check {
  CodeInfo info;
  void (*run)(const model::Project& project, Reporter& reporter);
};

// Every check, in checks.def order.
std::span<const Check> all_checks();

// Runs every enabled check over the project.
void run_checks(const model::Project& project, Diagnostics& out);

}  // namespace rbc::checks
