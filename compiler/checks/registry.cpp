#include <vector>

#include "checks/check.hpp"

namespace rbc::checks {

#define RBC_CHECK(id) extern const Check id;
#include "checks/checks.def"
#undef RBC_CHECK

namespace {

const std::vector<const Check*> kChecks = {
#define RBC_CHECK(id) &id,
#include "checks/checks.def"
#undef RBC_CHECK
};

}  // namespace

std::span<const Check> all_checks() {
  static const std::vector<Check> checks = [] {
    std::vector<Check> out;
    for (const Check* check : kChecks) out.push_back(*check);
    return out;
  }();
  return checks;
}

void run_checks(const model::Project& project, Diagnostics& out) {
  for (const Check& check : all_checks()) {
    Reporter reporter(check.info, project.config, out);
    if (reporter.enabled()) check.run(project, reporter);
  }
}

}  // namespace rbc::checks

namespace rbc {

// The diagnostic catalogue's view of the checks (see diag/codes.hpp).
std::vector<CodeInfo> registered_check_codes() {
  std::vector<CodeInfo> out;
  for (const checks::Check& check : checks::all_checks()) out.push_back(check.info);
  return out;
}

}  // namespace rbc
