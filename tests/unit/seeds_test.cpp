// The five sample systems made from real runbooks (samples/<system>/), read
// against expectations written by hand from the runbook text
// (tests/data/seeds/<system>.json): what rbc must find in each runbook
// (alert sections, severities, thresholds, durations) and in each rule file
// (severity, `for`, compared constants), and that `rbc check` finds the
// pairs consistent.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/json_read.hpp"
#include "support/process.hpp"

namespace {

namespace json = rbc::test::json;

const char* const kSystems[] = {"threads-agent", "cryptofunk", "aragora", "testwatcher", "agent-node"};

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool file_exists(const std::string& path) { return std::ifstream(path).good(); }

json::Value expected_for(const std::string& system) {
  return json::parse(read_text(rbc::test::data_path("seeds/" + system + ".json")));
}

std::string sample_dir(const std::string& system) { return std::string(RBC_SOURCE_DIR) + "/samples/" + system; }

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Numbers print with 12 significant digits on both sides, so 0.1 read from
// a file and 0.1 printed by rbc compare equal while a lossy print does not.
std::string number_text(double d) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.12g", d);
  return buffer;
}

std::string text_or_dash(const json::Value* v) {
  if (v == nullptr || v->is_null()) return "-";
  if (v->is_string()) return v->string.empty() ? "-" : v->string;
  if (v->is_number()) return number_text(v->number);
  return "?";
}

// A severity value: "critical", ["warning", "critical"] or null -> "warning,critical".
std::string severity_list(const json::Value* v) {
  if (v == nullptr || v->is_null()) return "-";
  if (!v->is_array()) return text_or_dash(v);
  std::string out;
  for (const json::Value& item : v->items) out += (out.empty() ? "" : ",") + text_or_dash(&item);
  return out.empty() ? "-" : out;
}

std::string names(const json::Value& alerts) {
  std::string out;
  for (const json::Value& a : alerts.items) out += (out.empty() ? "" : " / ") + a.string;
  return out;
}

std::string comparisons_text(const json::Value& list, bool with_unit) {
  std::string out;
  for (const json::Value& c : list.items) {
    out += (out.empty() ? "" : " ") + c.at("op").string + number_text(c.at("value").number);
    if (with_unit) out += text_or_dash(c.find("unit"));
  }
  return "[" + out + "]";
}

// One line per runbook section with every field the expectations pin; the
// expected file and rbc's output go through the same rendering.
std::string section_line(const json::Value& section, const json::Value* severity_value) {
  return "line " + number_text(section.at("line").number) + " " + names(section.at("alerts")) + " #" +
         text_or_dash(section.find("anchor")) + " severity=" + severity_list(severity_value) +
         " thresholds=" + comparisons_text(section.at("thresholds"), true) + " for=" + text_or_dash(section.find("for")) +
         " window=" + text_or_dash(section.find("window"));
}

std::string rule_line(const json::Value& rule) {
  return rule.at("name").string + " severity=" + text_or_dash(rule.find("severity")) +
         " for=" + text_or_dash(rule.find("for")) + " comparisons=" + comparisons_text(rule.at("comparisons"), false);
}

std::vector<std::string> expected_sections(const json::Value& expected) {
  std::vector<std::string> lines;
  for (const json::Value& s : expected.at("sections").items) lines.push_back(section_line(s, s.find("severity")));
  return lines;
}

std::vector<std::string> actual_sections(const json::Value& runbook) {
  std::vector<std::string> lines;
  for (const json::Value& s : runbook.at("sections").items) {
    const json::Value* severity = s.find("severity");
    const json::Value* value = severity != nullptr && severity->is_object() ? severity->find("value") : nullptr;
    lines.push_back(section_line(s, value));
  }
  return lines;
}

std::vector<std::string> rule_lines(const json::Value& rules, bool alerts_only) {
  std::vector<std::string> lines;
  for (const json::Value& r : rules.items) {
    const json::Value* kind = r.find("kind");
    if (alerts_only && kind != nullptr && kind->string != "alert") continue;
    lines.push_back(rule_line(r));
  }
  return lines;
}

