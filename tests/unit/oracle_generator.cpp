// The PromQL generator itself: deterministic, and covering the language.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "../oracle/promql_gen.hpp"
#include "../oracle/promtool_runner.hpp"
#include "../oracle/shrink.hpp"
#include "../oracle/tsv.hpp"

using rbc::oracle::GenMode;

namespace {

// Deepest parenthesis nesting outside strings and comments (approximation:
// quotes are tracked, escapes are skipped).
int paren_depth(const std::string& e) {
  int depth = 0;
  int best = 0;
  char quote = 0;
  for (std::size_t i = 0; i < e.size(); ++i) {
    const char c = e[i];
    if (quote != 0) {
      if (c == '\\' && quote != '`') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'' || c == '`') {
      quote = c;
    } else if (c == '#') {
      while (i < e.size() && e[i] != '\n') ++i;
    } else if (c == '(') {
      best = std::max(best, ++depth);
    } else if (c == ')') {
      --depth;
    }
  }
  return best;
}

}  // namespace

TEST_CASE("generator is deterministic per seed and index", "[oracle][generator]") {
  const auto a = rbc::oracle::generate_batch(42, 300, GenMode::mixed);
  const auto b = rbc::oracle::generate_batch(42, 300, GenMode::mixed);
  CHECK(a == b);
  CHECK(rbc::oracle::generate_expression(42, 123, GenMode::mixed) == a[123]);
  const auto c = rbc::oracle::generate_batch(43, 300, GenMode::mixed);
  CHECK(a != c);
  for (const auto& e : a) CHECK_FALSE(e.empty());  // promtool refuses an empty expr
}

TEST_CASE("generated valid expressions cover the 2.42 language", "[oracle][generator]") {
  const auto exprs = rbc::oracle::generate_batch(1, 4000, GenMode::valid);
  std::string all;
  int deepest = 0;
  for (const auto& e : exprs) {
    all += e;
    all += '\x1f';
    deepest = std::max(deepest, paren_depth(e));
  }
  CHECK(deepest >= 5);
  const char* const needles[] = {
      // literals
      "0x", "0X", "e-", "Inf", "NaN", "`", "'", "\"", "\\x", "\\u", "\\U", "\\n",
      // selectors and modifiers
      "=~", "!~", "!=", "{", "__name__", "offset -", "OFFSET", "@ ", "start", "end", "[", ":",
      // operators and modifiers
      "^", "atan2", "%", "unless", " or ", "bool", "ignoring", "group_left", "group_right", "on(",
      // aggregations
      "count_values", "quantile", "topk", "bottomk", "stdvar", "without", "by",
      // functions (a sample; the table is checked below)
      "holt_winters(", "label_join(", "label_replace(", "histogram_fraction(", "quantile_over_time(",
      "predict_linear(", "absent_over_time(", "days_in_month(",
      // layout
      "#", "\n", "\t"};
  for (const char* n : needles) {
    INFO("looking for " << n);
    CHECK(all.find(n) != std::string::npos);
  }
  // every v2.42 function is called somewhere
  const char* const functions[] = {
      "abs", "absent", "absent_over_time", "acos", "acosh", "asin", "asinh", "atan", "atanh", "avg_over_time",
      "ceil", "changes", "clamp", "clamp_max", "clamp_min", "cos", "cosh", "count_over_time", "day_of_month",
      "day_of_week", "day_of_year", "days_in_month", "deg", "delta", "deriv", "exp", "floor", "histogram_count",
      "histogram_fraction", "histogram_quantile", "histogram_sum", "holt_winters", "hour", "idelta", "increase",
      "irate", "label_join", "label_replace", "last_over_time", "ln", "log10", "log2", "max_over_time",
      "min_over_time", "minute", "month", "pi", "predict_linear", "present_over_time", "quantile_over_time", "rad",
      "rate", "resets", "round", "scalar", "sgn", "sin", "sinh", "sort", "sort_desc", "sqrt", "stddev_over_time",
      "stdvar_over_time", "sum_over_time", "tan", "tanh", "time", "timestamp", "vector", "year"};
  for (const char* fn : functions) {
    INFO("function " << fn);
    CHECK((all.find(std::string(fn) + "(") != std::string::npos || all.find(std::string(fn) + " (") != std::string::npos));
  }
  // composite durations such as 1h30m or 5m1s2ms
  bool composite = false;
  for (const auto& e : exprs) {
    for (std::size_t i = 1; i + 2 < e.size() && !composite; ++i) {
      composite = std::isdigit(static_cast<unsigned char>(e[i - 1])) && std::string("hdw").find(e[i]) != std::string::npos &&
                  std::isdigit(static_cast<unsigned char>(e[i + 1]));
    }
  }
  CHECK(composite);
}

TEST_CASE("oracle TSV escaping round-trips any bytes", "[oracle][generator]") {
  const std::string raw = std::string("a\tb\nc\r\\d\x01\x7f é") + '\0' + "\\x41";
  CHECK(rbc::oracle::tsv_unescape(rbc::oracle::tsv_escape(raw)) == raw);
  CHECK(rbc::oracle::tsv_escape(raw).find('\t') == std::string::npos);
  for (const auto& e : rbc::oracle::generate_batch(5, 500, GenMode::invalid)) {
    CHECK(rbc::oracle::tsv_unescape(rbc::oracle::tsv_escape(e)) == e);
  }
}

TEST_CASE("promtool output is mapped back to rules, multi-line messages included", "[oracle][generator]") {
  const std::string out =
      "Checking /t/r.yml\n  FAILED:\n"
      "/t/r.yml: 5:11: group \"g\", rule 1, \"r0\": could not parse expression: 1:10: parse error: unclosed left "
      "parenthesis\n"
      "/t/r.yml: 9:11: group \"g\", rule 3, \"r2\": could not parse expression: 1:5: parse error: error parsing "
      "regexp: missing closing ): `^(?:(\n)$`\n\n";
  const auto v = rbc::oracle::parse_promtool_output(out, "/t/r.yml", 3);
  REQUIRE(v.size() == 3);
  CHECK_FALSE(v[0].accepted);
  CHECK(v[0].message == "1:10: parse error: unclosed left parenthesis");
  CHECK(v[1].accepted);
  CHECK(v[2].message == "1:5: parse error: error parsing regexp: missing closing ): `^(?:(\n)$`");
  CHECK_THROWS(rbc::oracle::parse_promtool_output("/t/r.yml: yaml: line 3: bad\n", "/t/r.yml", 3));
  CHECK(rbc::oracle::yaml_quote("a\"b\\c\n\té\xEF\xBB\xBF") == "\"a\\\"b\\\\c\\x0a\\x09\\u00e9\\ufeff\"");
}

TEST_CASE("shrink keeps the failure and drops everything else", "[oracle][generator]") {
  std::size_t batches = 0;
  const auto contains_bug = [&](const std::vector<std::string>& cands) {
    ++batches;
    std::vector<bool> keep;
    for (const auto& c : cands) keep.push_back(c.find("b(u)g") != std::string::npos);
    return keep;
  };
  CHECK(rbc::oracle::shrink("sum by (a) (rate(b(u)g[5m])) + é 1", contains_bug) == "b(u)g");
  CHECK(batches <= 30);
  // never breaks UTF-8 and never returns blank input
  const auto any = [](const std::vector<std::string>& cands) { return std::vector<bool>(cands.size(), true); };
  const std::string small = rbc::oracle::shrink("éé ☺", any);
  CHECK_FALSE(small.empty());
  CHECK((small == "é" || small == "☺"));
}
