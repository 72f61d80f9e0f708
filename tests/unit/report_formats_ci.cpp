// The CI report formats (junit, checkstyle, gitlab): shape, escaping, and
// validity checked by independent tools (python's XML parser, xmllint
// against the shapes in tests/data/report_formats, jsonschema).
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "report/report.hpp"
#include "support/output_files.hpp"
#include "support/process.hpp"

namespace {

using rbc::Severity;

// Three findings over two files, with characters XML and JSON must escape,
// a control byte and an invalid UTF-8 byte.
rbc::Diagnostics mixed() {
  rbc::Diagnostics d;
  d.add({.code = "promql/parse", .severity = Severity::error, .file = "rules/a&b.yml", .span = {{2, 16}, {2, 18}},
         .message = "unexpected <by> in \"sum\"\n\x01 \xff", .group = "g", .rule = "A",
         .notes = {{"runbooks/x.md", {{3, 1}, {3, 4}}, "documented <here>"}}});
  d.add({.code = "alert/for", .severity = Severity::warning, .file = "rules/a&b.yml", .span = {{9, 5}, {9, 9}},
         .message = "for: 0s & up", .group = "g", .rule = "B", .notes = {}});
  d.add({.code = "rule/name", .severity = Severity::info, .file = "rules/c.yml", .span = {{1, 1}, {1, 2}},
         .message = "naming 'x'", .group = "", .rule = "", .notes = {}});
  return d;
}

std::string write_temp(const std::string& name, const std::string& content) {
  const auto dir = rbc::test::fresh_dir("rbc-report-ci", "out");
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

// Python's parser is strict about well-formedness (undeclared entities,
// bad characters, unbalanced tags); prints the root tag.
std::string python_xml_root(const std::string& path) {
  const auto r = rbc::test::run_command(
      "python3 -c 'import sys, xml.etree.ElementTree as E; print(E.parse(sys.argv[1]).getroot().tag)' '" + path +
      "' 2>&1");
  return r.status == 0 ? r.out : "parse failed: " + r.out;
}

bool have(const std::string& tool) { return rbc::test::run_command("command -v " + tool + " >/dev/null").status == 0; }

void xsd_valid(const std::string& path, const std::string& xsd) {
  if (!have("xmllint")) {
    WARN("xmllint missing (package libxml2-utils): schema check skipped");
    return;
  }
  const auto r = rbc::test::run_command("xmllint --noout --schema '" + rbc::test::data_path("report_formats/" + xsd) +
                                        "' '" + path + "' 2>&1");
  INFO(r.out);
  CHECK(r.status == 0);
}

}  // namespace

TEST_CASE("junit: a testsuite per file, failures for errors and warnings", "[report][junit]") {
  const std::string out = rbc::report::render_junit(mixed(), {.color = false, .files_checked = 2});
  const std::string path = write_temp("junit.xml", out);
  CHECK(python_xml_root(path) == "testsuites\n");
  xsd_valid(path, "junit.xsd");
  CHECK(out.find("<testsuites name=\"rbc\" tests=\"3\" failures=\"2\" errors=\"0\">") != std::string::npos);
  CHECK(out.find("<testsuite name=\"rules/a&amp;b.yml\" tests=\"2\" failures=\"2\"") != std::string::npos);
  CHECK(out.find("<testsuite name=\"rules/c.yml\" tests=\"1\" failures=\"0\"") != std::string::npos);
  CHECK(out.find("<testcase name=\"promql/parse g/A\" classname=\"rules/a&amp;b.yml\">") != std::string::npos);
  // Attribute newlines survive as references; text keeps them; the control
  // byte and the invalid byte become U+FFFD.
  CHECK(out.find("message=\"unexpected &lt;by&gt; in &quot;sum&quot;&#10;\xEF\xBF\xBD \xEF\xBF\xBD\" "
                 "type=\"promql/parse\">rules/a&amp;b.yml:2:16: error: unexpected &lt;by&gt; in \"sum\"\n") !=
        std::string::npos);
  CHECK(out.find("runbooks/x.md:3:1: note: documented &lt;here&gt;</failure>") != std::string::npos);
  CHECK(out.find("<testcase name=\"alert/for g/B\"") != std::string::npos);
  CHECK(out.find("<system-out>rules/c.yml:1:1: info: naming 'x' [rule/name]</system-out>") != std::string::npos);
}

TEST_CASE("junit: a run without findings is one passing testcase", "[report][junit]") {
  const std::string out = rbc::report::render_junit({}, {.color = false, .files_checked = 4});
  CHECK(out ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"rbc\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
        "  <testsuite name=\"rbc\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
        "    <testcase name=\"rbc check: 4 files\" classname=\"rbc\"/>\n"
        "  </testsuite>\n</testsuites>\n");
  xsd_valid(write_temp("clean.xml", out), "junit.xsd");
}

TEST_CASE("checkstyle: one file element per file, one error per finding", "[report][checkstyle]") {
  const std::string out = rbc::report::render_checkstyle(mixed());
  const std::string path = write_temp("checkstyle.xml", out);
  CHECK(python_xml_root(path) == "checkstyle\n");
  xsd_valid(path, "checkstyle.xsd");
  CHECK(out ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        "  <file name=\"rules/a&amp;b.yml\">\n"
        "    <error line=\"2\" column=\"16\" severity=\"error\" message=\"unexpected &lt;by&gt; in "
        "&quot;sum&quot;&#10;\xEF\xBF\xBD \xEF\xBF\xBD\" source=\"promql/parse\"/>\n"
        "    <error line=\"9\" column=\"5\" severity=\"warning\" message=\"for: 0s &amp; up\" source=\"alert/for\"/>\n"
        "  </file>\n"
        "  <file name=\"rules/c.yml\">\n"
        "    <error line=\"1\" column=\"1\" severity=\"info\" message=\"naming 'x'\" source=\"rule/name\"/>\n"
        "  </file>\n"
        "</checkstyle>\n");
  CHECK(rbc::report::render_checkstyle({}) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n</checkstyle>\n");
}

TEST_CASE("checkstyle and gitlab put a finding without position on line 1", "[report][checkstyle][gitlab]") {
  rbc::Diagnostics d;
  d.add({.code = "load/read", .severity = Severity::error, .file = "./gone.yml", .span = {}, .message = "no such file",
         .group = "", .rule = "", .notes = {}});
  CHECK(rbc::report::render_checkstyle(d).find("<error line=\"1\" severity=\"error\"") != std::string::npos);
  const YAML::Node doc = YAML::Load(rbc::report::render_gitlab(d));
  CHECK(doc[0]["location"]["lines"]["begin"].as<int>() == 1);
  CHECK(doc[0]["location"]["path"].as<std::string>() == "gone.yml");
}

TEST_CASE("gitlab: Code Quality fields, severities and unique fingerprints", "[report][gitlab]") {
  const std::string out = rbc::report::render_gitlab(mixed());
  const YAML::Node doc = YAML::Load(out);
  REQUIRE(doc.IsSequence());
  REQUIRE(doc.size() == 3);
  CHECK(doc[0]["check_name"].as<std::string>() == "promql/parse");
  CHECK(doc[0]["severity"].as<std::string>() == "critical");
  CHECK(doc[1]["severity"].as<std::string>() == "major");
  CHECK(doc[2]["severity"].as<std::string>() == "info");
  CHECK(doc[1]["description"].as<std::string>() == "for: 0s & up");
  CHECK(doc[1]["location"]["path"].as<std::string>() == "rules/a&b.yml");
  CHECK(doc[1]["location"]["lines"]["begin"].as<int>() == 9);
  const auto fp = [&](int i) { return doc[i]["fingerprint"].as<std::string>(); };
  CHECK(fp(0) != fp(1));
  CHECK(fp(1) != fp(2));
  CHECK(fp(0) != fp(2));
  if (rbc::test::run_command("python3 -c 'import jsonschema' 2>/dev/null").status != 0) {
    WARN("python3-jsonschema missing: schema check skipped");
    return;
  }
  const std::string path = write_temp("gitlab.json", out);
  const auto r = rbc::test::run_command("python3 '" + std::string(RBC_SOURCE_DIR) +
                                        "/tests/tools/validate_json_schema.py' '" +
                                        rbc::test::data_path("report_formats/gitlab-codequality.schema.json") +
                                        "' '" + path + "' 2>&1");
  INFO(r.out);
  CHECK(r.status == 0);
}

TEST_CASE("rbc check --format accepts the CI formats", "[report][cli]") {
  const std::string dir = rbc::test::data_path("report");
  for (const char* format : {"junit", "checkstyle", "gitlab"}) {
    const auto r = rbc::test::run_rbc("check --format " + std::string(format) + " '" + dir + "'");
    INFO(format << ": " << r.out);
    CHECK(r.status == 1);  // tests/data/report has errors
    CHECK(r.out.find("bad.yml") != std::string::npos);
  }
}
