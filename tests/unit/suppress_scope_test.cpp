// What an `rbc` directive covers, and applying directives to findings.
#include <catch2/catch.hpp>

#include "suppress/suppress.hpp"

using namespace rbc;
using namespace rbc::suppress;

namespace {

// Line numbers:    1                2                     3                    4
const char* kRules =
    "groups:\n"
    "  - name: g\n"
    "    rules:\n"
    "      # rbc disable rule/duplicate\n"  // 4: above the rule at 6 (comment and blank between)
    "\n"                                    // 5
    "      - alert: A\n"                    // 6
    "        # rbc disable rule/template\n"  // 7: inside A
    "        expr: up == 0\n"               // 8
    "      - alert: B\n"                    // 9
    "        expr: up == 1\n"               // 10
    "      # rbc disable xcheck/for\n"      // 11: below everything, above nothing
    "    # rbc disable-file promql/parse\n";  // 12

struct Scoping {
  std::vector<Scoped> scoped;
  Diagnostics problems;
};

Scoping scope(const std::string& text, Syntax syntax, std::vector<Lines> units) {
  Scoping out;
  const SourceFile source(syntax == Syntax::yaml ? "rules.yml" : "runbook.md", text);
  std::vector<Directive> directives = read_directives(source, syntax, out.problems);
  out.scoped = scope_directives(std::move(directives), source, syntax, units, out.problems);
  return out;
}

Diagnostic finding(std::string code, std::uint32_t line, std::string file = "rules.yml") {
  Diagnostic d;
  d.code = std::move(code);
  d.severity = Severity::error;
  d.file = std::move(file);
  d.span = {{line, 1}, {line, 2}};
  d.message = "m";
  return d;
}

std::chrono::year_month_day day(const char* text) { return *parse_date(text); }

}  // namespace

TEST_CASE("suppress: YAML directives cover the rule below or around them", "[suppress]") {
  const Scoping s = scope(kRules, Syntax::yaml, {{6, 8}, {9, 10}});
  REQUIRE(s.scoped.size() == 3);
  REQUIRE(s.scoped[0].lines);
  CHECK(s.scoped[0].lines->first == 6);
  CHECK(s.scoped[0].lines->last == 8);
  REQUIRE(s.scoped[1].lines);
  CHECK(s.scoped[1].lines->first == 6);
  CHECK_FALSE(s.scoped[2].lines);  // disable-file
  REQUIRE(s.problems.items().size() == 1);  // line 11 covers nothing
  CHECK(s.problems.items()[0].span.begin.line == 11);
  CHECK(s.problems.items()[0].message.find("neither inside nor directly above a rule") != std::string::npos);
}

TEST_CASE("suppress: Markdown directives cover the section below or around them", "[suppress]") {
  const Scoping s = scope(
      "# Runbook\n"                        // 1
      "<!-- rbc disable xcheck/for -->\n"  // 2: above section 3
      "### HighLatency\n"                  // 3
      "Severity: critical\n"               // 4
      "<!-- rbc disable xcheck/severity -->\n"  // 5: inside section 3 (text follows)
      "Check the dashboard.\n"            // 6
      "### Other\n"                        // 7
      "text\n",                            // 8
      Syntax::markdown, {{3, 6}, {7, 8}});
  REQUIRE(s.problems.items().empty());
  REQUIRE(s.scoped.size() == 2);
  CHECK(s.scoped[0].lines->first == 3);
  CHECK(s.scoped[1].lines->first == 3);
}

TEST_CASE("suppress: a directive just above the next section belongs to it", "[suppress]") {
  // The section spans run up to the next heading, so line 4 is inside the
  // first section, but it stands directly above the second.
  const Scoping s = scope("### A\ntext\n\n<!-- rbc disable xcheck/for -->\n### B\n", Syntax::markdown,
                          {{1, 4}, {5, 5}});
  REQUIRE(s.scoped.size() == 1);
  CHECK(s.scoped[0].lines->first == 5);
}

