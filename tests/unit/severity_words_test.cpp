// severity_values: runbook severity text -> canonical severity values.
#include <catch2/catch.hpp>

#include "support/seeds.hpp"

#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "config/config.hpp"

namespace {

using Values = std::vector<std::string>;

struct Case {
  const char* text;
  Values expected;
};

// With the default vocabulary.
const std::vector<Case> kCases = {
    // Plain words, any case.
    {"Critical", {"critical"}},
    {"critical", {"critical"}},
    {"CRITICAL", {"critical"}},
    {"Warning", {"warning"}},
    {"warn", {"warning"}},
    {"Info", {"info"}},
    {"informational", {"info"}},
    {"crit", {"critical"}},
    {"page", {"critical"}},
    {"High", {"warning"}},
    {"Medium", {"warning"}},
    {"Low", {"info"}},
    // Ranks and their spellings.
    {"P1", {"critical"}},
    {"p1", {"critical"}},
    {"P0", {"critical"}},
    {"P 1", {"critical"}},
    {"P-2", {"warning"}},
    {"P4", {"info"}},
    {"SEV1", {"critical"}},
    {"Sev 2", {"warning"}},
    {"SEV-3", {"warning"}},
    {"sev4", {"info"}},
    // "rank - name" pairs (the seed runbooks' style).
    {"P1 - Critical", {"critical"}},
    {"P2 - High", {"warning"}},
    {"P3 - Medium", {"warning"}},
    {"P4 - Low", {"info"}},
    {"Critical (P1)", {"critical"}},
    // A name beats a rank that disagrees with it in the same alternative.
    {"P2 - Critical", {"critical"}},
    {"P1: Warning", {"warning"}},
    // Remarks in brackets do not add alternatives.
    {"Warning (Business)", {"warning"}},
    {"Warning (can escalate to Critical)", {"warning"}},
    {"Warning (escalates to Critical if repeated)", {"warning"}},
    {"Warning [Critical after 1h]", {"warning"}},
    {"(Critical)", {"critical"}},
    // Escalation outside brackets.
    {"Warning, escalates to Critical", {"warning"}},
    {"Warning -> Critical", {"warning"}},
    {"Warning \u2192 Critical if sustained", {"warning"}},
    {"Warning; Critical if > 90%", {"warning", "critical"}},
    // Alternatives keep the order of the text.
    {"Warning/Critical", {"warning", "critical"}},
    {"Critical/Warning", {"critical", "warning"}},
    {"Critical or Warning", {"critical", "warning"}},
    {"critical, warning", {"critical", "warning"}},
    {"Warning | Info", {"warning", "info"}},
    {"Critical and Warning", {"critical", "warning"}},
    {"P1 / P2", {"critical", "warning"}},
    {"P1 - Critical / P2 - High", {"critical", "warning"}},
    {"Warning/Warning", {"warning"}},
    // Markdown, emoji and mojibake around the word.
    {"**Critical**", {"critical"}},
    {"`warning`", {"warning"}},
    {"\U0001F534 Critical", {"critical"}},
    {"\u00f0\u0178\u201d\u00b4 Critical", {"critical"}},     // UTF-8 read as cp1252
    {"\u00fc\u00ee\u00a5 Warning \u201a\u00f6\u2020\u00ee\u00e8", {"warning"}},  // read as Mac Roman
    {"_Info_", {"info"}},
    // Negation.
    {"Non-critical", {}},
    {"not critical", {}},
    // Nothing recognised.
    {"", {}},
    {"TBD", {}},
    {"Business", {}},
    {"HTTP1", {}},
    {"Criticality", {}},
    {"P5", {}},
    {"1", {}},
};

}  // namespace

TEST_CASE("severity_values: table of runbook spellings", "[config][severity]") {
  const rbc::config::Config config = rbc::config::default_config();
  REQUIRE(kCases.size() >= 40);
  for (const Case& c : kCases) {
    INFO("text: " << c.text);
    CHECK(rbc::config::severity_values(config, c.text) == c.expected);
  }
}

TEST_CASE("severity_values: an empty vocabulary means the defaults", "[config][severity]") {
  rbc::config::Config config;  // severities left empty by hand
  CHECK(rbc::config::severity_values(config, "P1 - Critical") == Values{"critical"});
}

TEST_CASE("severity_values: a custom vocabulary", "[config][severity]") {
  rbc::config::Config config = rbc::config::default_config();
  config.severities = {
      {"page", {"P1", "urgent", "wake me up"}},
      {"ticket", {"P2", "P3"}},
  };
  CHECK(rbc::config::severity_values(config, "P1") == Values{"page"});
  CHECK(rbc::config::severity_values(config, "page") == Values{"page"});  // the value names itself
  CHECK(rbc::config::severity_values(config, "TICKET") == Values{"ticket"});
  CHECK(rbc::config::severity_values(config, "Wake me up!") == Values{"page"});
  CHECK(rbc::config::severity_values(config, "wake up") == Values{});
  CHECK(rbc::config::severity_values(config, "P3 / urgent") == Values{"ticket", "page"});
  // The defaults are gone once a vocabulary is configured.
  CHECK(rbc::config::severity_values(config, "Critical") == Values{});
  CHECK(rbc::config::severity_values(config, "warning") == Values{});
}

TEST_CASE("severity_values: every severity field of the seed runbooks is understood", "[config][severity]") {
  const rbc::config::Config config = rbc::config::default_config();
  const std::regex field(R"(\*\*Severity(\*\*:|:\*\*)\s*(.*?)\s*$)");
  const char* seeds[] = {"000_f82eccf5e82eee56.txt", "001_54d55be18301f74b.txt", "002_a71f3dfa39d2be98.txt",
                         "003_8dcf69414be11204.txt", "004_634388375e24ab68.txt"};
  int fields = 0;
  for (const char* name : seeds) {
    std::ifstream in(rbc::test::seed_path(name));
    REQUIRE(in);
    std::string line;
    while (std::getline(in, line)) {
      std::smatch m;
      if (!std::regex_search(line, m, field)) continue;
      ++fields;
      const std::string text = m[2];
      INFO(name << ": " << text);
      const Values values = rbc::config::severity_values(config, text);
      if (text == "Warning/Critical") {
        CHECK(values == Values{"warning", "critical"});
      } else if (text.starts_with("Warning") || text.find("High") != std::string::npos ||
                 text.find("Medium") != std::string::npos) {
        CHECK(values == Values{"warning"});
      } else if (text.find("Critical") != std::string::npos) {
        CHECK(values == Values{"critical"});
      } else {
        FAIL("unexpected severity text");
      }
    }
  }
  CHECK(fields == 38);  // 8 + 9 + 17 + 0 + 4 fields in the five seeds
}
