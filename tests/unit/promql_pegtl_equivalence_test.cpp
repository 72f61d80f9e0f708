// Differential test: the PEGTL parser (syntax_parser.hpp) against the
// recursive-descent parser (parser.hpp) on the conformance table, every
// recorded oracle fixture, and generated plus mutated expressions. Both must
// give the same AST (every field) or the same first error.
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "oracle/promql_gen.hpp"
#include "oracle/tsv.hpp"
#include "promql/ast_json.hpp"
#include "promql/big_stack.hpp"
#include "promql/lexer.hpp"
#include "promql/parser.hpp"
#include "promql/syntax_parser.hpp"

namespace {

using rbc::promql::Expr;
using rbc::promql::ExprArena;

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

bool same_matchers(const Expr& a, const Expr& b) {
  if (a.matchers.size() != b.matchers.size()) return false;
  for (std::size_t i = 0; i < a.matchers.size(); ++i) {
    const auto& x = a.matchers[i];
    const auto& y = b.matchers[i];
    if (x.name != y.name || x.op != y.op || x.value != y.value || x.matches_empty != y.matches_empty) return false;
  }
  return true;
}

// Every field of every node, iteratively (trees may be 100,000 deep).
std::string first_difference(const Expr* a0, const Expr* b0) {
  std::vector<std::pair<const Expr*, const Expr*>> todo{{a0, b0}};
  while (!todo.empty()) {
    auto [a, b] = todo.back();
    todo.pop_back();
    if (!a || !b) {
      if (a != b) return "null child";
      continue;
    }
    const bool same = a->kind == b->kind && a->begin == b->begin && a->end == b->end &&
                      same_bits(a->number, b->number) && a->text == b->text && same_matchers(*a, *b) &&
                      a->offset_ms == b->offset_ms && a->at == b->at && a->at_ms == b->at_ms &&
                      a->range_ms == b->range_ms && a->step_ms == b->step_ms && a->func == b->func &&
                      a->args.size() == b->args.size() && a->op == b->op && a->grouping == b->grouping &&
                      a->without == b->without && a->return_bool == b->return_bool &&
                      a->has_matching == b->has_matching && a->card == b->card && a->on == b->on &&
                      a->matching_labels == b->matching_labels && a->include_labels == b->include_labels &&
                      a->vtype == b->vtype;
    if (!same) return "node at " + std::to_string(a->begin) + " differs";
    for (std::size_t i = 0; i < a->args.size(); ++i) todo.emplace_back(a->args[i], b->args[i]);
    todo.emplace_back(a->param, b->param);
    todo.emplace_back(a->expr, b->expr);
    todo.emplace_back(a->lhs, b->lhs);
    todo.emplace_back(a->rhs, b->rhs);
  }
  return "";
}

// Empty when both parsers agree, else a description of the difference.
std::string compare_parsers(const std::string& input) {
  ExprArena arena_old;
  ExprArena arena_new;
  rbc::promql::detail::Outcome old_out;
  rbc::promql::detail::Outcome new_out;
  auto run = [&] {
    old_out = rbc::promql::detail::parse_syntax(input, arena_old);
    new_out = rbc::promql::detail::parse_syntax_pegtl(input, arena_new);
  };
  if (input.size() > rbc::promql::kSmallInput) rbc::promql::run_with_big_stack(run);
  else run();
  if (old_out.error || new_out.error) {
    if (!old_out.error || !new_out.error) {
      return std::string("only the ") + (old_out.error ? "old" : "new") + " parser failed: " +
             (old_out.error ? old_out.error->message : new_out.error->message);
    }
    if (old_out.error->offset != new_out.error->offset || old_out.error->message != new_out.error->message)
      return "old error " + std::to_string(old_out.error->offset) + ": " + old_out.error->message + " | new error " +
             std::to_string(new_out.error->offset) + ": " + new_out.error->message;
    return "";
  }
  if (input.size() <= rbc::promql::kSmallInput &&
      rbc::promql::to_json(*old_out.root) != rbc::promql::to_json(*new_out.root))
    return "JSON differs";
  return first_difference(old_out.root, new_out.root);
}

struct Tally {
  std::size_t total = 0;
  std::size_t equal = 0;
  std::vector<std::string> examples;
  void add(const std::string& input) {
    ++total;
    const std::string diff = compare_parsers(input);
    if (diff.empty()) {
      ++equal;
    } else if (examples.size() < 20) {
      examples.push_back(rbc::oracle::tsv_escape(input) + "  =>  " + diff);
    }
  }
  void report(const char* what) const {
    std::cout << "pegtl equivalence (" << what << "): " << equal << "/" << total << "\n";
    for (const auto& e : examples) std::cout << "  " << e << "\n";
  }
};

// Token-level mutations: drop, repeat, swap or replace items (as lexed by
// the real lexer) so that the parsers meet many kinds of broken input.
std::string mutate(const std::string& expr, std::mt19937_64& rng, const std::vector<std::string>& pool) {
  std::vector<std::string> toks;
  rbc::promql::Lexer lex(expr);
  for (;;) {
    const rbc::promql::Token t = lex.next();
    if (t.type == rbc::promql::Tok::Eof || t.type == rbc::promql::Tok::Error) break;
    toks.emplace_back(t.text);
  }
  if (toks.empty()) return expr;
  const int n = 1 + static_cast<int>(rng() % 3);
  for (int i = 0; i < n && !toks.empty(); ++i) {
    const std::size_t at = rng() % toks.size();
    switch (rng() % 5) {
      case 0: toks.erase(toks.begin() + static_cast<std::ptrdiff_t>(at)); break;
      case 1: toks.insert(toks.begin() + static_cast<std::ptrdiff_t>(at), toks[at]); break;
      case 2: std::swap(toks[at], toks[(at + 1) % toks.size()]); break;
      case 3: toks[at] = pool[rng() % pool.size()]; break;
      default: toks.insert(toks.begin() + static_cast<std::ptrdiff_t>(at), pool[rng() % pool.size()]); break;
    }
  }
  std::string out;
  for (const auto& t : toks) out += t + (rng() % 4 == 0 ? "" : " ");
  return out;
}

// Decodes the conformance table's {{LF}} {{CR}} {{TAB}} {{xNN}} placeholders.
std::string unplaceholder(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto close = s.find("}}", i);
    if (s.compare(i, 2, "{{") != 0 || close == std::string::npos) {
      out += s[i++];
      continue;
    }
    const std::string name = s.substr(i + 2, close - i - 2);
    if (name == "LF") out += '\n';
    else if (name == "CR") out += '\r';
    else if (name == "TAB") out += '\t';
    else if (name.size() == 3 && name[0] == 'x') out += static_cast<char>(std::stoi(name.substr(1), nullptr, 16));
    else out += "{{" + name + "}}";
    i = close + 2;
  }
  return out;
}