TEST_CASE("suppress: applying directives", "[suppress]") {
  const Scoping s = scope(kRules, Syntax::yaml, {{6, 8}, {9, 10}});
  config::Config config = config::default_config();
  Diagnostics diags;
  diags.add(finding("rule/duplicate", 6));   // silenced (rule A)
  diags.add(finding("rule/duplicate", 9));   // kept: rule B
  diags.add(finding("rule/template", 8));    // silenced
  diags.add(finding("promql/parse", 10));    // silenced by disable-file
  diags.add(finding("promql/parse", 10, "other.yml"));  // other file: kept
  diags.add(finding("yaml/parse", 6));       // never silenced
  CHECK(apply_directives(diags, s.scoped, config, day("2026-01-01")) == 3);
  REQUIRE(diags.items().size() == 3);
  CHECK(diags.items()[0].span.begin.line == 9);
  CHECK(diags.items()[1].file == "other.yml");
  CHECK(diags.items()[2].code == "yaml/parse");
}

TEST_CASE("suppress: a locked code stays, with a note", "[suppress]") {
  const Scoping s = scope(kRules, Syntax::yaml, {{6, 8}, {9, 10}});
  config::Config config = config::default_config();
  config.codes["rule/duplicate"].locked = true;
  Diagnostics diags;
  diags.add(finding("rule/duplicate", 6));
  CHECK(apply_directives(diags, s.scoped, config, day("2026-01-01")) == 0);
  REQUIRE(diags.items().size() == 1);
  REQUIRE(diags.items()[0].notes.size() == 1);
  CHECK(diags.items()[0].notes[0].message.find("rbc.yaml locks rule/duplicate") != std::string::npos);
  CHECK(diags.items()[0].notes[0].span.begin.line == 4);
}

TEST_CASE("suppress: a snooze holds through its day, then the finding returns with a note", "[suppress]") {
  const Scoping s = scope("a: 1\n# rbc snooze 2026-12-31 rule/duplicate\nb: 2\n", Syntax::yaml, {{3, 3}});
  REQUIRE(s.scoped.size() == 1);
  const config::Config config = config::default_config();
  for (const char* today : {"2026-06-01", "2026-12-31"}) {
    Diagnostics diags;
    diags.add(finding("rule/duplicate", 3));
    CHECK(apply_directives(diags, s.scoped, config, day(today)) == 1);
  }
  Diagnostics diags;
  diags.add(finding("rule/duplicate", 3));
  CHECK(apply_directives(diags, s.scoped, config, day("2027-01-01")) == 0);
  REQUIRE(diags.items()[0].notes.size() == 1);
  CHECK(diags.items()[0].notes[0].message.find("expired after 2026-12-31") != std::string::npos);
}

TEST_CASE("suppress: rbc/directive findings are not silenced by directives", "[suppress]") {
  const Scoping s = scope("# rbc disable-file rbc/directive\n", Syntax::yaml, {});
  REQUIRE(s.scoped.size() == 1);
  Diagnostics diags;
  diags.add(finding("rbc/directive", 1));
  CHECK(apply_directives(diags, s.scoped, config::default_config(), day("2026-01-01")) == 0);
}

TEST_CASE("suppress: rbc.yaml settings of loading-stage codes", "[suppress]") {
  config::Config config = config::default_config();
  config.codes["rule/duplicate"].enabled = false;
  config.codes["rule/template"].severity = Severity::warning;
  Diagnostics diags;
  diags.add(finding("rule/duplicate", 1));
  diags.add(finding("rule/template", 2));
  apply_stage_settings(diags, config);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].severity == Severity::warning);
}

TEST_CASE("suppress: unknown codes and options under checks: are warnings", "[suppress]") {
  config::Config config = config::default_config();
  config.path = "rbc.yaml";
  config.codes["rule/duplicat"].span = {{3, 3}, {3, 16}};
  config::CodeSetting& template_setting = config.codes["rule/template"];
  template_setting.options["limit"].values = {"3"};
  Diagnostics diags;
  check_settings(config, diags);
  REQUIRE(diags.items().size() == 2);
  for (const Diagnostic& d : diags.items()) {
    CHECK(d.code == "config/invalid");
    CHECK(d.severity == Severity::warning);
    CHECK(d.file == "rbc.yaml");
  }
  CHECK(diags.items()[0].message.find("did you mean 'rule/duplicate'") != std::string::npos);
  CHECK(diags.items()[0].span.begin.line == 3);
  CHECK(diags.items()[1].message.find("rule/template has no option 'limit'; it takes no options") !=
        std::string::npos);
}
