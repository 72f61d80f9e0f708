// Binary operators (precedence, associativity, bool, vector matching) and
// aggregations (parameters, by/without before or after the arguments).
#include <algorithm>
#include <cctype>
#include <utility>

#include "gen_core.hpp"

namespace rbc::oracle::detail {
namespace {

struct Op {
  const char* text;
  int level;
  bool comparison;
  bool set;
};

const Op kOps[] = {
    {"^", kPow, false, false},    {"*", kMul, false, false},    {"/", kMul, false, false},
    {"%", kMul, false, false},    {"atan2", kMul, false, false}, {"+", kAdd, false, false},
    {"-", kAdd, false, false},    {"==", kCmp, true, false},    {"!=", kCmp, true, false},
    {"<", kCmp, true, false},     {"<=", kCmp, true, false},    {">", kCmp, true, false},
    {">=", kCmp, true, false},    {"and", kAnd, false, true},  {"unless", kAnd, false, true},
    {"or", kOr, false, true},
};

struct Aggr {
  const char* name;
  Ty param;  // Ty::vector means "no parameter"
};

const Aggr kAggrs[] = {
    {"sum", Ty::vector},      {"avg", Ty::vector},     {"count", Ty::vector},
    {"min", Ty::vector},      {"max", Ty::vector},     {"group", Ty::vector},
    {"stddev", Ty::vector},   {"stdvar", Ty::vector},  {"topk", Ty::scalar},
    {"bottomk", Ty::scalar},  {"quantile", Ty::scalar}, {"count_values", Ty::string},
};

}  // namespace

std::vector<std::string> Gen::label_list(std::vector<std::string>* chosen) {
  std::vector<std::string> toks{"("};
  const std::size_t count = rng_.below(4);
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) toks.push_back(",");
    std::string label = fault(4) ? bad_grouping_label() : grouping_label();
    if (chosen != nullptr) {
      chosen->push_back(label);
    }
    toks.push_back(std::move(label));
  }
  if (fault(3)) toks.push_back(",");  // a lone or doubled comma
  if (count > 0 && rng_.chance(10)) toks.push_back(",");
  if (!fault(2)) toks.push_back(")");
  return toks;
}

// Binds `op` between two operands, adding the parentheses the intended tree needs.
static Frag binary_of(Gen& g, Frag lhs, const Op& op, std::vector<std::string> mods, Frag rhs) {
  const bool right_assoc = op.level == kPow;
  lhs = g.wrap(std::move(lhs), right_assoc ? op.level - 1 : op.level);
  rhs = g.wrap(std::move(rhs), right_assoc ? kUnary : op.level - 1);
  Frag out = lhs;
  std::string text = op.text;
  if (std::isalpha(static_cast<unsigned char>(text[0]))) text = g.keyword_case(text);
  out.toks.push_back(text);
  out.toks.insert(out.toks.end(), mods.begin(), mods.end());
  // A bare group modifier would swallow a parenthesised right operand as its label list.
  std::string last = mods.empty() ? "" : mods.back();
  for (char& c : last) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if ((last == "group_left" || last == "group_right") && rhs.toks.front() == "(" && !g.fault(10)) {
    out.toks.insert(out.toks.end(), {"(", ")"});
  }
  Gen::append(out, rhs);
  out.level = op.level;
  out.kind = Kind::other;
  return out;
}

