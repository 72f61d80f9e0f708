// match_threshold and pair_thresholds: a table of documented comparisons
// against real rule expressions (tests/data/expr_facts/threshold_cases.tsv),
// hand-built comparisons, pairing, and the runbook unit helpers.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/doc_units.hpp"
#include "model/expr_facts.hpp"
#include "model/threshold_match.hpp"
#include "promql/parse.hpp"

using rbc::model::ExprComparison;
using rbc::model::match_threshold;
using rbc::model::pair_thresholds;
using rbc::threshold::Comparison;
namespace th = rbc::threshold;
namespace promql = rbc::promql;

namespace {

th::Op doc_op(const std::string& text) {
  if (text == ">") return th::Op::gt;
  if (text == ">=") return th::Op::ge;
  if (text == "<") return th::Op::lt;
  if (text == "<=") return th::Op::le;
  if (text == "==") return th::Op::eq;
  REQUIRE(text == "!=");
  return th::Op::ne;
}

// "> 90 % of_max" -> {gt, 90, "%", of_max}
Comparison doc(const std::string& text) {
  std::istringstream in(text);
  std::string op, unit, word;
  Comparison c;
  in >> op >> c.value;
  c.op = doc_op(op);
  while (in >> word) {
    if (word == "of_max") {
      c.of_max = true;
    } else {
      unit = word;
    }
  }
  c.unit = unit;
  return c;
}

ExprComparison rule(const std::string& text, std::size_t index = 0) {
  const auto parsed = promql::parse(text);
  INFO(text);
  REQUIRE(parsed.expr);
  const auto facts = rbc::model::analyze_expr(*parsed.expr);
  REQUIRE(facts.comparisons.size() > index);
  return facts.comparisons[index];
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const auto tab = line.find('\t', start);
    out.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) return out;
    start = tab + 1;
  }
}

ExprComparison made(promql::Op op, double value, double scale, const std::string& unit) {
  ExprComparison c;
  c.op = op;
  c.value = value;
  c.scale = scale;
  c.unit = unit;
  return c;
}

}  // namespace

TEST_CASE("match_threshold: table of documented and rule comparisons", "[model][threshold_match]") {
  std::ifstream in(RBC_TEST_DATA "/expr_facts/threshold_cases.tsv");
  REQUIRE(in);
  std::string line;
  int cases = 0, matches = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto fields = split_tabs(line);
    INFO(line);
    REQUIRE(fields.size() == 4);
    REQUIRE(fields[2].size() == 2);
    const auto result = match_threshold(doc(fields[0]), rule(fields[1]));
    CHECK(result.direction_ok == (fields[2][0] == 'y'));
    CHECK(result.value_ok == (fields[2][1] == 'y'));
    CHECK(result.rule_in_doc_units == fields[3]);
    ++cases;
    matches += fields[2] == "yy" ? 1 : 0;
  }
  CHECK(cases >= 40);
  CHECK(matches < cases);  // the table holds mismatches too
}

TEST_CASE("match_threshold: hand-built rule comparisons", "[model][threshold_match]") {
  using promql::Op;
  // A ratio side only reads as a ratio: 0.5 is 50%.
  auto r = match_threshold(doc("> 5 %"), made(Op::Gtr, 0.5, 1, "ratio"));
  CHECK(r.direction_ok);
  CHECK_FALSE(r.value_ok);
  CHECK(r.rule_in_doc_units == "= 50%");
  // ratio * 100 compares in percent.
  r = match_threshold(doc("> 5 %"), made(Op::Gte, 5, 100, "ratio"));
  CHECK((r.direction_ok && r.value_ok));
  // Milliseconds against seconds, both directions of the conversion.
  r = match_threshold(doc("<= 250 ms"), made(Op::Lte, 0.25, 1, "s"));
  CHECK((r.direction_ok && r.value_ok));
  CHECK(r.rule_in_doc_units == "= 250ms");
  r = match_threshold(doc("> 1 m"), made(Op::Gtr, 60000, 1, "ms"));
  CHECK((r.direction_ok && r.value_ok));
  CHECK(r.rule_in_doc_units == "= 1m");
  // Floating error within the tolerance still matches: 0.1 * 3 != 0.3.
  r = match_threshold(doc("> 30 %"), made(Op::Gtr, 0.1 * 3, 1, "ratio"));
  CHECK(r.value_ok);
  // A weekly window.
  r = match_threshold(doc("> 2 w"), made(Op::Gtr, 14, 1.0 / 86400, "s"));
  CHECK(r.value_ok);
  CHECK(r.rule_in_doc_units == "= 2w");
  // A zero scale (`x * 0 > 5`) neither crashes nor divides by zero.
  r = match_threshold(doc("> 5"), made(Op::Gtr, 5, 0, ""));
  CHECK(r.value_ok);
}

