// Fingerprints (SARIF partialFingerprints "rbc/v1", GitLab fingerprint):
// the same finding keeps its fingerprint when lines move; different
// findings get different ones.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "report/fingerprint.hpp"
#include "support/output_files.hpp"
#include "support/process.hpp"

namespace {

rbc::Diagnostic finding(std::string message, rbc::Position at) {
  return {.code = "alert/for", .severity = rbc::Severity::warning, .file = "rules/a.yml", .span = {at, at},
          .message = std::move(message), .group = "g", .rule = "A", .notes = {}};
}

// The "rbc/v1" fingerprints of `rbc check --format sarif FILE`.
std::vector<std::string> sarif_fingerprints(const std::string& dir, const std::string& file) {
  const auto r = rbc::test::run_rbc_in(dir, "check --format sarif " + file);
  const YAML::Node results = YAML::Load(r.out)["runs"][0]["results"];
  std::vector<std::string> out;
  for (const auto& result : results) out.push_back(result["partialFingerprints"]["rbc/v1"].as<std::string>());
  return out;
}

}  // namespace

TEST_CASE("fingerprint ignores the position and masks positions in the message", "[report][fingerprint]") {
  using rbc::report::fingerprint;
  CHECK(fingerprint(finding("m", {3, 5})) == fingerprint(finding("m", {40, 1})));
  CHECK(fingerprint(finding("same as the rule at line 3", {3, 5})) ==
        fingerprint(finding("same as the rule at line 17", {19, 5})));
  CHECK(fingerprint(finding("first defined at b.yml:3:7", {3, 5})) ==
        fingerprint(finding("first defined at b.yml:30:7", {3, 5})));
  // Other numbers are what the finding is about.
  CHECK(fingerprint(finding("for: 5m", {3, 5})) != fingerprint(finding("for: 10m", {3, 5})));
  CHECK(fingerprint(finding("m", {1, 1})).size() == 16);
  // "./x" and "x" are the same file.
  rbc::Diagnostic dotted = finding("m", {1, 1});
  dotted.file = "./rules/a.yml";
  CHECK(fingerprint(dotted) == fingerprint(finding("m", {1, 1})));
}

TEST_CASE("fingerprint differs in code, file, group, rule or message", "[report][fingerprint]") {
  using rbc::report::fingerprint;
  const rbc::Diagnostic base = finding("m", {1, 1});
  rbc::Diagnostic other = base;
  other.code = "alert/labels";
  CHECK(fingerprint(other) != fingerprint(base));
  other = base;
  other.file = "rules/b.yml";
  CHECK(fingerprint(other) != fingerprint(base));
  other = base;
  other.group = "h";
  CHECK(fingerprint(other) != fingerprint(base));
  other = base;
  other.rule = "B";
  CHECK(fingerprint(other) != fingerprint(base));
  other = base;
  other.message = "n";
  CHECK(fingerprint(other) != fingerprint(base));
  // Field boundaries matter: ("g", "A") is not ("gA", "").
  other = base;
  other.group = "gA";
  other.rule = "";
  CHECK(fingerprint(other) != fingerprint(base));
}

TEST_CASE("fingerprints number identical findings in order", "[report][fingerprint]") {
  rbc::Diagnostics d;
  d.add(finding("m", {1, 1}));
  d.add(finding("n", {2, 1}));
  d.add(finding("m", {3, 1}));
  const auto prints = rbc::report::fingerprints(d);
  REQUIRE(prints.size() == 3);
  const std::string m = rbc::report::fingerprint(d.items()[0]);
  CHECK(prints[0] == m + ":1");
  CHECK(prints[1] == rbc::report::fingerprint(d.items()[1]) + ":1");
  CHECK(prints[2] == m + ":2");
}

TEST_CASE("sarif fingerprints survive lines inserted above the rules", "[report][fingerprint][sarif]") {
  const auto dir = rbc::test::fresh_dir("rbc-fingerprint", "moved");
  const std::string rules =
      "groups:\n"
      "  - name: g\n"
      "    rules:\n"
      "      - alert: A\n"
      "        expr: sum(x) by\n"
      "      - record: job:up:sum\n"
      "        expr: sum by (job) (up{\n";
  std::ofstream(dir / "r.yml") << rules;
  const auto before = sarif_fingerprints(dir.string(), "r.yml");
  REQUIRE(before.size() >= 2);
  // Comments and blank lines above: every finding moves down five lines.
  std::ofstream(dir / "r.yml") << "# moved\n#\n\n# down\n\n" << rules;
  const auto after = sarif_fingerprints(dir.string(), "r.yml");
  CHECK(after == before);
  const std::set<std::string> distinct(before.begin(), before.end());
  CHECK(distinct.size() == before.size());
}
