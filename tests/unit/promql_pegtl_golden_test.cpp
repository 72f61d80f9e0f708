// The PromQL parser against recorded syntax outcomes: for generated and
// token-mutated expressions, the exact AST (as a hash of its JSON, which
// holds every node's kind, offsets, type and fields) or the exact first
// error. The file was recorded from the recursive-descent parser that the
// PEGTL grammar replaced (both agreed on 200,000 such inputs), so any change
// of phrase structure, offsets or error timing shows up here.
//
// Re-record (only after checking the change against promtool):
//   rbc_tests "[.record]"
#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "oracle/promql_gen.hpp"
#include "oracle/tsv.hpp"
#include "promql/ast_json.hpp"
#include "promql/lexer.hpp"
#include "promql/parser.hpp"

namespace {

const std::string kGolden = std::string(RBC_TEST_DATA) + "/promql/syntax_golden.tsv";

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

std::string outcome(const std::string& input) {
  rbc::promql::ExprArena arena;
  const auto out = rbc::promql::detail::parse_syntax(input, arena);
  if (out.error) return "error " + std::to_string(out.error->offset) + " " + out.error->message;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a(rbc::promql::to_json(*out.root))));
  return std::string("ast ") + hex;
}

// Drops, repeats, swaps or replaces lexer items.
std::string mutate(const std::string& expr, std::mt19937_64& rng) {
  static const std::vector<std::string> pool = {
      "(", ")", "{", "}", "[", "]", ",", ":", "=", "!=", "=~", "==", "<", "+", "-", "*", "^", "@", "and",
      "or", "bool", "on", "ignoring", "group_left", "by", "without", "offset", "start", "end", "sum", "topk",
      "rate", "foo", "a:b", "1", "0x1f", "Inf", "5m", "0s", "\"x\"", "`(`", "#c\n", "[5m:]", "@ 100"};
  std::vector<std::string> toks;
  rbc::promql::Lexer lex(expr);
  for (;;) {
    const rbc::promql::Token t = lex.next();
    if (t.type == rbc::promql::Tok::Eof || t.type == rbc::promql::Tok::Error) break;
    toks.emplace_back(t.text);
  }
  if (toks.empty()) return expr;
  const std::size_t at = rng() % toks.size();
  switch (rng() % 4) {
    case 0: toks.erase(toks.begin() + static_cast<std::ptrdiff_t>(at)); break;
    case 1: toks.insert(toks.begin() + static_cast<std::ptrdiff_t>(at), toks[at]); break;
    case 2: std::swap(toks[at], toks[(at + 1) % toks.size()]); break;
    default: toks[at] = pool[rng() % pool.size()]; break;
  }
  std::string out;
  for (const auto& t : toks) out += t + " ";
  return out;
}

std::vector<std::string> inputs() {
  std::vector<std::string> all;
  std::mt19937_64 rng(4242);
  for (std::size_t i = 0; i < 2500; ++i) {
    const std::string e = rbc::oracle::generate_expression(11, i, rbc::oracle::GenMode::mixed);
    if (e.size() > 400) continue;  // keeps the file small
    all.push_back(e);
    all.push_back(mutate(e, rng));
  }
  return all;
}

}  // namespace

TEST_CASE("record PromQL syntax outcomes", "[.record]") {
  std::ofstream out(kGolden, std::ios::binary);
  for (const std::string& e : inputs()) out << rbc::oracle::tsv_escape(e) << '\t' << rbc::oracle::tsv_escape(outcome(e)) << '\n';
}

TEST_CASE("PromQL syntax outcomes match the recorded ones", "[promql][pegtl]") {
  std::ifstream in(kGolden, std::ios::binary);
  REQUIRE(in);
  std::size_t total = 0;
  std::size_t errors = 0;
  for (std::string line; std::getline(in, line);) {
    const auto fields = rbc::oracle::tsv_fields(line);
    REQUIRE(fields.size() == 2);
    const std::string expr = rbc::oracle::tsv_unescape(fields[0]);
    INFO("expression: " << fields[0]);
    CHECK(outcome(expr) == rbc::oracle::tsv_unescape(fields[1]));
    ++total;
    errors += fields[1].rfind("error", 0) == 0;
  }
  CHECK(total > 4000);
  // Both outcomes must be well represented.
  CHECK(errors > total / 5);
  CHECK(total - errors > total / 5);
}
