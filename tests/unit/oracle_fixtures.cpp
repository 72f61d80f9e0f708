// Fast oracle tests that need neither promtool nor a server: recorded
// fixtures in tests/data/oracle (see its README.md for how they were made).
#include <catch2/catch.hpp>

#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "oracle_compare.hpp"

#if __has_include("promql/printer.hpp")
#include "promql/printer.hpp"
#define RBC_ORACLE_HAVE_PRINTER 1
#endif

namespace {

std::vector<std::pair<std::string, std::string>> load_pairs(const std::string& name) {
  std::ifstream in(std::string(RBC_TEST_DATA) + "/oracle/" + name, std::ios::binary);
  REQUIRE(in);
  std::vector<std::pair<std::string, std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    const auto fields = rbc::oracle::tsv_fields(line);
    REQUIRE(fields.size() == 2);
    rows.emplace_back(rbc::oracle::tsv_unescape(fields[0]), rbc::oracle::tsv_unescape(fields[1]));
  }
  return rows;
}

// Prometheus's String() of a parsed expression, if rbc's printer is there.
template <class E>
std::optional<std::string> render(const E& expr) {
  if constexpr (requires { rbc::promql::to_string(expr); }) {
    return rbc::promql::to_string(expr);
  } else {
    return std::nullopt;
  }
}

}  // namespace

TEST_CASE("rbc reports promtool's exact message on recorded invalid expressions", "[oracle][fixture]") {
  const auto rows = load_pairs("promtool_messages.tsv");
  REQUIRE(rows.size() >= 1000);
  std::vector<std::string> exprs;
  std::vector<rbc::oracle::Verdict> verdicts;
  for (const auto& [expr, message] : rows) {
    exprs.push_back(expr);
    verdicts.push_back(rbc::oracle::Verdict{false, message});
  }
  const rbc::oracle::Comparison c = rbc::oracle::compare_with_promtool(exprs, verdicts);
  std::cout << "oracle fixture: rejected " << c.verdict_agree << "/" << c.total << ", message agreement "
            << c.message_agree << "/" << c.both_rejected << " (" << c.message_percent() << "%)\n";
  for (const auto& m : c.message_mismatch) std::cout << "oracle fixture: message differs " << m << "\n";
  std::string first;
  for (const auto& d : c.disagreements) first += d + "\n";
  INFO("accepted although promtool rejects:\n" << first);
  CHECK(c.verdict_agree == c.total);
  CHECK(c.message_percent() >= rbc::oracle::kMessageFloorPercent);
}

TEST_CASE("rbc prints recorded expressions exactly as Prometheus String() does", "[oracle][fixture]") {
  const auto rows = load_pairs("renderings.tsv");
  REQUIRE(rows.size() >= 1000);
#ifndef RBC_ORACLE_HAVE_PRINTER
  std::cout << "SKIPPED: compiler/promql/printer.hpp does not exist yet\n";
#else
  std::size_t same = 0;
  std::string first;
  int shown = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& [expr, want] = rows[i];
    const rbc::promql::ParseResult r = rbc::promql::parse(expr);
    std::string got = "(no AST)";
    if (r.error) {
      got = "error: " + rbc::promql::format_error(expr, *r.error);
    } else if (r.expr) {
      const std::optional<std::string> text = render(*r.expr);
      REQUIRE(text.has_value());  // printer.hpp exists, so to_string(const Expr&) must too
      got = *text;
    }
    if (got == want) {
      ++same;
    } else if (shown++ < 20) {
      first += rbc::oracle::describe(i, expr, want, got) + "\n";
    }
  }
  std::cout << "oracle fixture: renderings identical " << same << "/" << rows.size() << "\n";
  INFO("first differences (promtool column = Prometheus String()):\n" << first);
  CHECK(same == rows.size());
#endif
}
