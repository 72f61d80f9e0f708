// The pieces behind rbc fmt / --fix: durations, matcher fixes, diffs,
// layout of single expressions.
#include <catch2/catch.hpp>

#include "promql/ast.hpp"
#include "promql/parse.hpp"
#include "rewrite/ast_compare.hpp"
#include "rewrite/expr_layout.hpp"
#include "rewrite/safe_fixes.hpp"
#include "rewrite/unified_diff.hpp"

using rbc::promql::MatchOp;
using rbc::rewrite::canonical_duration;
using rbc::rewrite::fix_matcher;

namespace {

std::string layout(const std::string& expr) {
  INFO(expr);
  const auto parsed = rbc::promql::parse(expr);
  REQUIRE(parsed.expr);
  const auto l = rbc::rewrite::layout_expr(expr, *parsed.expr);
  const auto again = rbc::promql::parse(l.text);
  REQUIRE(again.expr);
  CHECK(rbc::rewrite::ast_difference(*parsed.expr, *again.expr).empty());
  return l.text;
}

}  // namespace

TEST_CASE("canonical durations are Prometheus's own spelling", "[rewrite]") {
  CHECK(canonical_duration(300000) == "5m");
  CHECK(canonical_duration(3600000) == "1h");
  CHECK(canonical_duration(90000) == "1m30s");
  CHECK(canonical_duration(86400000) == "1d");
  CHECK(canonical_duration(90000000) == "25h");
  CHECK(canonical_duration(7 * 86400000LL) == "1w");
  CHECK(canonical_duration(1500) == "1s500ms");
  CHECK(canonical_duration(0) == "0s");
}

TEST_CASE("matcher fixes keep the set of matched strings", "[rewrite]") {
  auto f = fix_matcher(MatchOp::Regex, "api");
  REQUIRE(f);
  CHECK(f->op == MatchOp::Equal);
  CHECK(f->value == "api");
  f = fix_matcher(MatchOp::NotRegex, "^prod$");
  REQUIRE(f);
  CHECK(f->op == MatchOp::NotEqual);
  CHECK(f->value == "prod");
  f = fix_matcher(MatchOp::Regex, "^a|b$");
  REQUIRE(f);
  CHECK(f->op == MatchOp::Regex);
  CHECK(f->value == "a|b");
  CHECK_FALSE(fix_matcher(MatchOp::Regex, "a.*"));
  CHECK_FALSE(fix_matcher(MatchOp::Equal, "a"));
  // An escaped dollar is a literal character, \Q quotes, flags change ^/$.
  f = fix_matcher(MatchOp::Regex, "foo\\$");
  CHECK_FALSE(f);
  CHECK_FALSE(fix_matcher(MatchOp::Regex, "\\Qa$"));
  CHECK_FALSE(fix_matcher(MatchOp::Regex, "(?m)^a$"));
  CHECK_FALSE(fix_matcher(MatchOp::Regex, "^*a"));  // a quantifier after ^ stays
  f = fix_matcher(MatchOp::Regex, "^$");
  REQUIRE(f);
  CHECK(f->op == MatchOp::Equal);
  CHECK(f->value.empty());
}

TEST_CASE("layout keeps literals as written and adds canonical spacing", "[rewrite]") {
  CHECK(layout("1000000") == "1000000");
  CHECK(layout("x  +  0x1F * 1e3") == "x + 0x1F * 1e3");
  CHECK(layout("- 1") == "-1");
  CHECK(layout("-(-1)") == "-(-1)");
  CHECK(layout("foo { a = 'b' , c !~ `d`, }") == "foo{a='b',c!~`d`}");
  CHECK(layout("foo[300s]offset -90s") == "foo[300s] offset -90s");
  CHECK(layout("foo @ start()") == "foo @ start()");
  CHECK(layout("rate(x[5m])[30m:1m]") == "rate(x[5m])[30m:1m]");
  CHECK(layout("a*ignoring()group_left(y)b") == "a * ignoring () group_left (y) b");
  CHECK(layout("a > bool on(x) b") == "a > bool on (x) b");
  CHECK(layout("1 + on() foo") == "1 + foo");
  CHECK(layout("sum(x) by (a,b)") == "sum by (a, b) (x)");
  CHECK(layout("SUM BY () (x)") == "sum(x)");
  CHECK(layout("count_values without() ('v', x)") == "count_values without () ('v', x)");
  CHECK(layout("((foo))") == "((foo))");
  CHECK(layout("- - foo") == "--foo");
}

TEST_CASE("long expressions break like Prometheus's pretty printer", "[rewrite]") {
  const std::string name(60, 'm');
  CHECK(layout("sum(rate(" + name + "{job=\"a\"}[5m])) / sum(rate(" + name + "[5m]))") ==
        "  sum(rate(" + name + "{job=\"a\"}[5m]))\n/\n  sum(rate(" + name + "[5m]))");
  CHECK(layout("topk(5, " + name + " + " + name + ")") ==
        "topk(\n  5,\n    " + name + "\n  +\n    " + name + "\n)");
  CHECK(layout("-(" + name + " + " + name + ")") == "-(\n    " + name + "\n  +\n    " + name + "\n)");
}

TEST_CASE("comments keep an expression as written", "[rewrite]") {
  CHECK(rbc::rewrite::has_comment("a # c\n + b"));
  CHECK_FALSE(rbc::rewrite::has_comment("a{b=\"#\"} + c"));
}

TEST_CASE("unified diff", "[rewrite]") {
  CHECK(rbc::rewrite::unified_diff("a\n", "a\n", "f").empty());
  CHECK(rbc::rewrite::unified_diff("a\nb\nc\n", "a\nB\nc\n", "f") ==
        "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  std::string before;
  for (int i = 1; i <= 20; ++i) before += std::to_string(i) + "\n";
  std::string after = before;
  after.replace(after.find("10\n"), 3, "ten\n");
  CHECK(rbc::rewrite::unified_diff(before, after, "f") ==
        "--- a/f\n+++ b/f\n@@ -7,7 +7,7 @@\n 7\n 8\n 9\n-10\n+ten\n 11\n 12\n 13\n");
}
