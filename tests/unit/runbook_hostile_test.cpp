// The runbook reader on hostile input: it must read everything, never crash,
// never recurse on nesting depth, never take long.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "runbook_test_support.hpp"

using namespace rbc;
using namespace rbc::runbook;
using namespace rbc::runbook::test;

namespace {

std::string repeat(const std::string& piece, std::size_t n) {
  std::string out;
  out.reserve(piece.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("hostile: empty and whitespace-only files", "[runbook][hostile]") {
  for (const char* text : {"", "\n", "   ", "\r\n\r\n", "---", "---\n", "---\n---\n"}) {
    const Read r = read_text(text);
    CHECK(r.file.sections.empty());
    CHECK(r.file.links.empty());
  }
}

TEST_CASE("hostile: binary garbage and invalid UTF-8", "[runbook][hostile]") {
  std::mt19937 rng(42);
  std::string garbage(256 * 1024, '\0');
  for (char& c : garbage) c = static_cast<char>(rng() & 0xFF);
  const Read r = read_text(garbage);
  CHECK(r.file.sections.size() < 10);
  // Invalid bytes inside a section are read as they are.
  const Read bad = read_text("### DiskFull \xFF\xFE\n**Severity**: crit\xC3(\xA9" "cal\n");
  REQUIRE(bad.file.sections.size() == 1);
  CHECK(alert_names(bad.file) == std::vector<std::string>{"DiskFull"});
  CHECK(bad.file.sections[0].severity.size() == 1);
}

TEST_CASE("hostile: mojibake from seed 000 is read, not rejected", "[runbook][hostile]") {
  const Read r = read_text("### Critical Alerts (PagerDuty) \xC3\xBC\xC3\xB6\xC2\xA8\n"
                           "### ServiceDown \xE2\x9A\xA0\xC3\xAF\xC2\xB8\xC2\x8F\n"
                           "**Severity**: Critical\n");
  CHECK(alert_names(r.file) == std::vector<std::string>{"ServiceDown"});
}

TEST_CASE("hostile: 10,000 nested block quotes and list items", "[runbook][hostile]") {
  const Read quotes = read_text(repeat("> ", 10000) + "### HighErrorRate\n**Severity**: x\n");
  CHECK(quotes.file.anchors.size() == 1);
  const Read bullets = read_text(repeat("- ", 10000) + "**Severity**: critical\n");
  CHECK(bullets.file.sections.empty());
  const Read ordered = read_text(repeat("1. ", 10000) + "x\n");
  CHECK(ordered.file.sections.empty());
  // Nested by indentation, one level per line.
  std::string indented;
  for (int i = 0; i < 1000; ++i) indented += std::string(2 * i, ' ') + "- **Severity**: critical\n";
  CHECK(read_text(indented).file.sections.empty());
  // Deep inline nesting.
  const Read inlines = read_text("### DeepEmphasis\n**Severity**: " + repeat("*_", 20000) +
                                 "x" + repeat("_*", 20000) + "\n" + repeat("[", 50000) + "\n");
  CHECK(alert_names(inlines.file) == std::vector<std::string>{"DeepEmphasis"});
}

TEST_CASE("hostile: deep YAML front matter becomes a diagnostic", "[runbook][hostile]") {
  const Read r = read_text("---\nalert: " + repeat("[", 10000) + "\n---\n### HighLoad\n**Severity**: x\n");
  REQUIRE(r.diags.items().size() == 1);
  CHECK(r.diags.items()[0].code == "yaml/parse");
  CHECK(alert_names(r.file) == std::vector<std::string>{"HighLoad"});
}

TEST_CASE("hostile: a bad front matter is reported at its position and reading goes on",
          "[runbook][hostile]") {
  const Read r = read_text("---\ntitle: ok\nalert: [unclosed\n---\n### HighErrorRate\n**Severity**: critical\n");
  REQUIRE(r.diags.items().size() == 1);
  const Diagnostic& d = r.diags.items()[0];
  CHECK(d.code == "yaml/parse");
  CHECK(d.file == "runbook.md");
  CHECK(d.span.begin.line >= 3);
  CHECK(d.span.begin.line <= 4);
  CHECK(alert_names(r.file) == std::vector<std::string>{"HighErrorRate"});
  CHECK(r.file.sections[0].line == 5);
}

TEST_CASE("hostile: CRLF line endings and a BOM keep positions exact", "[runbook][hostile]") {
  const std::string md =
      "\xEF\xBB\xBF---\r\ntitle: Disk\r\n---\r\n# Runbook\r\n\r\n## DiskFull\r\n\r\n"
      "**Severity**: critical\r\n**Description**: disk > 90%\r\n";
  const Read r = read_text(md);
  REQUIRE(r.file.sections.size() == 1);
  const Section& s = r.file.sections[0];
  CHECK(s.line == 6);
  CHECK(span_text(r.source, s.alerts[0].span) == "DiskFull");
  REQUIRE(s.conditions.size() == 1);
  CHECK(s.conditions[0].text == "disk > 90%");
  CHECK(offsets_exact(r.source, s.conditions[0]));
  CHECK(span_text(r.source, s.conditions[0].span) == "disk > 90%");
  CHECK(r.file.title == "Disk");
  // A BOM before a heading without front matter.
  const Read bom = read_text("\xEF\xBB\xBF# HighErrorRate\r\n\r\n**Severity**: critical\r\n", "HighErrorRate.md");
  CHECK(alert_names(bom.file) == std::vector<std::string>{"HighErrorRate"});
  CHECK(bom.file.anchors == std::vector<std::string>{"higherrorrate"});
}

TEST_CASE("hostile: many headings and a huge line stay fast", "[runbook][hostile]") {
  std::string many = "# Alerts\n";
  for (int i = 0; i < 20000; ++i) many += "## Alert" + std::to_string(i) + "Down\n**Severity**: x\n";
  const Read r = read_text(many);
  CHECK(r.file.sections.size() == 20000);
  const Read line = read_text("### BigLine\n**Description**: " + std::string(2'000'000, 'a') + "\n");
  REQUIRE(line.file.sections.size() == 1);
  CHECK(line.file.sections[0].conditions[0].text.size() == 2'000'000);
}
