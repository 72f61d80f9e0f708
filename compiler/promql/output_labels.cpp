#include "promql/output_labels.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>

#include <re2/re2.h>

namespace rbc::promql {
namespace {

// Deeper trees are real (promtool accepts 100,000 parentheses) but never
// pin anything useful; stop there instead of recursing further.
constexpr int kMaxDepth = 256;

LabelPins pins_of(const Expr* e, int depth);

LabelPins selector_pins(const Expr& e) {
  LabelPins pins;
  static constexpr PinKind kKinds[] = {PinKind::equal, PinKind::not_equal, PinKind::regex, PinKind::not_regex};
  static_assert(static_cast<int>(MatchOp::Equal) == 0 && static_cast<int>(MatchOp::NotEqual) == 1 &&
                static_cast<int>(MatchOp::Regex) == 2 && static_cast<int>(MatchOp::NotRegex) == 3);
  for (const Matcher& m : e.matchers) {
    if (m.name == "__name__") continue;
    pins[m.name].push_back({m.value, kKinds[static_cast<int>(m.op)]});
  }
  return pins;
}

LabelPins keep_only(LabelPins pins, const std::vector<std::string>& labels, bool without) {
  std::erase_if(pins, [&](const auto& pin) {
    const bool listed = std::find(labels.begin(), labels.end(), pin.first) != labels.end();
    return without ? listed : !listed;
  });
  return pins;
}

LabelPins aggregate_pins(const Expr& e, int depth) {
  if (e.op == Op::CountValues) return {};  // adds a label whose values are the samples
  const LabelPins inner = pins_of(e.expr, depth + 1);
  if (e.op == Op::Topk || e.op == Op::Bottomk) return inner;  // keeps whole series
  if (e.grouping.empty() && !e.without) return {};
  return keep_only(inner, e.grouping, e.without);
}

// The first vector argument's pins; label_replace/label_join rewrite their
// destination label, and functions without a vector argument pin nothing.
LabelPins call_pins(const Expr& e, int depth) {
  const std::string_view name = e.func ? e.func->name : "";
  if (name == "vector" || name == "scalar" || name == "time") return {};
  for (const Expr* arg : e.args) {
    if (arg->type() != ValueType::Vector && arg->type() != ValueType::Matrix) continue;
    LabelPins pins = pins_of(arg, depth + 1);
    if ((name == "label_replace" || name == "label_join") && e.args.size() > 1 &&
        e.args[1]->kind == Kind::StringLiteral)
      pins.erase(e.args[1]->text);
    if (name == "histogram_quantile") pins.erase("le");
    return pins;
  }
  return {};
}

LabelPins binary_pins(const Expr& e, int depth) {
  const bool lhs_vector = e.lhs->type() == ValueType::Vector;
  const bool rhs_vector = e.rhs->type() == ValueType::Vector;
  if (lhs_vector && !rhs_vector) return pins_of(e.lhs, depth + 1);
  if (rhs_vector && !lhs_vector) return pins_of(e.rhs, depth + 1);
  if (!lhs_vector) return {};
  if (e.op == Op::Or) return {};  // either side's series
  // One-to-one and and/unless keep the left side's labels; group_right the right's.
  return pins_of(e.card == Card::OneToMany ? e.rhs : e.lhs, depth + 1);
}

LabelPins pins_of(const Expr* e, int depth) {
  while (e && depth < kMaxDepth) {
    switch (e->kind) {
      case Kind::Paren:
      case Kind::Unary:
      case Kind::MatrixSelector:
      case Kind::Subquery:
        e = e->expr;
        ++depth;
        continue;
      case Kind::VectorSelector: return selector_pins(*e);
      case Kind::Aggregate: return aggregate_pins(*e, depth);
      case Kind::Call: return call_pins(*e, depth);
      case Kind::Binary: return binary_pins(*e, depth);
      default: return {};
    }
  }
  return {};
}

// The characters every match of an anchored pattern starts with; empty when
// the pattern has alternation or starts with a construct.
std::string literal_prefix(std::string_view pattern) {
  if (pattern.find('|') != std::string_view::npos) return {};
  std::string prefix;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (std::strchr(".[]()*+?{}^$\\", c) != nullptr) break;
    const char next = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
    if (next == '?' || next == '*' || next == '{') break;  // this character is optional
    prefix += c;
  }
  return prefix;
}

bool regex_matches(const std::string& pattern, const std::string& value) {
  const RE2 re("^(?:" + pattern + ")$", RE2::Quiet);
  return re.ok() && RE2::FullMatch(value, re);
}

}  // namespace

LabelPins pinned_labels(const Expr& expr) { return pins_of(&expr, 0); }

bool pins_disjoint(const LabelPin& a, const LabelPin& b) {
  if (static_cast<int>(a.kind) > static_cast<int>(b.kind)) return pins_disjoint(b, a);
  switch (a.kind) {
    case PinKind::equal:
      switch (b.kind) {
        case PinKind::equal: return a.value != b.value;
        case PinKind::regex: return !regex_matches(b.value, a.value);
        case PinKind::not_equal: return a.value == b.value;
        case PinKind::not_regex: return regex_matches(b.value, a.value);
      }
      break;
    case PinKind::regex:
      if (b.kind != PinKind::regex) return false;  // a pattern and an exclusion: rarely certain
      {
        const std::string pa = literal_prefix(a.value);
        const std::string pb = literal_prefix(b.value);
        const std::size_t common = std::min(pa.size(), pb.size());
        return pa.compare(0, common, pb, 0, common) != 0;
      }
    default: return false;  // two exclusions always leave values both accept
  }
  return false;
}

bool outputs_disjoint(const LabelPins& a, const LabelPins& b) {
  return std::any_of(a.begin(), a.end(), [&](const auto& label) {
    auto other = b.find(label.first);
    if (other == b.end()) return false;
    return std::any_of(label.second.begin(), label.second.end(), [&](const LabelPin& pa) {
      return std::any_of(other->second.begin(), other->second.end(),
                         [&](const LabelPin& pb) { return pins_disjoint(pa, pb); });
    });
  });
}

}  // namespace rbc::promql
