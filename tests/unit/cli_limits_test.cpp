// rbc.yaml `limits:` end to end: too many files and too large a file are
// io/read errors, and the run still reports on what it read.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "support/output_files.hpp"
#include "support/process.hpp"

namespace fs = std::filesystem;

namespace {

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string rule_file(const std::string& alert) {
  return "groups:\n- name: g\n  rules:\n  - alert: " + alert + "\n    expr: up == 0\n";
}

}  // namespace

TEST_CASE("rbc check: files over rbc.yaml limits are io/read errors", "[cli][limits]") {
  const fs::path dir = rbc::test::fresh_dir("rbc-limits", "repo");
  write(dir / "rbc.yaml", "limits:\n  max_files: 2\n  max_file_size_mb: 1\n");
  write(dir / "a.yml", rule_file("AlphaDown"));
  write(dir / "b.yml", rule_file("BetaDown") + "# " + std::string(std::size_t{1} << 20, 'x') + "\n");
  write(dir / "c.yml", rule_file("GammaDown"));
  const auto r = rbc::test::run_rbc_in(dir.string(), "check --color never . 2>&1");
  INFO(r.out);
  CHECK(r.status == 1);
  CHECK(r.out.find("found 4 YAML and Markdown files, more than the limit of 2") != std::string::npos);
  CHECK(r.out.find("file is larger than 1 MB, the limit for one input") != std::string::npos);
  CHECK(r.out.find("'AlphaDown'") != std::string::npos);   // read
  CHECK(r.out.find("'GammaDown'") == std::string::npos);   // over the count: not read
}