void check_inspect(const std::string& system) {
  const json::Value expected = expected_for(system);
  const auto result = rbc::test::run_rbc_in(RBC_SOURCE_DIR, "inspect --format json samples/" + system);
  INFO("rbc inspect --format json samples/" << system);
  REQUIRE(result.status == 0);
  const json::Value model = json::parse(result.out);

  const json::Value* runbook = nullptr;
  for (const json::Value& r : model.at("runbooks").items)
    if (ends_with("/" + r.at("file").string, "/samples/" + system + "/" + expected.at("runbook").string) ||
        ends_with(r.at("file").string, system + "/" + expected.at("runbook").string))
      runbook = &r;
  REQUIRE(runbook != nullptr);
  CHECK(actual_sections(*runbook) == expected_sections(expected));
  CHECK(rule_lines(model.at("rules"), true) == rule_lines(expected.at("rules"), false));
}

// `rbc check` passes; the only findings allowed are the ones listed in the
// expectations (real defects of the seed text, such as its broken links).
void check_clean(const std::string& system) {
  const json::Value expected = expected_for(system);
  const auto result = rbc::test::run_rbc_in(RBC_SOURCE_DIR, "check --format json samples/" + system);
  INFO("rbc check --format json samples/" << system << "\n" << result.out);
  CHECK(result.status == 0);
  const json::Value findings = json::parse(result.out);
  REQUIRE(findings.is_array());
  for (const json::Value& d : findings.items) {
    bool allowed = false;
    for (const json::Value& a : expected.at("allowed_findings").items)
      allowed = allowed || (ends_with(d.at("file").string, "samples/" + system + "/" + a.at("file").string) &&
                            d.at("line").number == a.at("line").number && d.at("severity").string != "error");
    INFO(d.at("file").string << ":" << number_text(d.at("line").number) << " " << d.at("code").string << " "
                             << d.at("message").string);
    CHECK(allowed);
  }
}

}  // namespace

TEST_CASE("seeds: rbc inspect reads threads-agent as its runbook says", "[seeds]") { check_inspect("threads-agent"); }
TEST_CASE("seeds: rbc inspect reads cryptofunk as its runbook says", "[seeds]") { check_inspect("cryptofunk"); }
TEST_CASE("seeds: rbc inspect reads aragora as its runbook says", "[seeds]") { check_inspect("aragora"); }
TEST_CASE("seeds: rbc inspect reads testwatcher as its runbook says", "[seeds]") { check_inspect("testwatcher"); }
TEST_CASE("seeds: rbc inspect reads agent-node as its runbook says", "[seeds]") { check_inspect("agent-node"); }

TEST_CASE("seeds: rbc check finds threads-agent consistent", "[seeds]") { check_clean("threads-agent"); }
TEST_CASE("seeds: rbc check finds cryptofunk consistent", "[seeds]") { check_clean("cryptofunk"); }
TEST_CASE("seeds: rbc check finds aragora consistent", "[seeds]") { check_clean("aragora"); }
TEST_CASE("seeds: rbc check finds testwatcher consistent", "[seeds]") { check_clean("testwatcher"); }
TEST_CASE("seeds: rbc check finds agent-node consistent", "[seeds]") { check_clean("agent-node"); }

// The samples and their expectations agree with each other and with the
// seeds, independently of rbc: a broken sample must not pass as a finding.
TEST_CASE("seeds: each runbook.md is its seed byte for byte", "[seeds-data]") {
  for (const char* system : kSystems) {
    const json::Value expected = expected_for(system);
    const std::string seed = std::string(RBC_SHARED_DIR) + "/seeds/" + expected.at("seed").string;
    if (!file_exists(seed)) {
      WARN("seed not available here: " << seed);
      continue;
    }
    INFO(system);
    CHECK(read_text(sample_dir(system) + "/runbook.md") == read_text(seed));
  }
}

