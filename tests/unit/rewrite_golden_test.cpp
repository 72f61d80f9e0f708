// rbc fmt and rbc check --fix on golden input/output pairs
// (tests/data/rewrite/{fmt,fix}/NAME.in.yml -> NAME.out.yml).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "rewrite/file_rewrite.hpp"
#include "support/process.hpp"

namespace fs = std::filesystem;
using rbc::test::data_path;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<fs::path> inputs(const std::string& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(data_path(dir)))
    if (e.path().string().ends_with(".in.yml")) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

fs::path expected_of(const fs::path& in) {
  std::string s = in.string();
  return s.substr(0, s.size() - std::string(".in.yml").size()) + ".out.yml";
}

}  // namespace

TEST_CASE("rbc fmt golden pairs: layout, preservation, idempotence", "[rewrite]") {
  const auto files = inputs("rewrite/fmt");
  REQUIRE(files.size() >= 4);
  for (const fs::path& in : files) {
    INFO(in.string());
    const auto r = rbc::rewrite::format_file(in.string(), slurp(in));
    CHECK_FALSE(r.refused);
    CHECK(r.rewritten == slurp(expected_of(in)));
    const auto again = rbc::rewrite::format_file(in.string(), r.rewritten);
    CHECK_FALSE(again.changed());
  }
}

TEST_CASE("rbc check --fix golden pairs", "[rewrite]") {
  const auto files = inputs("rewrite/fix");
  REQUIRE(!files.empty());
  for (const fs::path& in : files) {
    INFO(in.string());
    const auto r = rbc::rewrite::fix_file(in.string(), slurp(in));
    CHECK_FALSE(r.refused);
    CHECK(r.rewritten == slurp(expected_of(in)));
    CHECK(r.fixes.total() > 0);
    const auto again = rbc::rewrite::fix_file(in.string(), r.rewritten);
    CHECK_FALSE(again.changed());
    CHECK(again.fixes.total() == 0);
  }
}

TEST_CASE("rbc fmt keeps a byte order mark and CRLF line ends", "[rewrite]") {
  const std::string in = "\xEF\xBB\xBFgroups:\r\n- name: g\r\n  rules:\r\n  - record: r\r\n    expr: sum(x)by(a)\r\n";
  const auto r = rbc::rewrite::format_file("crlf.yml", in);
  CHECK(r.rewritten == "\xEF\xBB\xBFgroups:\r\n- name: g\r\n  rules:\r\n  - record: r\r\n    expr: sum by (a) (x)\r\n");
}

TEST_CASE("rbc fmt leaves files that are not rule files alone", "[rewrite]") {
  const auto r = rbc::rewrite::format_file("t.yml", "rule_files: [a.yml]\ntests: []\n");
  CHECK(r.refused);
  CHECK(r.rewritten == r.original);
  const auto broken = rbc::rewrite::format_file("b.yml", "groups: [\n");
  CHECK(broken.refused);
}

TEST_CASE("rbc fmt: a plain scalar that would not stay plain is quoted", "[rewrite]") {
  // `: ` inside the expression cannot stand in a plain scalar.
  const std::string in =
      "groups:\n- name: g\n  rules:\n  - record: r\n    expr: label_replace(x,  \"a\", \"$1\", \"b\", \"(.*)\")\n";
  const auto r = rbc::rewrite::format_file("q.yml", in);
  CHECK(r.rewritten.find("expr: label_replace(x, \"a\", \"$1\", \"b\", \"(.*)\")\n") != std::string::npos);
  const std::string colon = "groups:\n- name: g\n  rules:\n  - record: r\n    expr: \"x{a='b: c'}  >  1\"\n";
  const auto q = rbc::rewrite::format_file("q.yml", colon);
  CHECK(q.rewritten.find("expr: \"x{a='b: c'} > 1\"") != std::string::npos);
}
