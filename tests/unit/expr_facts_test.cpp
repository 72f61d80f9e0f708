// analyze_expr and fold_constant on expressions parsed by the real PromQL
// parser: a table of cases (tests/data/expr_facts/comparisons.tsv), ranges,
// pathological depth, and every alert of the shared corpus.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "load/read_file.hpp"
#include "model/doc_units.hpp"
#include "model/expr_facts.hpp"
#include "promql/ast.hpp"
#include "promql/parse.hpp"
#include "rules/load.hpp"

namespace fs = std::filesystem;
using rbc::model::analyze_expr;
using rbc::model::ExprComparison;
using rbc::model::ExprFacts;
using rbc::model::format_number;

namespace {

std::string describe_scale(double scale) {
  if (scale == 1) return "";
  if (std::fabs(scale) >= 1 && scale == std::round(scale)) return " *" + format_number(scale);
  const double divisor = 1 / scale;
  if (std::fabs(divisor - std::round(divisor)) < 1e-6 * std::fabs(divisor))
    return " /" + format_number(std::round(divisor));
  return " *" + format_number(scale);
}

std::string describe(const ExprComparison& c) {
  std::string out = std::string(rbc::promql::op_text(c.op)) + " " + format_number(c.value);
  out += describe_scale(c.scale);
  if (!c.unit.empty()) out += " " + c.unit;
  if (c.time_since) out += " since";
  if (c.time_until) out += " until";
  return out;
}

std::string describe(const ExprFacts& facts) {
  if (facts.comparisons.empty()) return "-";
  std::string out;
  for (const auto& c : facts.comparisons) out += (out.empty() ? "" : " ; ") + describe(c);
  return out;
}

ExprFacts analyze_text(const std::string& text) {
  const auto parsed = rbc::promql::parse(text);
  INFO(text);
  REQUIRE(parsed.expr);
  return analyze_expr(*parsed.expr);
}

}  // namespace

TEST_CASE("analyze_expr: table of expressions", "[model][expr_facts]") {
  std::ifstream in(RBC_TEST_DATA "/expr_facts/comparisons.tsv");
  REQUIRE(in);
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    const std::string expr = line.substr(0, tab);
    const std::string expected = line.substr(tab + 1);
    INFO(expr);
    CHECK(describe(analyze_text(expr)) == expected);
    ++cases;
  }
  CHECK(cases >= 60);
}

TEST_CASE("analyze_expr: comparison offsets cover the comparison", "[model][expr_facts]") {
  const std::string text = "x > 5 and on(job) (10 <= rate(y_seconds_total[5m]))";
  const auto facts = analyze_text(text);
  REQUIRE(facts.comparisons.size() == 2);
  CHECK(text.substr(facts.comparisons[0].begin, facts.comparisons[0].end - facts.comparisons[0].begin) ==
        "x > 5");
  CHECK(text.substr(facts.comparisons[1].begin, facts.comparisons[1].end - facts.comparisons[1].begin) ==
        "10 <= rate(y_seconds_total[5m])");
}

TEST_CASE("analyze_expr: ranges in source order", "[model][expr_facts]") {
  const std::string text =
      "max_over_time(rate(a[5m])[1h:1m]) > 1 and increase(b[90s]) > 0 or count_over_time(c[2d] offset 1h) > 3";
  const auto facts = analyze_text(text);
  REQUIRE(facts.ranges.size() == 4);
  CHECK(facts.ranges[0].ms == 5 * 60 * 1000);
  CHECK(facts.ranges[1].ms == 60 * 60 * 1000);
  CHECK(facts.ranges[2].ms == 90 * 1000);
  CHECK(facts.ranges[3].ms == 2LL * 86400 * 1000);
  CHECK(text.substr(facts.ranges[0].begin, facts.ranges[0].end - facts.ranges[0].begin) == "a[5m]");
  CHECK(text.substr(facts.ranges[1].begin, facts.ranges[1].end - facts.ranges[1].begin) ==
        "rate(a[5m])[1h:1m]");
  CHECK(text.substr(facts.ranges[2].begin, facts.ranges[2].end - facts.ranges[2].begin) == "b[90s]");
  CHECK(analyze_text("x > 5").ranges.empty());
}

