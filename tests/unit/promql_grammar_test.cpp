// Static checks of the PEGTL token grammar, and position reporting.
#include <catch2/catch.hpp>

#include <tao/pegtl/contrib/analyze.hpp>

#include "promql.hpp"
#include "promql/parse.hpp"

TEST_CASE("PromQL token grammar has no infinite loops", "[promql]") {
  namespace g = rbc::grammar::promql;
  CHECK(tao::pegtl::analyze<g::all_rules>(1) == 0);
  CHECK(tao::pegtl::analyze<g::go_decimal_float>(1) == 0);
  CHECK(tao::pegtl::analyze<g::duration_value>(1) == 0);
}

TEST_CASE("line and byte column like Prometheus", "[promql]") {
  using rbc::promql::line_col;
  CHECK(line_col("foo", 0) == "1:1");
  CHECK(line_col("foo", 3) == "1:4");
  CHECK(line_col("a\nb", 2) == "2:1");
  CHECK(line_col("a\r\nb", 3) == "2:1");
  CHECK(line_col("\xc3\xbc+", 2) == "1:3");
  const std::string expr = "foo\n+\nsum(bar) by";
  const auto r = rbc::promql::parse(expr);
  REQUIRE(r.error);
  CHECK(rbc::promql::format_error(expr, *r.error) ==
        "3:12: parse error: unexpected end of input in grouping opts, expected \"(\"");
}
