// Internals of the PromQL generator (promql_gen.hpp), shared by its .cpp files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rbc::oracle::detail {

// splitmix64: tiny, fast, and its output is fully specified (unlike the
// standard distributions), so a seed means the same thing everywhere.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
  template <class T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[below(N)];
  }
  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

 private:
  std::uint64_t state_;
};

enum class Ty { vector, matrix, scalar, string };

// Binding strength of a fragment's outermost construct; lower binds tighter.
// A parent wraps a child in parentheses when the child binds too loosely.
enum Level : int { kAtom = 0, kPow = 1, kUnary = 2, kMul = 3, kAdd = 4, kCmp = 5, kAnd = 6, kOr = 7 };

// What postfix modifiers (offset, @, [..]) may legally follow a fragment.
enum class Kind { selector, range, subquery, other };

struct Frag {
  std::vector<std::string> toks;
  int level = kAtom;
  Kind kind = Kind::other;
  bool has_offset = false;
  bool has_at = false;
};

class Gen {
 public:
  Gen(std::uint64_t seed, bool valid);
  std::string generate();

  // gen_literals.cpp
  std::string number();
  std::string bad_number();
  std::string duration();
  std::string bad_duration();
  std::string string_lit();
  std::string bad_string();
  std::string quote(std::string_view value);
  std::string metric_name();
  std::string bad_metric_name();
  std::string label_name();
  std::string grouping_label();
  std::string bad_grouping_label();
  std::string regex_lit(bool must_not_match_empty);
  std::string bad_regex_lit();
  std::string keyword_case(std::string_view word);

  // gen_exprs.cpp
  Frag expr(Ty type, int depth);
  Frag vector_expr(int depth);
  Frag scalar_expr(int depth);
  Frag matrix_expr(int depth);
  Frag string_expr();
  Frag selector(bool with_modifiers = true);
  Frag matchers(bool has_name);
  void modifiers(Frag& f);
  Frag range_selector();
  Frag subquery(int depth);
  Frag unary_expr(Ty type, int depth);

  // gen_binary.cpp
  Frag vector_binary(int depth);
  Frag scalar_binary(int depth);
  Frag aggregation(int depth);
  std::vector<std::string> label_list(std::vector<std::string>* chosen);

  // gen_functions.cpp
  Frag function_call(Ty result, int depth);

  // gen_mutate.cpp
  void mutate_tokens(std::vector<std::string>& toks);
  std::string soup();
  std::string join(const std::vector<std::string>& toks);

  // Returns true (at most `faults_left_` times) when the caller should take
  // the wrong branch at this decision point; never in valid mode.
  bool fault(int percent);
  Frag wrap(Frag f, int max_level);
  static Frag paren(Frag f);
  static void append(Frag& dst, const Frag& src);

  Rng rng_;
  bool valid_;
  int faults_left_;
  std::size_t token_budget_ = 0;  // grows with output; stops deep recursion
};

Frag leaf(std::string text, int level = kAtom, Kind kind = Kind::other);

}  // namespace rbc::oracle::detail
