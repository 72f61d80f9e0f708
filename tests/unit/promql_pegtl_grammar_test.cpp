// Static checks of the PEGTL phrase grammar (grammar/promql_syntax.hpp).
#include <catch2/catch.hpp>

#include <tao/pegtl/contrib/analyze.hpp>

#include "promql_syntax.hpp"

TEST_CASE("PromQL phrase grammar has no left recursion or empty loops", "[promql][pegtl]") {
  namespace gs = rbc::grammar::promql::syntax;
  CHECK(tao::pegtl::analyze<gs::query>(1) == 0);
  CHECK(tao::pegtl::analyze<gs::expr>(1) == 0);
  // The analysis sees through the token rules: a loop over a rule that can
  // succeed without input is reported.
  CHECK(tao::pegtl::analyze<tao::pegtl::star<gs::bin_modifiers>>(0) > 0);
}
