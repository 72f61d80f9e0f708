// Conformance table: every case's verdict, first error (message and
// position) and String() rendering as recorded from Prometheus 2.42
// (tests/data/promql/make_conformance.py).
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "promql/parse.hpp"
#include "promql/printer.hpp"

namespace {

struct Case {
  std::string expr;
  std::string verdict;  // "OK" or "L:C: parse error: ..."
  std::string printed;
};

// Decodes {{LF}} {{CR}} {{TAB}} {{xNN}} placeholders.
std::string unescape(const std::string& s) {
  static const std::regex placeholder(R"(\{\{(LF|CR|TAB|x[0-9a-f]{2})\}\})");
  std::string out;
  auto begin = std::sregex_iterator(s.begin(), s.end(), placeholder);
  std::size_t pos = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    out += s.substr(pos, static_cast<std::size_t>(it->position()) - pos);
    const std::string name = (*it)[1];
    if (name == "LF") out += '\n';
    else if (name == "CR") out += '\r';
    else if (name == "TAB") out += '\t';
    else out += static_cast<char>(std::stoi(name.substr(1), nullptr, 16));
    pos = static_cast<std::size_t>(it->position() + it->length());
  }
  return out + s.substr(pos);
}

std::vector<Case> load_cases() {
  std::ifstream in(std::string(RBC_TEST_DATA) + "/promql/conformance.tsv");
  std::vector<Case> cases;
  for (std::string line; std::getline(in, line);) {
    const auto t1 = line.find('\t');
    const auto t2 = line.find('\t', t1 + 1);
    cases.push_back({unescape(line.substr(0, t1)), unescape(line.substr(t1 + 1, t2 - t1 - 1)),
                     unescape(line.substr(t2 + 1))});
  }
  return cases;
}

}  // namespace

TEST_CASE("promql conformance with Prometheus 2.42", "[promql]") {
  const std::vector<Case> cases = load_cases();
  REQUIRE(cases.size() >= 300);
  std::size_t accepted = 0;
  for (const Case& c : cases) {
    INFO("expression: " << c.expr);
    const rbc::promql::ParseResult r = rbc::promql::parse(c.expr);
    if (c.verdict == "OK") {
      ++accepted;
      REQUIRE_FALSE(r.error);
      REQUIRE(r.expr);
      CHECK(rbc::promql::to_string(*r.expr) == c.printed);
    } else {
      REQUIRE(r.error);
      CHECK(rbc::promql::format_error(c.expr, *r.error) == c.verdict);
    }
  }
  // The table must exercise both outcomes substantially.
  CHECK(accepted > 100);
  CHECK(cases.size() - accepted > 100);
}
