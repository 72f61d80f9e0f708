#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>

#include "report/json_writer.hpp"
#include "report/report.hpp"

namespace {

rbc::Diagnostics one_error() {
  rbc::Diagnostics diagnostics;
  diagnostics.add({.code = "promql/parse",
                   .severity = rbc::Severity::error,
                   .file = "rules/a b.yml",
                   .span = {{2, 16}, {2, 18}},
                   .message = "unexpected <by> in aggregation",
                   .group = "g",
                   .rule = "A",
                   .notes = {{"runbooks/x.md", {{3, 1}, {3, 4}}, "documented here"}}});
  return diagnostics;
}

const rbc::SourceFile kSource("rules/a b.yml", "groups:\n  expr:\tsum(x) by\n");

const rbc::SourceFile* lookup(std::string_view path) { return path == kSource.path() ? &kSource : nullptr; }

}  // namespace

TEST_CASE("text output: location, message, code, source line and caret", "[report]") {
  const std::string out = rbc::report::render_text(one_error(), lookup, {.color = false, .files_checked = 1});
  CHECK(out ==
        "rules/a b.yml:2:16: error: unexpected <by> in aggregation [promql/parse]\n"
        " 2 |   expr:\tsum(x) by\n"
        "   |        \t       ^~\n"
        "runbooks/x.md:3:1: note: documented here\n"
        "rbc: 1 file checked: 1 error, 0 warnings, 0 infos\n");
}

TEST_CASE("text output uses ANSI colour only when asked", "[report]") {
  const std::string plain = rbc::report::render_text(one_error(), lookup, {.color = false, .files_checked = 1});
  const std::string coloured = rbc::report::render_text(one_error(), lookup, {.color = true, .files_checked = 1});
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(coloured.find("\x1b[1;31merror") != std::string::npos);
}

TEST_CASE("json output round-trips every field", "[report]") {
  const YAML::Node doc = YAML::Load(rbc::report::render_json(one_error()));
  REQUIRE(doc.IsSequence());
  REQUIRE(doc.size() == 1);
  const YAML::Node d = doc[0];
  CHECK(d["file"].as<std::string>() == "rules/a b.yml");
  CHECK(d["line"].as<int>() == 2);
  CHECK(d["column"].as<int>() == 16);
  CHECK(d["end_line"].as<int>() == 2);
  CHECK(d["end_column"].as<int>() == 18);
  CHECK(d["group"].as<std::string>() == "g");
  CHECK(d["rule"].as<std::string>() == "A");
  CHECK(d["code"].as<std::string>() == "promql/parse");
  CHECK(d["severity"].as<std::string>() == "error");
  CHECK(d["message"].as<std::string>() == "unexpected <by> in aggregation");
  CHECK(d["notes"][0]["file"].as<std::string>() == "runbooks/x.md");
}

TEST_CASE("json strings escape control characters and replace invalid UTF-8", "[report]") {
  std::string out;
  rbc::append_json_string(out, std::string("a\"b\\c\n\x01\xff\xc3\xbc", 10));
  CHECK(out == "\"a\\\"b\\\\c\\n\\u0001\\ufffd\xc3\xbc\"");
}

TEST_CASE("github output is one escaped workflow command per diagnostic", "[report]") {
  rbc::Diagnostics diagnostics = one_error();
  diagnostics.items()[0].message = "50% done\nnext, line";
  CHECK(rbc::report::render_github(diagnostics) ==
        "::error file=rules/a b.yml,line=2,col=16,endLine=2,endColumn=18,title=rbc promql/parse::"
        "50%25 done%0Anext, line\n");
}

TEST_CASE("sarif output carries rules, levels and code point columns", "[report]") {
  const rbc::SourceFile source("r.yml", "x: \xc3\xbc\xc3\xbc bad\n");
  rbc::Diagnostics diagnostics;
  diagnostics.add({.code = "rule/schema", .severity = rbc::Severity::warning, .file = "r.yml",
                   .span = {{1, 8}, {1, 11}}, .message = "m", .group = "", .rule = "", .notes = {}});
  const YAML::Node doc = YAML::Load(rbc::report::render_sarif(
      diagnostics, [&](std::string_view) { return &source; }));
  CHECK(doc["version"].as<std::string>() == "2.1.0");
  const YAML::Node run = doc["runs"][0];
  CHECK(run["tool"]["driver"]["rules"].size() >= 6);
  const YAML::Node result = run["results"][0];
  CHECK(result["level"].as<std::string>() == "warning");
  CHECK(result["ruleId"].as<std::string>() == "rule/schema");
  const YAML::Node region = result["locations"][0]["physicalLocation"]["region"];
  CHECK(region["startColumn"].as<int>() == 6);  // two 2-byte characters before it
  CHECK(region["endColumn"].as<int>() == 9);
}
