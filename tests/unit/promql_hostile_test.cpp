// Hostile input: deep nesting, huge input, bytes that are not UTF-8, NULs.
// Expected verdicts follow Prometheus 2.42 (promtool accepts 100,000 nested
// parentheses; invalid UTF-8 cannot be fed to promtool via YAML, so those
// expectations come from the lexer rules in promql-facts.md 1.1/1.6).
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "promql/ast.hpp"
#include "promql/ast_json.hpp"
#include "promql/parse.hpp"
#include "promql/printer.hpp"

using rbc::promql::format_error;
using rbc::promql::parse;

namespace {

std::string error_of(const std::string& expr) {
  const auto r = parse(expr);
  return r.error ? format_error(expr, *r.error) : "OK";
}

}  // namespace

TEST_CASE("100,000 nested parentheses parse, check and print", "[promql]") {
  const std::size_t n = 100000;
  const std::string expr = std::string(n, '(') + "up" + std::string(n, ')');
  const auto start = std::chrono::steady_clock::now();
  const auto r = parse(expr);
  REQUIRE_FALSE(r.error);
  CHECK(r.expr->kind == rbc::promql::Kind::Paren);
  CHECK(rbc::promql::to_string(*r.expr) == expr);
  CHECK(rbc::promql::to_json(*r.expr).size() > n);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 10.0);
}

TEST_CASE("deep nesting of every recursive construct", "[promql]") {
  const std::size_t n = 50000;
  CHECK(error_of(std::string(n, '-') + "1") == "OK");
  CHECK(error_of(std::string(n, '(') + "1" + std::string(n - 1, ')')) ==
        "1:" + std::to_string(2 * n + 1) + ": parse error: unclosed left parenthesis");
  std::string pow;
  for (std::size_t i = 0; i < n; ++i) pow += "2^";
  CHECK(error_of(pow + "2") == "OK");
  std::string sums;
  for (std::size_t i = 0; i < 20000; ++i) sums += "sum(";
  CHECK(error_of(sums + "x" + std::string(20000, ')')) == "OK");
  std::string neg;
  for (std::size_t i = 0; i < n; ++i) neg += "-(";
  CHECK(error_of(neg + "x[5m]" + std::string(n, ')')) ==
        "1:" + std::to_string(2 * n - 1) +
            ": parse error: unary expression only allowed on expressions of type scalar or instant vector, got "
            "\"range vector\"");
}

TEST_CASE("a 10 MB expression", "[promql]") {
  std::string expr;
  while (expr.size() < 10'000'000) expr += "foo{a=\"b\"} + ";
  expr += "1";
  const auto r = parse(expr);
  REQUIRE_FALSE(r.error);
  CHECK(rbc::promql::to_string(*r.expr).size() > 9'000'000);
  expr.pop_back();
  CHECK(error_of(expr) == "1:" + std::to_string(expr.size() + 1) + ": parse error: unexpected end of input");
}

TEST_CASE("bytes that are not valid UTF-8", "[promql]") {
  CHECK(error_of("foo\xc3") == "1:4: parse error: unexpected character: '\xef\xbf\xbd'");
  CHECK(error_of("\xff") == "1:1: parse error: unexpected character: '\xef\xbf\xbd'");
  CHECK(error_of("\"bad \xff\"") == "1:1: parse error: invalid UTF-8 rune");
  CHECK(error_of("`raw \xff`") == "1:1: parse error: invalid UTF-8 rune");
  CHECK(error_of("foo{a=\"\xfe\"}") == "1:7: parse error: invalid UTF-8 rune");
  // Go reports a correctly encoded U+FFFD inside a string the same way.
  CHECK(error_of("\"\xef\xbf\xbd\"") == "1:1: parse error: invalid UTF-8 rune");
  CHECK(error_of("# comment \xff\nfoo") == "OK");
  CHECK(error_of("foo # \xff") == "OK");
}

TEST_CASE("NUL bytes and other control characters", "[promql]") {
  CHECK(error_of(std::string("foo\0bar", 7)) == "1:4: parse error: unexpected character: '\\x00'");
  CHECK(error_of(std::string("\"a\0b\"", 5)) == "OK");
  CHECK(error_of(std::string("\0", 1)) == "1:1: parse error: unexpected character: '\\x00'");
  CHECK(error_of("foo\x7f") == "1:4: parse error: unexpected character: '\\x7f'");
  CHECK(error_of("foo{\x01}") == "1:5: parse error: unexpected character inside braces: '\\x01'");
}

TEST_CASE("empty and blank input", "[promql]") {
  CHECK(error_of("") == "1:1: parse error: no expression found in input");
  CHECK(error_of("   \n\t ") == "1:1: parse error: no expression found in input");
  CHECK(error_of("# only\n# comments") == "1:1: parse error: no expression found in input");
}

TEST_CASE("short but deeply nested input moves to the big stack", "[promql]") {
  // Under 1 KiB, so parsing starts on the caller's stack, but nested deeper
  // than the inline limit: the parse must be redone on a big stack.
  CHECK(error_of(std::string(900, '-') + "1") == "OK");
  CHECK(error_of(std::string(450, '(') + "x" + std::string(450, ')')) == "OK");
  CHECK(error_of(std::string(450, '(') + "x" + std::string(449, ')')) ==
        "1:901: parse error: unclosed left parenthesis");
  std::string pow;
  for (int i = 0; i < 400; ++i) pow += "2^";
  CHECK(error_of(pow + "2") == "OK");
  CHECK(error_of(pow + "\"a\"") == "1:801: parse error: binary expression must contain only scalar and instant vector types");
}
