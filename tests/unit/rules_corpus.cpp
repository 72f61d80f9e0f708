// Parity with promtool 2.42 on the shared corpus of real rule files: the
// pass/fail verdict of every file, counting only the codes promtool's
// verdict depends on, must equal promtool's as recorded by
// tests/oracle/promtool_verdicts.sh in tests/data/rules/corpus_verdicts.tsv.
// (The one failing PrometheusRule file, cpu-utilization-sno.yaml with its
// `${CPU-COUNT}` placeholder, fails only through the PromQL parser.)
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "load/read_file.hpp"
#include "rules/load.hpp"

namespace fs = std::filesystem;
namespace rules = rbc::rules;

namespace {

const std::set<std::string> kParityCodes{"yaml/parse", "rule/schema", "promql/parse",
                                         "rule/template", "rule/duplicate"};

std::map<std::string, std::string> read_verdicts() {
  std::ifstream in(RBC_TEST_DATA "/rules/corpus_verdicts.tsv");
  std::map<std::string, std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string path, verdict;
    std::getline(fields, path, '\t');
    std::getline(fields, verdict, '\t');
    out[path] = verdict;
  }
  return out;
}

}  // namespace

TEST_CASE("rules corpus: same verdict as promtool 2.42 on every rule file", "[rules][corpus]") {
  const fs::path corpus = RBC_SHARED_DIR "/corpus";
  if (!fs::exists(corpus)) {
    std::printf("SKIPPED: corpus not found\n");
    return;
  }
  const auto verdicts = read_verdicts();
  REQUIRE(verdicts.size() > 300);
  std::size_t checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".yml" && ext != ".yaml")) continue;
    const std::string rel = fs::relative(entry.path(), corpus).string();
    INFO(rel);
    rbc::Diagnostics diags;
    const auto source = rbc::load::read_file(entry.path().string(), diags);
    REQUIRE(source);
    const rules::FileKind kind = rules::classify(*source);
    const auto expected = verdicts.find(rel);
    if (expected == verdicts.end()) {
      // promtool unit tests and the alerts catalog: not rule files.
      CHECK(kind == rules::FileKind::other);
      continue;
    }
    CHECK((kind == rules::FileKind::rule_file || kind == rules::FileKind::prometheus_rule));
    rules::load_rule_file(*source, diags);
    bool failed = false;
    for (const auto& d : diags.items())
      failed = failed || (d.severity == rbc::Severity::error && kParityCodes.count(d.code));
    CHECK((failed ? "fail" : "pass") == expected->second);
    ++checked;
  }
  CHECK(checked == verdicts.size());
}

namespace {

// Each error promtool printed for a file, reduced to what must appear in
// one of rbc's diagnostics: the PromQL message, or the unknown field name.
std::vector<std::string> promtool_error_keys(const std::string& promtool_text) {
  // Several errors are joined by spaces; each PromQL one ends where the next
  // "L:C: group" location starts.
  static const std::regex kParse(R"(parse error: (.*?)(?= \d+:\d+: group|$))");
  static const std::regex kField(R"(field (\w+) not found)");
  std::vector<std::string> keys;
  for (std::sregex_iterator it(promtool_text.begin(), promtool_text.end(), kParse), end; it != end; ++it) {
    keys.push_back((*it)[1]);
  }
  if (std::smatch m; keys.empty() && std::regex_search(promtool_text, m, kField)) keys.push_back(m[1]);
  return keys;
}

}  // namespace

TEST_CASE("rules corpus: rbc names every error promtool names", "[rules][corpus]") {
  const fs::path corpus = RBC_SHARED_DIR "/corpus";
  if (!fs::exists(corpus)) {
    std::printf("SKIPPED: corpus not found\n");
    return;
  }
  std::ifstream in(RBC_TEST_DATA "/rules/corpus_verdicts.tsv");
  std::size_t failing = 0;
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string path, verdict, promtool_text;
    std::getline(fields, path, '\t');
    std::getline(fields, verdict, '\t');
    std::getline(fields, promtool_text);
    if (verdict != "fail") continue;
    ++failing;
    INFO(path << ": promtool said " << promtool_text);
    rbc::Diagnostics diags;
    const auto source = rbc::load::read_file((corpus / path).string(), diags);
    REQUIRE(source);
    rules::load_rule_file(*source, diags);
    const auto keys = promtool_error_keys(promtool_text);
    REQUIRE_FALSE(keys.empty());
    for (const std::string& key : keys) {
      INFO("looking for: " << key);
      bool named = false;
      for (const auto& d : diags.items()) named = named || d.message.find(key) != std::string::npos;
      CHECK(named);
    }
  }
  CHECK(failing == 68);
}

TEST_CASE("rules corpus: promtool's error texts are split into what rbc must name", "[rules]") {
  const auto keys = promtool_error_keys(
      "document 1: 13:11: group \"g\", rule 1, \"A\": could not parse expression: 1:89: parse error: "
      "unexpected character: '$' 38:11: group \"g\", rule 2, \"B\": could not parse expression: 1:5: "
      "parse error: unexpected end of input");
  REQUIRE(keys.size() == 2);
  CHECK(keys[0] == "unexpected character: '$'");
  CHECK(keys[1] == "unexpected end of input");
  const auto field = promtool_error_keys("yaml: unmarshal errors: line 6: field partial_response_strategy not found in type rulefmt.RuleGroup");
  REQUIRE(field.size() == 1);
  CHECK(field[0] == "partial_response_strategy");
}