TEST_CASE("seeds: every documented alert has a rule, every rule is documented", "[seeds-data]") {
  for (const char* system : kSystems) {
    INFO(system);
    const json::Value expected = expected_for(system);
    const std::string rules_text = read_text(sample_dir(system) + "/rules.yml");
    std::vector<std::string> documented;
    for (const json::Value& s : expected.at("sections").items)
      for (const json::Value& a : s.at("alerts").items) documented.push_back(a.string);
    for (const std::string& name : documented) {
      INFO(name);
      CHECK(rules_text.find("- alert: " + name + "\n") != std::string::npos);
    }
    std::size_t alert_rules = 0;
    for (std::size_t at = 0; (at = rules_text.find("- alert: ", at)) != std::string::npos; ++at) ++alert_rules;
    CHECK(alert_rules == expected.at("rules").items.size());
    for (const json::Value& r : expected.at("rules").items) {
      INFO(r.at("name").string);
      CHECK(std::find(documented.begin(), documented.end(), r.at("name").string) != documented.end());
    }
  }
}

TEST_CASE("seeds: expected sections sit on headings; rule links name documented anchors", "[seeds-data]") {
  for (const char* system : kSystems) {
    INFO(system);
    const json::Value expected = expected_for(system);
    std::vector<std::string> lines;
    std::istringstream runbook(read_text(sample_dir(system) + "/runbook.md"));
    for (std::string line; std::getline(runbook, line);) lines.push_back(line);
    std::vector<std::string> anchors;
    for (const json::Value& s : expected.at("sections").items) {
      const auto line = static_cast<std::size_t>(s.at("line").number);
      REQUIRE(line >= 1);
      REQUIRE(line <= lines.size());
      INFO("line " << line << ": " << lines[line - 1]);
      CHECK(lines[line - 1].rfind("### ", 0) == 0);
      anchors.push_back(s.at("anchor").string);
    }
    const std::string rules_text = read_text(sample_dir(system) + "/rules.yml");
    const std::string link = "runbook_url: runbook.md#";
    std::size_t links = 0;
    for (std::size_t at = 0; (at = rules_text.find(link, at)) != std::string::npos; ++links) {
      at += link.size();
      const std::string anchor = rules_text.substr(at, rules_text.find('\n', at) - at);
      INFO(anchor);
      CHECK(std::find(anchors.begin(), anchors.end(), anchor) != anchors.end());
    }
    CHECK(links > 0);
  }
}

TEST_CASE("seeds: promtool accepts every sample rule file", "[seeds-data]") {
  if (rbc::test::run_command("command -v promtool >/dev/null 2>&1").status != 0) {
    WARN("promtool not installed; skipped");
    return;
  }
  for (const char* system : kSystems) {
    const auto result = rbc::test::run_command("promtool check rules '" + sample_dir(system) + "/rules.yml' 2>&1");
    INFO(result.out);
    CHECK(result.status == 0);
  }
}

TEST_CASE("seeds: the test JSON reader reads rbc's own output and rejects bad input", "[seeds-data]") {
  const auto result = rbc::test::run_rbc_in(RBC_SOURCE_DIR, "check --format json samples/broken");
  const json::Value findings = json::parse(result.out);
  REQUIRE(findings.is_array());
  REQUIRE_FALSE(findings.items.empty());
  CHECK(ends_with(findings.items.front().at("file").string, ".yml"));
  CHECK(findings.items.front().at("line").number >= 1);

  const json::Value v = json::parse(R"({"a": [1, -2.5e1, true, null], "b": "x\"\u00e9\ud83d\ude00", "c": {}})");
  CHECK(v.at("a").items.at(1).number == -25);
  CHECK(v.at("b").string == "x\"\xc3\xa9\xf0\x9f\x98\x80");
  CHECK(v.at("c").is_object());
  for (const char* bad : {"", "{", "[1,]", "{\"a\" 1}", "\"abc", "1 2", "tru", "[\"\\q\"]"}) {
    INFO(bad);
    CHECK_THROWS(json::parse(bad));
  }
  CHECK_THROWS(json::parse(std::string(100000, '[')));
}
