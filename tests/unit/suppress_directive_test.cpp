// Reading `rbc` suppression comments from YAML and Markdown text.
#include <catch2/catch.hpp>

#include "suppress/directive.hpp"

using namespace rbc;
using namespace rbc::suppress;

namespace {

struct Read {
  std::vector<Directive> directives;
  Diagnostics problems;
};

Read read(const std::string& text, Syntax syntax = Syntax::yaml) {
  Read out;
  const SourceFile source(syntax == Syntax::yaml ? "rules.yml" : "runbook.md", text);
  out.directives = read_directives(source, syntax, out.problems);
  return out;
}

std::string first_problem(const Read& r) {
  return r.problems.items().empty() ? std::string() : r.problems.items().front().message;
}

}  // namespace

TEST_CASE("suppress: the three directive words in YAML comments", "[suppress]") {
  const Read r = read(
      "# rbc disable-file rule/duplicate\n"
      "groups:\n"
      "  - name: g  # rbc disable promql/parse, rule/template\n"
      "    # rbc snooze 2026-12-31 xcheck/for xcheck/severity -- waiting for the new runbook\n");
  REQUIRE(r.problems.items().empty());
  REQUIRE(r.directives.size() == 3);
  CHECK(r.directives[0].kind == Kind::disable_file);
  CHECK(r.directives[0].codes == std::vector<std::string>{"rule/duplicate"});
  CHECK(r.directives[0].span.begin == Position{1, 1});
  CHECK(r.directives[1].kind == Kind::disable);
  CHECK(r.directives[1].codes == std::vector<std::string>{"promql/parse", "rule/template"});
  CHECK(r.directives[1].span.begin == Position{3, 14});  // the "#"
  CHECK(r.directives[2].kind == Kind::snooze);
  CHECK(r.directives[2].codes == std::vector<std::string>{"xcheck/for", "xcheck/severity"});  // reason after --
  REQUIRE(r.directives[2].until);
  CHECK(format_date(*r.directives[2].until) == "2026-12-31");
}

TEST_CASE("suppress: ordinary comments and hashes inside values are not directives", "[suppress]") {
  const Read r = read(
      "# rbc checks this file in CI\n"
      "# rbcdisable rule/duplicate\n"
      "expr: foo#rbc disable rule/duplicate\n"
      "# rbc\n"
      "# see https://example.com/#rbc disable\n");
  CHECK(r.directives.empty());
  CHECK(r.problems.items().empty());
}

TEST_CASE("suppress: a group pattern covers the codes of its group", "[suppress]") {
  const Read r = read("# rbc disable xcheck/*\n");
  REQUIRE(r.directives.size() == 1);
  CHECK(code_matches(r.directives[0].codes[0], "xcheck/for"));
  CHECK_FALSE(code_matches(r.directives[0].codes[0], "rule/duplicate"));
  CHECK_FALSE(code_matches("xcheck/*", "xcheckx/for"));
  CHECK(code_matches("rule/duplicate", "rule/duplicate"));
}

TEST_CASE("suppress: unknown and malformed directives are warnings with suggestions", "[suppress]") {
  SECTION("unknown code") {
    const Read r = read("x: 1  # rbc disable rule/duplicat, rule/template\n");
    REQUIRE(r.problems.items().size() == 1);
    const Diagnostic& d = r.problems.items().front();
    CHECK(d.code == "rbc/directive");
    CHECK(d.severity == Severity::warning);
    CHECK(d.message.find("did you mean 'rule/duplicate'") != std::string::npos);
    CHECK(d.span.begin == Position{1, 21});
    REQUIRE(r.directives.size() == 1);  // the known code still applies
    CHECK(r.directives[0].codes == std::vector<std::string>{"rule/template"});
  }
  SECTION("unknown group") {
    const Read r = read("# rbc disable xchek/*\n");
    CHECK(r.directives.empty());
    CHECK(first_problem(r).find("did you mean 'xcheck/*'") != std::string::npos);
  }
  SECTION("misspelt directive word") {
    const Read r = read("# rbc disabel rule/duplicate\n");
    CHECK(r.directives.empty());
    CHECK(first_problem(r).find("did you mean 'disable'") != std::string::npos);
  }
  SECTION("no code") {
    const Read r = read("# rbc disable\n# rbc disable -- because\n");
    CHECK(r.directives.empty());
    CHECK(r.problems.items().size() == 2);
    CHECK(first_problem(r).find("names no code") != std::string::npos);
  }
  SECTION("bad dates") {
    for (const char* text : {"# rbc snooze rule/duplicate\n", "# rbc snooze 2026-02-30 rule/duplicate\n",
                             "# rbc snooze 2026-1-01 rule/duplicate\n", "# rbc snooze\n"}) {
      const Read r = read(text);
      CHECK(r.directives.empty());
      CHECK(first_problem(r).find("needs a date (YYYY-MM-DD)") != std::string::npos);
    }
  }
  SECTION("codes no comment can silence") {
    const Read r = read("# rbc disable-file yaml/parse\n");
    CHECK(r.directives.empty());
    CHECK(first_problem(r).find("cannot be silenced") != std::string::npos);
  }
}

TEST_CASE("suppress: Markdown directives are HTML comments outside code fences", "[suppress]") {
  const Read r = read(
      "# Runbook <!-- rbc disable-file runbook/orphan -->\n"
      "<!-- rbc disable xcheck/for -->\n"
      "```yaml\n"
      "<!-- rbc disable rule/duplicate -->\n"
      "```\n"
      "# rbc disable rule/duplicate\n"
      "<!--rbc snooze 2030-01-01 xcheck/severity-->\n",
      Syntax::markdown);
  REQUIRE(r.problems.items().empty());
  REQUIRE(r.directives.size() == 3);
  CHECK(r.directives[0].kind == Kind::disable_file);
  CHECK(r.directives[0].codes == std::vector<std::string>{"runbook/orphan"});
  CHECK(r.directives[1].codes == std::vector<std::string>{"xcheck/for"});
  CHECK(r.directives[1].span.begin.line == 2);
  CHECK(r.directives[2].kind == Kind::snooze);
  CHECK(r.directives[2].codes == std::vector<std::string>{"xcheck/severity"});  // `-->` is not part of it
}

TEST_CASE("suppress: dates", "[suppress]") {
  CHECK(parse_date("2024-02-29"));
  CHECK_FALSE(parse_date("2023-02-29"));
  CHECK_FALSE(parse_date("2023-13-01"));
  CHECK_FALSE(parse_date("20230101"));
  CHECK_FALSE(parse_date("2023-01-0x"));
  CHECK(format_date(*parse_date("0999-01-09")) == "0999-01-09");
  CHECK(syntax_of("a/b.yml") == Syntax::yaml);
  CHECK(syntax_of("<stdin>") == Syntax::yaml);
  CHECK(syntax_of("a/b.md") == Syntax::markdown);
  CHECK_FALSE(syntax_of("a/b.txt"));
}