const std::vector<std::string> kPool = {
    "(", ")", "{", "}", "[", "]", ",", ":", "=", "!=", "=~", "!~", "==", "<", "<=", ">", ">=", "+", "-", "*",
    "/", "%", "^", "@", "and", "or", "unless", "atan2", "bool", "on", "ignoring", "group_left", "group_right",
    "by", "without", "offset", "start", "end", "start()", "sum", "topk", "count_values", "quantile", "rate",
    "foo", "a:b", "1", "1.5", "0x1f", "1e3", "Inf", "NaN", "5m", "1h30m", "0s", "\"x\"", "'a.*'", "`(`", "#c\n",
    "time()", "vector(1)", "label_replace", "absent", "[5m]", "[5m:]", "[1h:5m]", "offset 1m", "@ 100"};

}  // namespace

TEST_CASE("PEGTL parser equals the recursive-descent parser on recorded inputs", "[promql][pegtl]") {
  Tally tally;
  std::ifstream conf(std::string(RBC_TEST_DATA) + "/promql/conformance.tsv", std::ios::binary);
  REQUIRE(conf);
  for (std::string line; std::getline(conf, line);) {
    // Conformance cases use {{LF}}-style placeholders; parse both forms.
    tally.add(line.substr(0, line.find('\t')));
    tally.add(unplaceholder(line.substr(0, line.find('\t'))));
  }
  for (const auto& entry : std::filesystem::directory_iterator(std::string(RBC_TEST_DATA) + "/oracle")) {
    if (entry.path().extension() != ".tsv") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    for (std::string line; std::getline(in, line);)
      for (const auto& field : rbc::oracle::tsv_fields(line)) tally.add(rbc::oracle::tsv_unescape(field));
  }
  std::ifstream cases(std::string(RBC_TEST_DATA) + "/promql/cases.txt", std::ios::binary);
  for (std::string line; std::getline(cases, line);)
    if (line.rfind("##", 0) != 0) tally.add(unplaceholder(line));
  tally.report("recorded");
  CHECK(tally.total > 7000);
  CHECK(tally.equal == tally.total);
}

TEST_CASE("PEGTL parser equals the recursive-descent parser on generated inputs", "[promql][pegtl]") {
  Tally tally;
  std::mt19937_64 rng(20260423);
  constexpr std::size_t kCount = 100000;
  for (std::size_t i = 0; i < kCount; ++i) {
    const std::string expr = rbc::oracle::generate_expression(7, i, rbc::oracle::GenMode::mixed);
    tally.add(expr);
    tally.add(mutate(expr, rng, kPool));
  }
  tally.report("generated");
  CHECK(tally.total == 2 * kCount);
  CHECK(tally.equal == tally.total);
}

TEST_CASE("PEGTL parser equals the recursive-descent parser on deep nesting", "[promql][pegtl]") {
  Tally tally;
  for (const std::size_t depth : {1000u, 100000u}) {
    tally.add(std::string(depth, '(') + "1" + std::string(depth, ')'));
    tally.add(std::string(depth, '(') + "1" + std::string(depth - 1, ')'));
    tally.add(std::string(depth, '-') + "foo");
    std::string pow = "a";
    for (std::size_t i = 0; i < depth; ++i) pow += "^a";
    tally.add(pow);
    std::string calls;
    for (std::size_t i = 0; i < depth; ++i) calls += "abs(";
    tally.add(calls + "x" + std::string(depth, ')'));
  }
  tally.report("deep");
  CHECK(tally.equal == tally.total);
}

TEST_CASE("PEGTL parser gives up on deep nesting only when limited", "[promql][pegtl]") {
  for (const std::size_t depth : {10u, 150u, 250u, 5000u}) {
    const std::string input = std::string(depth, '(') + "x" + std::string(depth, ')');
    ExprArena arena;
    const auto out = rbc::promql::detail::parse_syntax_pegtl(input, arena, 200);
    CHECK(out.too_deep == (depth >= 200));
    if (!out.too_deep) CHECK(out.root);
  }
}
