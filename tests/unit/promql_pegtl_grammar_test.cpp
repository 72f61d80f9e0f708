// Static checks of the PEGTL phrase grammar (grammar/promql_syntax.hpp) and
// the parser's nesting limit.
#include <catch2/catch.hpp>

#include <string>

#include <tao/pegtl/contrib/analyze.hpp>

#include "promql/big_stack.hpp"
#include "promql/parser.hpp"
#include "promql_syntax.hpp"

TEST_CASE("PromQL phrase grammar has no left recursion or empty loops", "[promql][pegtl]") {
  namespace gs = rbc::grammar::promql::syntax;
  CHECK(tao::pegtl::analyze<gs::query>(1) == 0);
  CHECK(tao::pegtl::analyze<gs::expr>(1) == 0);
  // The analysis sees through the token rules: a loop over a rule that can
  // succeed without input is reported.
  CHECK(tao::pegtl::analyze<tao::pegtl::star<gs::bin_modifiers>>(-1) > 0);
}

TEST_CASE("PromQL syntax phase gives up on deep nesting only when limited", "[promql][pegtl]") {
  for (const std::size_t depth : {10u, 150u, 250u, 5000u}) {
    const std::string input = std::string(depth, '(') + "x" + std::string(depth, ')');
    rbc::promql::ExprArena arena;
    const auto out = rbc::promql::detail::parse_syntax(input, arena, 200);
    CHECK(out.too_deep == (depth >= 200));
    if (!out.too_deep) CHECK(out.root);
  }
}

TEST_CASE("PromQL syntax phase handles 100,000 levels of nesting", "[promql][pegtl]") {
  const std::size_t depth = 100000;
  std::string pow = "a";
  for (std::size_t i = 0; i < depth; ++i) pow += "^a";
  std::string calls;
  for (std::size_t i = 0; i < depth; ++i) calls += "abs(";
  calls += "x" + std::string(depth, ')');
  for (const std::string& input : {std::string(depth, '(') + "1" + std::string(depth, ')'),
                                   std::string(depth, '-') + "foo", pow, calls}) {
    rbc::promql::detail::Outcome out;
    rbc::promql::ExprArena arena;
    rbc::promql::run_with_big_stack([&] { out = rbc::promql::detail::parse_syntax(input, arena); });
    CHECK_FALSE(out.error);
    CHECK(out.root);
  }
  rbc::promql::detail::Outcome out;
  rbc::promql::ExprArena arena;
  const std::string unclosed = std::string(depth, '(') + "1" + std::string(depth - 1, ')');
  rbc::promql::run_with_big_stack([&] { out = rbc::promql::detail::parse_syntax(unclosed, arena); });
  REQUIRE(out.error);
  CHECK(out.error->message == "unclosed left parenthesis");
}