Frag Gen::vector_binary(int depth) {
  const Op& op = rng_.pick(kOps);
  Ty lt = Ty::vector;
  Ty rt = Ty::vector;
  if (!op.set && rng_.chance(35)) (rng_.chance(50) ? lt : rt) = Ty::scalar;
  if (op.set && fault(10)) (rng_.chance(50) ? lt : rt) = Ty::scalar;
  Frag lhs = expr(lt, depth);
  Frag rhs = expr(rt, depth);
  std::vector<std::string> mods;
  if (op.comparison ? rng_.chance(40) : fault(4)) mods.push_back(keyword_case("bool"));
  const bool both_vectors = lt == Ty::vector && rt == Ty::vector;
  const bool matching = rng_.chance(both_vectors ? 40 : 5);
  const bool bad_matching = !both_vectors && !matching && fault(10);  // "vector matching only allowed..."
  if (matching || bad_matching) {
    const bool on = rng_.chance(55);
    mods.push_back(keyword_case(on ? "on" : "ignoring"));
    std::vector<std::string> matched;
    if (both_vectors || bad_matching) {
      for (auto& t : label_list(&matched)) mods.push_back(std::move(t));
    } else {
      mods.insert(mods.end(), {"(", ")"});  // `1 + on() foo` is accepted
    }
    if (op.set ? fault(8) : rng_.chance(35)) {
      mods.push_back(keyword_case(rng_.chance(50) ? "group_left" : "group_right"));
      std::vector<std::string> extra;
      std::vector<std::string> list = label_list(&extra);
      const bool overlap = std::any_of(extra.begin(), extra.end(), [&](const std::string& l) {
        return std::find(matched.begin(), matched.end(), l) != matched.end();
      });
      if (on && overlap && !fault(100)) list = {"(", ")"};  // on(a) group_left(a) is rejected
      if (rng_.chance(70)) mods.insert(mods.end(), list.begin(), list.end());
    }
  }
  if (mods.size() > 1 && fault(3)) std::swap(mods.front(), mods.back());  // modifiers out of order
  return binary_of(*this, std::move(lhs), op, std::move(mods), std::move(rhs));
}

Frag Gen::scalar_binary(int depth) {
  const Op* op = &rng_.pick(kOps);
  while (op->set && !fault(10)) op = &rng_.pick(kOps);
  Frag lhs = expr(Ty::scalar, depth);
  Frag rhs = expr(Ty::scalar, depth);
  std::vector<std::string> mods;
  // Comparisons between scalars need bool; arithmetic must not have it.
  if (op->comparison != fault(12)) mods.push_back(keyword_case("bool"));
  if (fault(3)) mods.insert(mods.end(), {keyword_case("on"), "(", ")"});
  // A wrapped scalar operand would be atom-level; keep it honest for `^`.
  return binary_of(*this, std::move(lhs), *op, std::move(mods), std::move(rhs));
}

Frag Gen::aggregation(int depth) {
  const Aggr& aggr = rng_.pick(kAggrs);
  Frag f = leaf(keyword_case(aggr.name));
  std::vector<std::string> grouping;
  if (rng_.chance(60)) {
    grouping.push_back(keyword_case(rng_.chance(60) ? "by" : "without"));
    if (fault(5)) {
      static const char* const junk[] = {"a", "(a", "", "by"};
      const std::string j = rng_.pick(junk);
      if (!j.empty()) grouping.push_back(j);
    } else {
      for (auto& t : label_list(nullptr)) grouping.push_back(std::move(t));
    }
  }
  const bool before = rng_.chance(50);
  if (before) f.toks.insert(f.toks.end(), grouping.begin(), grouping.end());
  f.toks.push_back("(");
  std::vector<Frag> args;
  if (aggr.param != Ty::vector && !fault(6)) args.push_back(expr(aggr.param, depth));
  if (!fault(3)) args.push_back(expr(Ty::vector, depth));
  if (fault(4)) args.push_back(expr(Ty::vector, depth));
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i > 0) f.toks.push_back(",");
    append(f, args[i]);
  }
  if (fault(4)) f.toks.push_back(",");
  f.toks.push_back(")");
  if (!before) f.toks.insert(f.toks.end(), grouping.begin(), grouping.end());
  if (!before && !grouping.empty() && fault(4)) {  // `sum(foo) by (a) (bar)`
    f.toks.push_back("(");
    append(f, expr(Ty::vector, 0));
    f.toks.push_back(")");
  }
  if (fault(3)) {  // a second grouping clause
    f.toks.push_back(keyword_case(rng_.chance(50) ? "by" : "without"));
    f.toks.insert(f.toks.end(), {"(", "a", ")"});
  }
  f.level = kAtom;
  modifiers(f);  // only ever adds a (misplaced) modifier as a fault
  return f;
}

}  // namespace rbc::oracle::detail
