// Every check over the project model fires on its "fires" fixture and stays
// silent on its "silent" one (tests/data/checks/<group>-<name>/{fires,silent}/).
// The fixtures are small repositories: a rule file and the runbook it is
// checked against, as a user would have them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "diag/codes.hpp"
#include "support/process.hpp"

namespace fs = std::filesystem;
using rbc::test::data_path;
using rbc::test::run_rbc_in;

namespace {

// Number of findings with `code` that `rbc check` reports in `dir`.
std::size_t findings(const std::string& dir, const std::string& code) {
  const auto result = run_rbc_in(dir, "check --format json --color never .");
  const std::string needle = "\"code\": \"" + code + "\"";
  std::size_t count = 0;
  for (std::size_t at = result.out.find(needle); at != std::string::npos; at = result.out.find(needle, at + 1)) ++count;
  return count;
}

std::string fixture_dir(const std::string& code) {
  std::string name = code;
  for (char& c : name)
    if (c == '/') c = '-';
  return data_path("checks/" + name);
}

}  // namespace

TEST_CASE("every check over rules and runbooks has a firing and a silent fixture", "[checks]") {
  std::size_t checked = 0;
  for (const rbc::CodeInfo& info : rbc::registered_check_codes()) {
    const std::string code(info.code);
    const std::string dir = fixture_dir(code);
    INFO(code);
    REQUIRE(fs::is_directory(dir + "/fires"));
    REQUIRE(fs::is_directory(dir + "/silent"));
    CHECK(findings(dir + "/fires", code) > 0);
    CHECK(findings(dir + "/silent", code) == 0);
    ++checked;
  }
  CHECK(checked >= 8);
}
