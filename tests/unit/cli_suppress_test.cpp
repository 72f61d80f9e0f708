// `rbc check` with suppression comments, rbc.yaml `checks:` settings and
// locks, run as a user would (docs/suppressing.md).
#include <catch2/catch.hpp>

#include "support/process.hpp"

using rbc::test::data_path;
using rbc::test::run_rbc;

namespace {

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

rbc::test::CommandResult check(const std::string& relative, const std::string& flags = "") {
  return run_rbc("check --color never " + flags + " " + data_path("suppress/" + relative) + " 2>&1");
}

}  // namespace

TEST_CASE("cli suppress: the control file has the finding", "[cli][suppress]") {
  const auto plain = check("yaml/duplicate_plain.yml");
  CHECK(plain.status == 0);  // a warning
  CHECK(count_of(plain.out, "[rule/duplicate]") == 1);
}

TEST_CASE("cli suppress: # rbc disable above a rule", "[cli][suppress]") {
  const auto r = check("yaml/disable_above.yml");
  CHECK(r.status == 0);
  CHECK_FALSE(has(r.out, "[rule/duplicate]"));
  CHECK_FALSE(has(r.out, "[rbc/directive]"));
}

TEST_CASE("cli suppress: # rbc disable at the end of a line inside a rule covers only that rule", "[cli][suppress]") {
  const auto r = check("yaml/disable_inside.yml");
  CHECK(r.status == 1);
  REQUIRE(count_of(r.out, "[rule/template]") == 1);
  CHECK(has(r.out, "disable_inside.yml:11:"));  // AlsoBroken stays
  CHECK_FALSE(has(r.out, "disable_inside.yml:7:"));
}

TEST_CASE("cli suppress: # rbc disable-file at the end of the file", "[cli][suppress]") {
  const auto r = check("yaml/disable_file.yml");
  CHECK_FALSE(has(r.out, "[promql/parse]"));
  CHECK(r.status == 0);
}

TEST_CASE("cli suppress: a directive inside a block scalar counts", "[cli][suppress]") {
  const auto r = check("yaml/block_scalar.yml");
  CHECK_FALSE(has(r.out, "[promql/parse]"));
  CHECK(r.status == 0);
}

TEST_CASE("cli suppress: snoozes hold until their date, then the finding returns with a note", "[cli][suppress]") {
  const auto active = check("yaml/snooze_active.yml");
  CHECK_FALSE(has(active.out, "[rule/duplicate]"));
  const auto expired = check("yaml/snooze_expired.yml");
  CHECK(count_of(expired.out, "[rule/duplicate]") == 1);
  CHECK(has(expired.out, "expired after 2000-01-01"));
}

TEST_CASE("cli suppress: an unknown code in a directive is a warning with a suggestion", "[cli][suppress]") {
  const auto r = check("yaml/unknown_code.yml");
  CHECK(r.status == 0);
  CHECK(has(r.out, "unknown_code.yml:4:21: warning: unknown code 'rule/duplicat' in `rbc disable`: did you mean "
                   "'rule/duplicate'? [rbc/directive]"));
  CHECK(count_of(r.out, "[rbc/directive]") == 1);  // a directive left with no code is not also "covers nothing"
}

TEST_CASE("cli suppress: Markdown directives cover their section or the file", "[cli][suppress]") {
  const auto plain = run_rbc("check --color never " + data_path("suppress/md/plain") + " 2>&1");
  REQUIRE(count_of(plain.out, "[xcheck/severity]") == 2);
  REQUIRE(count_of(plain.out, "[runbook/orphan]") == 1);
  const auto r = run_rbc("check --color never " + data_path("suppress/md/directives") + " 2>&1");
  CHECK(count_of(r.out, "[xcheck/severity]") == 1);  // HighLatency's; the fenced example is not a directive
  CHECK(has(r.out, "HighLatency"));
  CHECK_FALSE(has(r.out, "[runbook/orphan]"));
  CHECK(has(r.out, "unknown code 'runbook/orphn' in `rbc disable`: did you mean 'runbook/orphan'?"));
}

TEST_CASE("cli suppress: a locked code is not silenced by a comment", "[cli][suppress]") {
  const auto r = run_rbc("check --color never " + data_path("suppress/locked") + " 2>&1");
  CHECK(count_of(r.out, "[rule/duplicate]") == 1);
  CHECK(has(r.out, "rbc.yaml locks rule/duplicate"));
}

TEST_CASE("cli suppress: rbc.yaml unknown codes and options are warnings", "[cli][suppress]") {
  const auto r = run_rbc("check --color never " + data_path("suppress/config") + " 2>&1");
  CHECK(r.status == 0);
  CHECK(has(r.out, "rbc.yaml:2:3: warning: unknown code 'rule/duplicat' under checks: did you mean 'rule/duplicate'?"));
  CHECK(has(r.out, "rbc.yaml:7:7: warning: rule/required-labels has no option 'lables': did you mean 'labels'?"));
  CHECK(has(r.out, "rbc.yaml:10:7: warning: rule/template has no option 'strict'; it takes no options"));
  CHECK(count_of(r.out, "[config/invalid]") == 3);
  CHECK(count_of(r.out, "[rule/duplicate]") == 1);  // the misspelt `off` does not apply
}
