#include <thread>
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

const Check* find_check(std::string_view code) {
  for (const Check& check : all_checks())
    if (check.info.code == code) return &check;
  return nullptr;
}

// Checks only read the project, so they run side by side, each into its
// own list; the lists are merged in registry order (deterministic output).
void run_checks(const model::Project& project, Diagnostics& out) {
  const std::span<const Check> checks = all_checks();
  std::vector<Diagnostics> found(checks.size());
  {
    std::vector<std::jthread> pool;
    for (std::size_t i = 0; i < checks.size(); ++i) {
      pool.emplace_back([&, i] {
        Reporter reporter(checks[i].info, project.config, found[i]);
        if (reporter.enabled()) checks[i].run(project, reporter);
      });
    }
  }
  for (Diagnostics& list : found)
    for (Diagnostic& d : list.items()) out.add(std::move(d));
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
