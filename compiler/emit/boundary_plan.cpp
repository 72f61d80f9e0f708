#include "emit/boundary_plan.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>

namespace rbc::emit::boundary {

using promql::Expr;
using promql::Kind;
using promql::MatchOp;

namespace {

constexpr int kMaxDepth = 200;

struct Use {
  const Expr* selector = nullptr;
  SeriesKind kind = SeriesKind::gauge;
};

bool reads_counter(const std::string& func) {
  return func == "rate" || func == "increase" || func == "irate" || func == "resets" || func == "delta" ||
         func == "idelta" || func == "deriv";
}

const Expr& strip_parens(const Expr& e) {
  const Expr* p = &e;
  while (p->kind == Kind::Paren) p = p->expr;
  return *p;
}

bool is_time_call(const Expr& e) {
  const Expr& s = strip_parens(e);
  return s.kind == Kind::Call && std::string(s.func->name) == "time";
}

struct Walk {
  std::vector<Use> uses;
  std::vector<std::string> shared_labels;        // grouped or matched on: every series carries them
  std::map<std::string, std::string> equal_values;  // label -> first value an equality matcher asks for
  std::int64_t max_range = 0;
  std::int64_t min_range = 0;
  bool too_deep = false;

  void share(const std::vector<std::string>& names) {
    for (const auto& n : names)
      if (std::find(shared_labels.begin(), shared_labels.end(), n) == shared_labels.end()) shared_labels.push_back(n);
  }

  void range(std::int64_t ms) {
    max_range = std::max(max_range, ms);
    min_range = min_range == 0 ? ms : std::min(min_range, ms);
  }

  void visit(const Expr& e, SeriesKind hint, int depth) {
    if (depth > kMaxDepth) {
      too_deep = true;
      return;
    }
    const SeriesKind pass = hint == SeriesKind::clock ? hint : SeriesKind::gauge;
    switch (e.kind) {
      case Kind::VectorSelector:
        uses.push_back({&e, hint});
        for (const auto& m : e.matchers)
          if (m.op == MatchOp::Equal && m.name != "__name__") equal_values.emplace(m.name, m.value);
        break;
      case Kind::MatrixSelector:
      case Kind::Subquery:
        range(e.range_ms);
        visit(*e.expr, hint, depth + 1);
        break;
      case Kind::Call:
        for (const Expr* a : e.args) {
          const bool counter = a->kind == Kind::MatrixSelector && reads_counter(e.func->name);
          visit(*a, counter ? SeriesKind::counter : SeriesKind::gauge, depth + 1);
        }
        break;
      case Kind::Aggregate:
        if (!e.without) share(e.grouping);
        if (e.param) visit(*e.param, SeriesKind::gauge, depth + 1);
        visit(*e.expr, pass, depth + 1);
        break;
      case Kind::Binary: {
        share(e.matching_labels);
        share(e.include_labels);
        const bool minus_time = e.op == promql::Op::Sub && (is_time_call(*e.lhs) || is_time_call(*e.rhs));
        const SeriesKind side = minus_time ? SeriesKind::clock : SeriesKind::gauge;
        visit(*e.lhs, side, depth + 1);
        visit(*e.rhs, side, depth + 1);
        break;
      }
      case Kind::Paren:
      case Kind::Unary:
        visit(*e.expr, pass, depth + 1);
        break;
      default:
        break;
    }
  }
};

bool accepts(const promql::Matcher& m, const std::string& v) {
  try {
    switch (m.op) {
      case MatchOp::Equal: return v == m.value;
      case MatchOp::NotEqual: return v != m.value;
      case MatchOp::Regex: return std::regex_match(v, std::regex(m.value, std::regex::ECMAScript));
      case MatchOp::NotRegex: return !std::regex_match(v, std::regex(m.value, std::regex::ECMAScript));
    }
  } catch (const std::regex_error&) {
  }
  return false;
}

// A plain string for one alternative of a regular expression: "5.." ->
// "500", "content.*" -> "content"; nothing when it has other syntax.
std::optional<std::string> literal_of(const std::string& alt) {
  std::string out;
  for (std::size_t i = 0; i < alt.size(); ++i) {
    const char c = alt[i];
    const char next = i + 1 < alt.size() ? alt[i + 1] : '\0';
    if (c == '.' && (next == '*' || next == '?')) {
      ++i;
    } else if (c == '.' && next == '+') {
      out += '0';
      ++i;
    } else if (c == '.') {
      out += '0';
    } else if (c == '\\' && next != '\0' && !std::isalnum(static_cast<unsigned char>(next))) {
      out += next;
      ++i;
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ':' || c == '/' ||
               c == ' ' || c == '@' || c == ',') {
      out += c;
    } else {
      return std::nullopt;
    }
  }
  return out;
}

std::vector<std::string> candidates_for(const promql::Matcher& m, const std::string* shared) {
  std::vector<std::string> out;
  if (shared) out.push_back(*shared);
  if (m.op == MatchOp::Regex) {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= m.value.size(); ++i) {
      if (i == m.value.size() || m.value[i] == '|') {
        if (auto lit = literal_of(m.value.substr(start, i - start))) out.push_back(*lit);
        start = i + 1;
      }
    }
  }
  for (const char* c : {"test", "500", "0", "1", "a", "x", "other"}) out.emplace_back(c);
  return out;
}

}  // namespace

