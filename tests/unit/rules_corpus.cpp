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
