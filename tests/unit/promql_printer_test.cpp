// Printer details (Go %v floats, durations, @ and offset placement) and the
// JSON dump. Expected strings were read back from a Prometheus 2.42 server.
#include <catch2/catch.hpp>

#include <string>

#include "gotext/quote.hpp"
#include "promql/ast_json.hpp"
#include "promql/go_format.hpp"
#include "promql/parse.hpp"
#include "promql/printer.hpp"

namespace {

std::string printed(const std::string& expr) {
  const auto r = rbc::promql::parse(expr);
  if (r.error) return "error: " + rbc::promql::format_error(expr, *r.error);
  return rbc::promql::to_string(*r.expr);
}

}  // namespace

TEST_CASE("numbers print like Go %v", "[promql]") {
  CHECK(printed("1000000") == "1e+06");
  CHECK(printed("1234567") == "1.234567e+06");
  CHECK(printed("123456") == "123456");
  CHECK(printed("123456.7") == "123456.7");
  CHECK(printed("0.0001") == "0.0001");
  CHECK(printed("0.00001") == "1e-05");
  CHECK(printed("1.5e-7") == "1.5e-07");
  CHECK(printed("1e300") == "1e+300");
  CHECK(printed("0x1F") == "31");
  CHECK(printed("0755") == "493");
  CHECK(printed("08") == "8");
  CHECK(printed("- -1") == "1");
  CHECK(printed("-0.0") == "-0");
  CHECK(printed("-nan") == "NaN");
  CHECK(printed("+Inf") == "+Inf");
  CHECK(printed("-Inf") == "-Inf");
  CHECK(printed("1e-400") == "0");
  CHECK(printed("0.1") == "0.1");
  CHECK(printed("100000") == "100000");
}

TEST_CASE("durations, offsets and @ print like Prometheus", "[promql]") {
  CHECK(printed("foo[300s]") == "foo[5m]");
  CHECK(printed("foo[90m]") == "foo[1h30m]");
  CHECK(printed("foo[7d]") == "foo[1w]");
  CHECK(printed("foo[14d]") == "foo[2w]");
  CHECK(printed("foo[365d]") == "foo[1y]");
  CHECK(printed("foo[366d]") == "foo[366d]");
  CHECK(printed("foo[52w]") == "foo[52w]");
  CHECK(printed("foo[1500ms]") == "foo[1s500ms]");
  CHECK(printed("foo offset -90s") == "foo offset -1m30s");
  CHECK(printed("foo[5m] offset 5m @ 10") == "foo[5m] @ 10.000 offset 5m");
  CHECK(printed("foo @ 1.2345") == "foo @ 1.235");
  CHECK(printed("foo @ -1") == "foo @ -1.000");
  CHECK(printed("foo @ END()") == "foo @ end()");
  CHECK(printed("foo @ start() [5m]") == "foo[5m] @ start()");
  CHECK(printed("foo[5m:1m] offset 1m @ 10") == "foo[5m:1m] @ 10.000 offset 1m");
  CHECK(printed("foo @ 100 offset 1m [5m:1m] @ 200 offset 2m") ==
        "foo @ 100.000 offset 1m[5m:1m] @ 200.000 offset 2m");
}

TEST_CASE("selectors, grouping and matching print like Prometheus", "[promql]") {
  CHECK(printed("foo{b=\"1\", a!=\"2\", c=~\"x\"}") == "foo{a!=\"2\",b=\"1\",c=~\"x\"}");
  CHECK(printed("foo{a=~\"a|b\",a!=\"e\",a=\"d\",a!~\"c\"}") == "foo{a!=\"e\",a!~\"c\",a=\"d\",a=~\"a|b\"}");
  CHECK(printed("foo{}") == "foo");
  CHECK(printed("{a=\"b\", __name__=\"c\"}") == "{__name__=\"c\",a=\"b\"}");
  CHECK(printed("sum(foo) by (a,b)") == "sum by (a, b) (foo)");
  CHECK(printed("sum by () (foo)") == "sum(foo)");
  CHECK(printed("sum without () (foo)") == "sum without () (foo)");
  CHECK(printed("SUM BY (A) (foo)") == "sum by (A) (foo)");
  CHECK(printed("a+on()b") == "a + on () b");
  CHECK(printed("a+on(x)group_left b") == "a + on (x) group_left () b");
  CHECK(printed("a+ignoring()group_left(y)b") == "a + b");
  CHECK(printed("1 + on() foo") == "1 + foo");
  CHECK(printed("a AND b") == "a and b");
  CHECK(printed("- - foo") == "--foo");
  CHECK(printed("-1^2") == "-1 ^ 2");
  CHECK(printed("'\\''") == "\"'\"");
  CHECK(printed("`\\d+`") == "\"\\\\d+\"");
  CHECK(printed("\"\\u00e9\\t\\x01\"") == "\"\xc3\xa9\\t\\x01\"");
  CHECK(printed("\"\\xff\"") == "\"\\xff\"");
}

TEST_CASE("go formatting helpers", "[promql]") {
  using namespace rbc::gotext;
  using rbc::promql::go::format_duration_ms;
  CHECK(quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(quote_prefix("\"0123456789abc\"", 10) == "\"\\\"012345678\"");
  CHECK(quote_rune('\'') == "'\\''");
  CHECK(quote_rune(0xA0) == "'\\u00a0'");
  CHECK(quote_rune(0xFEFF) == "'\\ufeff'");
  CHECK(quote_rune(-1) == "'\xef\xbf\xbd'");
  CHECK(unicode_rune('d') == "U+0064 'd'");
  CHECK(unicode_rune('\n') == "U+000A");
  CHECK(format_duration_ms(0) == "0s");
  CHECK(format_duration_ms(1000LL * 60 * 60 * 24 * 365 + 1) == "365d1ms");
}

TEST_CASE("JSON dump of the AST", "[promql]") {
  const auto r = rbc::promql::parse("sum by (job) (rate(x{a=~\"b.*\"}[5m])) > bool 1");
  REQUIRE(r.expr);
  const std::string json = rbc::promql::to_json(*r.expr);
  CHECK(json.rfind("{\"kind\":\"Binary\",\"begin\":0,\"end\":45,\"type\":\"vector\",\"op\":\">\",\"bool\":true", 0) ==
        0);
  CHECK(json.find("\"kind\":\"Aggregate\"") != std::string::npos);
  CHECK(json.find("\"grouping\":[\"job\"]") != std::string::npos);
  CHECK(json.find("{\"name\":\"a\",\"op\":\"=~\",\"value\":\"b.*\"}") != std::string::npos);
  CHECK(json.find("\"range\":\"5m\"") != std::string::npos);
  CHECK(rbc::promql::to_json(*r.expr) == json);  // deterministic
}