TEST_CASE("fold_constant", "[model][expr_facts]") {
  const auto value = [](const std::string& text, double& out) {
    const auto parsed = rbc::promql::parse(text);
    REQUIRE(parsed.expr);
    return rbc::model::fold_constant(*parsed.expr, out);
  };
  double v = 0;
  CHECK(value("14 * 24 * 3600", v));
  CHECK(v == 1209600);
  CHECK(value("(1 - 0.05)", v));
  CHECK(v == Approx(0.95));
  CHECK(value("-(2^10)", v));
  CHECK(v == -1024);
  CHECK(value("2 ^ 3 ^ 2", v));  // right-associative
  CHECK(v == 512);
  CHECK(value("+7 % 4", v));
  CHECK(v == 3);
  CHECK(value("1 / 0", v));
  CHECK(std::isinf(v));
  CHECK_FALSE(value("x", v));
  CHECK_FALSE(value("1 + x", v));
  CHECK_FALSE(value("vector(1)", v));
  CHECK_FALSE(value("1 > bool 0", v));
  CHECK_FALSE(value("\"s\"", v));
}

TEST_CASE("analyze_expr: 100,000-deep expressions do not recurse", "[model][expr_facts]") {
  const std::size_t depth = 100000;
  std::string parens = std::string(depth, '(') + "x_seconds" + std::string(depth, ')') + " > 5";
  auto facts = analyze_text(parens);
  REQUIRE(facts.comparisons.size() == 1);
  CHECK(describe(facts.comparisons[0]) == "> 5 s");

  std::string around = std::string(depth, '(') + "x > 5" + std::string(depth, ')');
  CHECK(describe(analyze_text(around)) == "> 5");

  std::string constant = "x > " + std::string(depth, '(') + "1" + std::string(depth, ')');
  CHECK(describe(analyze_text(constant)) == "> 1");

  std::string chain = "x";
  for (int i = 0; i < 20000; ++i) chain += " > 1";
  facts = analyze_text(chain);
  CHECK(facts.comparisons.size() == 20000);

  std::string negations = std::string(depth, '-') + "x_bytes > 5";
  facts = analyze_text(negations);  // an even number of signs: +x_bytes
  REQUIRE(facts.comparisons.size() == 1);
  CHECK(describe(facts.comparisons[0]) == "> 5 B");

  std::string nested_calls;
  for (int i = 0; i < 20000; ++i) nested_calls += "abs(";
  nested_calls += "x_seconds" + std::string(20000, ')') + " > 1";
  CHECK(describe(analyze_text(nested_calls)) == "> 1");  // too deep for a unit

  std::string differences = std::string(depth, '(') + "x_seconds";
  for (std::size_t i = 0; i < depth; ++i) differences += " - 1)";
  CHECK(describe(analyze_text(differences + " > 3")) == "> 3");

  std::string sums = "x";
  for (int i = 0; i < 20000; ++i) sums += " + x";
  CHECK(describe(analyze_text("abs(" + sums + ") > 2")) == "> 2");
}

TEST_CASE("analyze_expr: every alert of the corpus", "[model][expr_facts][corpus]") {
  const fs::path corpus = RBC_SHARED_DIR "/corpus";
  if (!fs::exists(corpus)) {
    std::printf("SKIPPED: corpus not found\n");
    return;
  }
  std::size_t alerts = 0, compared = 0, comparisons = 0, with_unit = 0, ranges = 0;
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".yml" && ext != ".yaml")) continue;
    rbc::Diagnostics diags;
    const auto source = rbc::load::read_file(entry.path().string(), diags);
    if (!source) continue;
    const auto kind = rbc::rules::classify(*source);
    if (kind != rbc::rules::FileKind::rule_file && kind != rbc::rules::FileKind::prometheus_rule) continue;
    const auto file = rbc::rules::load_rule_file(*source, diags);
    for (const auto& ref : rbc::rules::all_rules(file)) {
      if (ref.rule->kind != rbc::rules::RuleKind::alerting || !ref.rule->ast) continue;
      const ExprFacts facts = analyze_expr(*ref.rule->ast);
      ++alerts;
      compared += facts.comparisons.empty() ? 0 : 1;
      comparisons += facts.comparisons.size();
      ranges += facts.ranges.size();
      for (const auto& c : facts.comparisons) {
        with_unit += c.unit.empty() ? 0 : 1;
        // Offsets lie inside the expression text.
        CHECK(c.begin < c.end);
        CHECK(c.end <= ref.rule->expr.value.size());
      }
    }
  }
  std::printf("expr_facts corpus: %zu alerts, %zu with >= 1 comparison, %zu comparisons (%zu with a unit), "
              "%zu ranges\n",
              alerts, compared, comparisons, with_unit, ranges);
  CHECK(alerts > 2000);
  CHECK(compared * 10 > alerts * 8);  // most alerts compare against a constant
}