double default_knob(SeriesKind kind) {
  switch (kind) {
    case SeriesKind::counter: return 1000;
    case SeriesKind::gauge: return 1;
    case SeriesKind::clock: return 0;
  }
  return 1;
}

Plan plan_series(const promql::Expr& root, const std::vector<std::string>& template_labels) {
  Plan plan;
  Walk walk;
  walk.visit(root, SeriesKind::gauge, 0);
  walk.share(template_labels);
  auto fail = [&](std::string why) {
    plan.ok = false;
    plan.error = std::move(why);
    return plan;
  };
  if (walk.too_deep) return fail("the expression nests too deeply");
  if (walk.uses.empty()) return fail("the expression reads no series");
  plan.max_range_ms = walk.max_range;
  plan.min_range_ms = walk.min_range;
  // One value per shared label, so that series line up when grouped or matched.
  std::map<std::string, std::string> shared;
  for (const auto& name : walk.shared_labels) {
    auto it = walk.equal_values.find(name);
    shared[name] = it != walk.equal_values.end() ? it->second : "test";
  }
  for (const Use& use : walk.uses) {
    Series s;
    s.kind = use.kind;
    for (const auto& m : use.selector->matchers) {
      if (m.name == "__name__") {
        if (m.op != MatchOp::Equal) return fail("a selector that matches metric names by pattern");
        s.labels["__name__"] = m.value;
        continue;
      }
      auto sh = shared.find(m.name);
      if (sh == shared.end() && (m.op == MatchOp::NotEqual || m.op == MatchOp::NotRegex) && accepts(m, "")) continue;
      if (m.op == MatchOp::Equal) {
        if (!m.value.empty()) s.labels[m.name] = m.value;
        continue;
      }
      bool found = false;
      for (const auto& c : candidates_for(m, sh == shared.end() ? nullptr : &sh->second)) {
        if (!c.empty() && accepts(m, c)) {
          s.labels[m.name] = c;
          found = true;
          break;
        }
      }
      if (!found) return fail("no label value found for the matcher " + m.name + promql::match_op_text(m.op) + "\"" + m.value + "\"");
    }
    for (const auto& [name, value] : shared) {
      bool constrained = false;
      for (const auto& m : use.selector->matchers) constrained |= m.name == name;
      if (!constrained) s.labels.emplace(name, value);
    }
    for (const auto& m : use.selector->matchers)
      if (!accepts(m, s.labels.count(m.name) ? s.labels[m.name] : std::string()))
        return fail("the matchers of a selector cannot all be met");
    s.knob = default_knob(s.kind);
    auto same = std::find_if(plan.series.begin(), plan.series.end(), [&](const Series& o) { return o.labels == s.labels; });
    if (same == plan.series.end()) {
      plan.series.push_back(std::move(s));
    } else if (same->kind != s.kind) {
      if (same->kind == SeriesKind::clock || s.kind == SeriesKind::clock)
        return fail("a series is compared with time() and also read otherwise");
      same->kind = SeriesKind::counter;  // a growing series serves both readings
      same->knob = default_knob(SeriesKind::counter);
    }
  }
  return plan;
}

}  // namespace rbc::emit::boundary
