// `rbc check` and `rbc inspect` over rules and runbooks together: what is
// read, what the JSON contract looks like, how severity depends on the
// repository, and that output stays deterministic.
#include <catch2/catch.hpp>

#include <string>

#include "support/process.hpp"

using rbc::test::data_path;
using rbc::test::run_rbc;
using rbc::test::run_rbc_in;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("rbc.yaml's rules: and runbooks: select what discovery reads", "[cli][runbooks]") {
  const auto result = run_rbc_in(data_path("cli/selection"), "inspect --format json .");
  REQUIRE(result.status == 0);
  CHECK(contains(result.out, "\"name\": \"ApiDown\""));
  CHECK(contains(result.out, "docs/api.md\""));
  CHECK_FALSE(contains(result.out, "OldAlert"));       // drafts/ is not under rules:
  CHECK_FALSE(contains(result.out, "SomethingElse"));  // nor under runbooks:
  const auto check = run_rbc_in(data_path("cli/selection"), "check --color never .");
  CHECK(check.status == 0);
  CHECK(contains(check.out, "0 errors, 0 warnings"));
}

TEST_CASE("rbc inspect reads an explicitly named file of any extension as Markdown", "[cli][runbooks]") {
  const auto result = run_rbc("inspect --format json " + data_path("cli/notes/notes.txt"));
  REQUIRE(result.status == 0);
  CHECK(contains(result.out, "\"alerts\": [\n"));
  CHECK(contains(result.out, "\"BatchLate\""));
  CHECK(contains(result.out, "\"text\": \"P2 - High\""));
  CHECK(contains(result.out, "\"value\": \"warning\""));
  CHECK(contains(result.out, "\"op\": \">\""));
  CHECK(contains(result.out, "\"unit\": \"h\""));
  CHECK(contains(result.out, "\"for\": \"10m\""));
}

TEST_CASE("runbook/missing: a warning in a rules-only repository, an error once runbooks exist", "[cli][runbooks]") {
  const auto rules_only = run_rbc("check --color never " + data_path("cli/rules-only"));
  CHECK(rules_only.status == 0);
  CHECK(contains(rules_only.out, "warning: alert 'ApiDown' has no runbook"));
  const auto with_runbooks = run_rbc("check --color never " + data_path("checks/runbook-missing/fires"));
  CHECK(with_runbooks.status == 1);
  CHECK(contains(with_runbooks.out, "error: alert 'DiskFull' has no runbook"));
}

TEST_CASE("seed 001: the four broken table-of-contents anchors are dead links", "[cli][runbooks]") {
  const auto result = run_rbc_in(RBC_SOURCE_DIR, "check --color never samples/cryptofunk");
  CHECK(result.status == 0);
  CHECK(occurrences(result.out, "[runbook/dead-link]") == 4);
  for (const char* anchor : {"#circuit-breaker-alerts", "#trading-alerts", "#agent-health-alerts", "#system-resource-alerts"}) {
    INFO(anchor);
    CHECK(contains(result.out, std::string("link '") + anchor + "' leads nowhere"));
  }
}

TEST_CASE("with runbooks, output is byte-identical from run to run", "[cli][runbooks]") {
  const std::string args = "check --format json samples/broken samples/cryptofunk samples/aragora samples/webshop";
  const auto first = run_rbc_in(RBC_SOURCE_DIR, args);
  for (int i = 0; i < 3; ++i) CHECK(run_rbc_in(RBC_SOURCE_DIR, args).out == first.out);
  const auto inspect = run_rbc_in(RBC_SOURCE_DIR, "inspect --format json samples 2>/dev/null");
  CHECK(run_rbc_in(RBC_SOURCE_DIR, "inspect --format json samples 2>/dev/null").out == inspect.out);
}

TEST_CASE("rbc check --config names the rbc.yaml, and an unreadable one is exit status 2", "[cli][runbooks]") {
  const auto result = run_rbc("check --config /nonexistent/rbc.yaml " + data_path("cli/rules-only") + " 2>&1");
  CHECK(result.status == 2);
  CHECK(contains(result.out, "[io/read]"));
}