TEST_CASE("pair_thresholds", "[model][threshold_match]") {
  const auto rules = [](const std::string& text) {
    const auto parsed = promql::parse(text);
    REQUIRE(parsed.expr);
    return rbc::model::analyze_expr(*parsed.expr).comparisons;
  };
  SECTION("each documented comparison finds its own rule comparison") {
    const auto r = rules("coverage_ratio < 0.7 and dropped_ratio > 0.05");
    const auto p = pair_thresholds({doc("> 5 %"), doc("< 70 %")}, r);
    REQUIRE(p.size() == 2);
    CHECK(p[0].rule_index == 1);
    CHECK(p[1].rule_index == 0);
    CHECK((p[0].result.value_ok && p[0].result.direction_ok));
    CHECK((p[1].result.value_ok && p[1].result.direction_ok));
  }
  SECTION("a mismatch gets the closest candidate") {
    const auto r = rules("x_seconds > 300 and y_bytes > 1e9");
    const auto p = pair_thresholds({doc("> 4 m")}, r);
    REQUIRE(p.size() == 1);
    CHECK(p[0].rule_index == 0);
    CHECK_FALSE(p[0].result.value_ok);
    CHECK(p[0].result.rule_in_doc_units == "= 5m");
  }
  SECTION("a rule comparison is shared only when the others are taken") {
    const auto r = rules("errors_ratio > 0.05");
    const auto p = pair_thresholds({doc("> 5 %"), doc("> 10 %")}, r);
    REQUIRE(p.size() == 2);
    CHECK(p[0].rule_index == 0);
    CHECK(p[0].result.value_ok);
    CHECK(p[1].rule_index == 0);
    CHECK_FALSE(p[1].result.value_ok);
  }
  SECTION("the direction decides between equal values") {
    const auto r = rules("x_percent > 90 or x_percent < 90");
    const auto p = pair_thresholds({doc("< 90 %")}, r);
    CHECK(p[0].rule_index == 1);
  }
  SECTION("no rule comparison") {
    const auto p = pair_thresholds({doc("> 5 %")}, {});
    REQUIRE(p.size() == 1);
    CHECK(p[0].rule_index == -1);
    CHECK(pair_thresholds({}, rules("x > 1")).empty());
  }
}

TEST_CASE("runbook units", "[model][threshold_match]") {
  using namespace rbc::model;
  CHECK(seconds_per("m") == 60);
  CHECK(seconds_per("d") == 86400);
  CHECK_FALSE(seconds_per("messages"));
  REQUIRE(bytes_per("MB"));
  CHECK(bytes_per("MB")->decimal == 1e6);
  CHECK(bytes_per("MB")->binary == 1048576);
  CHECK_FALSE(bytes_per("MB")->binary_first);
  CHECK(bytes_per("GiB")->binary_first);
  CHECK_FALSE(bytes_per("XB"));
  CHECK_FALSE(bytes_per("MiBs"));
  REQUIRE(parse_rate_unit("MB/10m"));
  CHECK(parse_rate_unit("MB/10m")->numerator == "MB");
  CHECK(parse_rate_unit("MB/10m")->period_s == 600);
  CHECK(parse_rate_unit("/hour")->period_s == 3600);
  CHECK(parse_rate_unit("/1.5h")->period_s == 5400);  // parse_phrase prints counts with decimals
  CHECK(parse_rate_unit("$/7d")->period_s == 7 * 86400);
  CHECK_FALSE(parse_rate_unit("/1.2.3s"));
  CHECK_FALSE(parse_rate_unit("/0s"));
  CHECK_FALSE(parse_rate_unit("/fortnight"));
  CHECK_FALSE(parse_rate_unit("MB"));
  CHECK(format_in_unit(50, "%") == "50%");
  CHECK(format_in_unit(0.1 * 3 * 100, "%") == "30%");
  CHECK(format_in_unit(2, "s") == "2s");
  CHECK(format_in_unit(5, "$/h") == "$5/h");
  CHECK(format_in_unit(3, "messages") == "3 messages");
  CHECK(format_in_unit(3, "errors/5m") == "3 errors/5m");
  CHECK(format_in_unit(-0.0, "") == "0");
}
