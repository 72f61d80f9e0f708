// --min-severity, --fail-on and --werror: which findings are shown and
// which make `rbc check` exit 1 (like pint's flags of the same names).
#include <algorithm>
#include <map>

#include "cli/app.hpp"
#include "cli/check_flags.hpp"

namespace rbc::cli {
namespace {

const std::map<std::string, Severity>& severity_names() {
  static const std::map<std::string, Severity> names{
      {"error", Severity::error}, {"warning", Severity::warning}, {"info", Severity::info}};
  return names;
}

// Severity is ordered error < warning < info; "at least as severe as".
bool at_least(Severity severity, Severity floor) {
  return static_cast<int>(severity) <= static_cast<int>(floor);
}

}  // namespace

void add_outcome_flags(CLI::App& cmd, CheckFlags& flags) {
  cmd.add_option("--min-severity", flags.min_severity,
                 "show only findings at least this severe: error, warning or info (default: info, all)")
      ->transform(CLI::CheckedTransformer(severity_names(), CLI::ignore_case));
  cmd.add_option("--fail-on", flags.fail_on,
                 "exit 1 when a shown finding is at least this severe: error, warning or info (default: error)")
      ->transform(CLI::CheckedTransformer(severity_names(), CLI::ignore_case));
  cmd.add_flag("--werror", flags.werror, "treat warnings as errors: they are reported as errors and fail the run");
}

void filter_shown(CheckRun& run, const CheckFlags& flags) {
  std::vector<Diagnostic>& items = run.diagnostics.items();
  if (flags.werror) {
    for (Diagnostic& d : items)
      if (d.severity == Severity::warning) d.severity = Severity::error;
  }
  if (!flags.min_severity) return;
  std::erase_if(items, [&](const Diagnostic& d) { return !at_least(d.severity, *flags.min_severity); });
}

int findings_status(const CheckRun& run, const CheckFlags& flags) {
  const Severity floor = flags.fail_on.value_or(Severity::error);
  const auto& items = run.diagnostics.items();
  const bool fails = std::any_of(items.begin(), items.end(), [&](const Diagnostic& d) { return at_least(d.severity, floor); });
  return fails ? kExitFindings : kExitClean;
}

}  // namespace rbc::cli
