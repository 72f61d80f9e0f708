// `rbc check --write-baseline` / `--baseline`, and the outcome flags
// (--min-severity, --fail-on, --werror), run as a user would.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/process.hpp"

using rbc::test::data_path;
using rbc::test::run_rbc;
using rbc::test::run_rbc_in;

namespace {

namespace fs = std::filesystem;

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

const char* kRules =
    "groups:\n"
    "  - name: g\n"
    "    rules:\n"
    "      - record: job:up:sum\n"
    "        expr: sum by (job) (up)\n"
    "      - record: job:up:sum\n"
    "        expr: sum by (job) (up)\n"
    "      - alert: Broken\n"
    "        expr: up == 0\n"
    "        annotations:\n"
    "          summary: \"{{ .Foo \"\n";

const char* kNewRule =
    "      - alert: NewlyBroken\n"
    "        expr: up ==\n";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Findings in a text report: lines ending in "[group/name]".
std::size_t findings_in(const std::string& text) {
  static const std::regex finding(R"(.*: (error|warning|info): .*\[[a-z0-9-]+/[a-z0-9-]+\])");
  std::size_t n = 0;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) n += std::regex_match(line, finding) ? 1 : 0;
  return n;
}

std::string findings_word(std::size_t n) { return std::to_string(n) + (n == 1 ? " finding" : " findings"); }

void spit(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// A fresh folder under the build's temp dir, removed at the end.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("rbc-baseline-" + std::to_string(::getpid()) + "-" + std::to_string(next++));
    fs::remove_all(path);
    fs::create_directories(path / "rules");
  }
  ~TempDir() { fs::remove_all(path); }
  static inline int next = 0;
};

}  // namespace

TEST_CASE("cli baseline: record, hide, survive unrelated edits, report new findings", "[cli][baseline]") {
  TempDir dir;
  spit(dir.path / "rules/a.yml", kRules);
  const std::string folder = dir.path.string();

  const auto before = run_rbc_in(folder, "check --color never rules 2>&1");
  REQUIRE(before.status == 1);  // rule/template is an error
  REQUIRE(count_of(before.out, "[rule/duplicate]") == 1);
  const std::size_t n = findings_in(before.out);  // other checks may add their own
  REQUIRE(n >= 2);

  const auto written = run_rbc_in(folder, "check --color never --write-baseline base.json rules 2>&1");
  CHECK(written.status == 0);
  CHECK(has(written.out, "wrote " + findings_word(n) + " to the baseline base.json"));
  const std::string json = slurp(dir.path / "base.json");
  CHECK(has(json, "\"file\": \"rules/a.yml\""));
  CHECK(has(json, "\"rule\": \"g/Broken\""));
  CHECK_FALSE(has(json, "\"line\""));

  // Same findings, same bytes, from another folder too.
  const auto again = run_rbc_in(folder + "/rules", "check --write-baseline ../base.json a.yml 2>&1");
  CHECK(again.status == 0);
  CHECK(slurp(dir.path / "base.json") == json);

  const auto hidden = run_rbc_in(folder, "check --color never --baseline base.json rules 2>&1");
  CHECK(hidden.status == 0);
  CHECK(has(hidden.out, "the baseline base.json hid " + findings_word(n)));
  CHECK_FALSE(has(hidden.out, "[rule/duplicate]"));

  // Lines added above move every finding: the baseline still holds.
  spit(dir.path / "rules/a.yml", std::string("# owned by the API team\n\n") + kRules);
  const auto moved = run_rbc_in(folder, "check --color never --baseline base.json rules 2>&1");
  CHECK(moved.status == 0);
  CHECK(has(moved.out, "hid " + findings_word(n)));

  // A new problem is reported; the old ones stay hidden.
  spit(dir.path / "rules/a.yml", std::string(kRules) + kNewRule);
  const auto grown = run_rbc_in(folder, "check --color never --baseline base.json rules 2>&1");
  CHECK(grown.status == 1);
  CHECK(count_of(grown.out, "[promql/parse]") == 1);
  CHECK_FALSE(has(grown.out, "[rule/template]"));

  // Fixed findings are counted as gone.
  spit(dir.path / "rules/a.yml", "groups: []\n");
  const auto fixed = run_rbc_in(folder, "check --color never --baseline base.json rules 2>&1");
  CHECK(fixed.status == 0);
  CHECK(has(fixed.out, "hid 0 findings; " + std::to_string(n) + " recorded findings are gone"));
}

TEST_CASE("cli baseline: a locked code is neither recorded nor hidden", "[cli][baseline]") {
  TempDir dir;
  spit(dir.path / "rules/a.yml", kRules);
  const std::string folder = dir.path.string();
  run_rbc_in(folder, "check --write-baseline base.json rules 2>&1");
  spit(dir.path / "rbc.yaml", "checks:\n  rule/duplicate: {locked: true}\n");
  const auto r = run_rbc_in(folder, "check --color never --baseline base.json rules 2>&1");
  CHECK(count_of(r.out, "[rule/duplicate]") == 1);
  CHECK(has(r.out, "rbc.yaml locks rule/duplicate, so the baseline does not hide it"));
  run_rbc_in(folder, "check --write-baseline base.json rules 2>&1");
  CHECK_FALSE(has(slurp(dir.path / "base.json"), "rule/duplicate"));
}

TEST_CASE("cli baseline: an unreadable baseline is a usage error", "[cli][baseline]") {
  TempDir dir;
  spit(dir.path / "bad.json", "{\"findings\": 3}\n");
  const std::string rules = data_path("suppress/outcome/warning_only.yml");
  const auto bad = run_rbc_in(dir.path.string(), "check --baseline bad.json " + rules + " 2>&1");
  CHECK(bad.status == 2);
  CHECK(has(bad.out, "baseline bad.json:"));
  CHECK(run_rbc_in(dir.path.string(), "check --baseline missing.json " + rules + " 2>&1").status == 2);
}

TEST_CASE("cli outcome: --min-severity, --fail-on and --werror", "[cli][outcome]") {
  const std::string file = data_path("suppress/outcome/warning_only.yml");
  const auto plain = run_rbc("check --color never " + file);
  CHECK(plain.status == 0);
  CHECK(has(plain.out, "warning: "));
  CHECK(has(plain.out, "[rule/duplicate]"));

  const auto werror = run_rbc("check --color never --werror " + file);
  CHECK(werror.status == 1);
  CHECK(has(werror.out, "error: "));
  CHECK_FALSE(has(werror.out, "warning: "));

  CHECK(run_rbc("check --fail-on warning " + file).status == 1);
  CHECK(run_rbc("check --fail-on info " + file).status == 1);
  CHECK(run_rbc("check --fail-on error " + file).status == 0);

  const auto quiet = run_rbc("check --color never --min-severity error " + file);
  CHECK(quiet.status == 0);
  CHECK_FALSE(has(quiet.out, "[rule/duplicate]"));
  // Hidden findings do not fail the run, even with --fail-on warning.
  CHECK(run_rbc("check --min-severity error --fail-on warning " + file).status == 0);
  // --werror makes the warning an error first, so it is shown and fails.
  const auto both = run_rbc("check --color never --min-severity error --werror " + file);
  CHECK(both.status == 1);
  CHECK(has(both.out, "[rule/duplicate]"));

  CHECK(run_rbc("check --min-severity loud " + file + " 2>/dev/null").status == 2);
}
