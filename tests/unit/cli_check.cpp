// End-to-end behaviour of `rbc check` as a user sees it.
#include <catch2/catch.hpp>

#include "diag/codes.hpp"
#include "support/process.hpp"

using rbc::test::data_path;
using rbc::test::run_rbc;

namespace {

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("rbc check reports every problem of a file in one pass", "[cli]") {
  const auto result = run_rbc("check --color never " + data_path("cli/many_errors.yml"));
  CHECK(result.status == 1);
  CHECK(result.out.find("many_errors.yml:3:5: error:") != std::string::npos);  // unknown group field
  CHECK(result.out.find("many_errors.yml:6:52: error: unexpected end of input in grouping opts") != std::string::npos);
  CHECK(result.out.find("many_errors.yml:7:14: error:") != std::string::npos);  // duration
  CHECK(result.out.find("[promql/parse]") != std::string::npos);
  CHECK(result.out.find("[rule/template]") != std::string::npos);
  CHECK(result.out.find("[rule/schema]") != std::string::npos);
  CHECK(count_of(result.out, ": error: ") >= 6);
  CHECK(result.out.find('\x1b') == std::string::npos);
}

TEST_CASE("rbc check exit status: clean 0, unreadable 2, mixed 1", "[cli]") {
  CHECK(run_rbc("check " + data_path("cli/clean.yml")).status == 0);
  CHECK(run_rbc("check " + data_path("cli/does-not-exist.yml") + " 2>&1").status == 2);
  const auto mixed = run_rbc("check " + data_path("cli/clean.yml") + " " + data_path("cli/does-not-exist.yml"));
  CHECK(mixed.status == 1);
  CHECK(mixed.out.find("[io/read]") != std::string::npos);
  CHECK(run_rbc("check --format nonsense x.yml 2>/dev/null").status == 2);
}

TEST_CASE("rbc check reads a rule file from stdin", "[cli]") {
  const auto bad = run_rbc("check - < " + data_path("cli/many_errors.yml"));
  CHECK(bad.status == 1);
  CHECK(bad.out.find("<stdin>:6:52: error:") != std::string::npos);
  CHECK(run_rbc("check - < " + data_path("cli/clean.yml")).status == 0);
}

TEST_CASE("directories: rule files found, others skipped and listed under --verbose", "[cli]") {
  const auto result = run_rbc("check --verbose " + data_path("cli/tree") + " 2>&1");
  CHECK(result.status == 0);
  CHECK(result.out.find("1 file checked") != std::string::npos);
  CHECK(result.out.find("skipped") != std::string::npos);
  CHECK(result.out.find("unit_test.yml") != std::string::npos);
  CHECK(result.out.find("compose.yml") != std::string::npos);
  CHECK(result.out.find("ignored.yml") == std::string::npos);  // inside .git
}

TEST_CASE("an explicitly named file is always checked as a rule file", "[cli]") {
  const auto result = run_rbc("check " + data_path("cli/tree/compose.yml"));
  CHECK(result.status == 1);
  CHECK(result.out.find("[rule/schema]") != std::string::npos);
}

TEST_CASE("colour follows --color and NO_COLOR", "[cli]") {
  const std::string file = data_path("cli/many_errors.yml");
  CHECK(run_rbc("check --color always " + file).out.find('\x1b') != std::string::npos);
  CHECK(run_rbc("check " + file).out.find('\x1b') == std::string::npos);  // not a TTY
  CHECK(run_rbc("check --color never " + file).out.find('\x1b') == std::string::npos);
}

TEST_CASE("machine formats carry the same findings", "[cli]") {
  const std::string file = data_path("cli/many_errors.yml");
  const auto json = run_rbc("check --format json " + file);
  CHECK(json.status == 1);
  CHECK(json.out.front() == '[');
  CHECK(json.out.find("\"code\": \"promql/parse\"") != std::string::npos);
  const auto github = run_rbc("check --format github " + file);
  CHECK(github.out.find("::error file=") != std::string::npos);
  CHECK(github.out.find("title=rbc promql/parse::") != std::string::npos);
}

TEST_CASE("rbc promql parse prints renderings or promtool's error text", "[cli]") {
  const auto ok = run_rbc("promql parse 'sum(rate(x[5m])) by (job)'");
  CHECK(ok.status == 0);
  CHECK(ok.out == "sum by (job) (rate(x[5m]))\n");
  const auto lines = run_rbc("promql parse - <<'EOF'\nup\nsum(x) by\n1 < 2\nEOF\n");
  CHECK(lines.status == 1);
  CHECK(lines.out ==
        "up\n"
        "error: 1:10: parse error: unexpected end of input in grouping opts, expected \"(\"\n"
        "error: 1:3: parse error: comparisons between scalars must use BOOL modifier\n");
  CHECK(run_rbc("promql parse --ast 'a + b'").out.find("\"kind\":\"Binary\"") != std::string::npos);
}

TEST_CASE("every code has a page for rbc explain, and rbc checks lists it", "[cli]") {
  const auto list = run_rbc("checks");
  CHECK(list.status == 0);
  REQUIRE(rbc::all_codes().size() >= 15);
  for (const rbc::CodeInfo& info : rbc::all_codes()) {
    const std::string code(info.code);
    INFO(code);
    CHECK(list.out.find(code) != std::string::npos);
    const auto page = run_rbc("explain " + code);
    CHECK(page.status == 0);
    CHECK(page.out.rfind("# " + code, 0) == 0);
  }
  CHECK(run_rbc("explain nope/nope 2>/dev/null").status == 2);
}

TEST_CASE("output is byte-identical from run to run (files are loaded in parallel)", "[cli]") {
  const std::string args = "check --format json " + std::string(RBC_SOURCE_DIR) + "/samples " + data_path("cli");
  const auto first = run_rbc(args);
  REQUIRE(first.out.size() > 100);
  for (int i = 0; i < 5; ++i) CHECK(run_rbc(args).out == first.out);
}
