// `rbc fmt` and `rbc check --fix` end to end: exit status, diff, writes,
// and promtool's verdict on rewritten files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "support/output_files.hpp"
#include "support/process.hpp"

namespace fs = std::filesystem;
using rbc::test::data_path;
using rbc::test::run_command;
using rbc::test::run_rbc;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

fs::path copy_in(const std::string& relative, const std::string& case_name) {
  const fs::path dir = rbc::test::fresh_dir("rbc-fmt", case_name);
  const fs::path target = dir / "rules.yml";
  fs::copy_file(data_path(relative), target);
  return target;
}

}  // namespace

TEST_CASE("rbc fmt --check prints a diff, exits 1 and writes nothing", "[cli][rewrite]") {
  const fs::path file = copy_in("rewrite/fmt/spacing.in.yml", "check");
  const std::string before = slurp(file);
  const auto r = run_rbc("fmt --check '" + file.string() + "'");
  CHECK(r.status == 1);
  CHECK(r.out.find("--- a/" + file.string()) != std::string::npos);
  CHECK(r.out.find("-        expr: SUM  (x)") != std::string::npos);
  CHECK(r.out.find("+        expr: sum(x) * 1000000 + 0x1F - 1e3") != std::string::npos);
  CHECK(slurp(file) == before);
}

TEST_CASE("rbc fmt rewrites in place, then --check is clean", "[cli][rewrite]") {
  const fs::path file = copy_in("rewrite/fmt/long.in.yml", "write");
  CHECK(run_rbc("fmt '" + file.parent_path().string() + "' 2>/dev/null").status == 0);
  CHECK(slurp(file) == slurp(data_path("rewrite/fmt/long.out.yml")));
  const auto again = run_rbc("fmt --check '" + file.string() + "'");
  CHECK(again.status == 0);
  CHECK(again.out.empty());
  // No temporary file is left behind.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(file.parent_path())) ++entries;
  CHECK(entries == 1);
}

TEST_CASE("rbc fmt - formats stdin to stdout", "[cli][rewrite]") {
  const auto r = run_command("printf 'groups:\\n- name: g\\n  rules:\\n  - record: r\\n    expr: a+b\\n' | '" +
                             std::string(RBC_BINARY) + "' fmt -");
  CHECK(r.status == 0);
  CHECK(r.out == "groups:\n- name: g\n  rules:\n  - record: r\n    expr: a + b\n");
}

TEST_CASE("rbc check --fix applies safe fixes and reports the fixed state", "[cli][rewrite]") {
  const fs::path file = copy_in("rewrite/fix/matchers.in.yml", "fix");
  const auto r = run_rbc("check --fix --color never '" + file.string() + "' 2>&1");
  CHECK(r.out.find("fixed 10 in " + file.string() + " (4 regex matchers, 6 durations)") != std::string::npos);
  CHECK(slurp(file) == slurp(data_path("rewrite/fix/matchers.out.yml")));
  // Nothing left to fix: no message the second time.
  const auto again = run_rbc("check --fix --color never '" + file.string() + "' 2>&1");
  CHECK(again.out.find("fixed") == std::string::npos);
}

TEST_CASE("promtool accepts the samples after rbc fmt and rbc check --fix", "[cli][rewrite][promtool]") {
  if (run_command("command -v promtool >/dev/null").status != 0) { WARN("promtool not installed: skipped"); return; }
  const fs::path dir = rbc::test::fresh_dir("rbc-fmt", "samples");
  fs::copy(data_path("../../samples"), dir, fs::copy_options::recursive);
  std::vector<std::pair<fs::path, int>> verdicts;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string p = e.path().string();
    if (!p.ends_with(".yml") && !p.ends_with(".yaml")) continue;
    verdicts.emplace_back(e.path(), run_command("promtool check rules '" + p + "' >/dev/null 2>&1").status);
  }
  REQUIRE(!verdicts.empty());
  run_rbc("fmt '" + dir.string() + "' 2>/dev/null");
  run_rbc("check --fix '" + dir.string() + "' >/dev/null 2>&1");
  for (const auto& [path, status] : verdicts) {
    INFO(path.string());
    CHECK(run_command("promtool check rules '" + path.string() + "' >/dev/null 2>&1").status == status);
  }
}
