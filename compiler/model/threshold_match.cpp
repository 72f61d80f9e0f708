// Whether a documented threshold and a rule's comparison agree.
//
// The rule's constant is first taken back to its query's own unit
// ("base": value / scale, so `x * 100 > 5` is 0.05 of x), then expressed
// in the runbook's unit in every way the units allow; the values match
// when one reading equals the documented number (relative tolerance 1e-9).
// Decisions on the ambiguous cases:
// - "%" (or "N% of max"): a ratio query (`_ratio`, a/b) reads base * 100; a
//   percent query (`_percent`, ratio * 100) reads base; a query of unknown
//   unit reads either (`> 0.05` and `> 5` both match "5%"), preferring
//   the ratio form for messages when the rule scales or compares <= 1.
// - Times: seconds/milliseconds queries convert; a query of unknown unit is
//   read as seconds (Prometheus base unit) or as already in the runbook's
//   unit ("30 minutes" vs `> 30` on a minutes gauge).
// - Sizes: "KB".."PB" and "KiB".."PiB" accept both 1000^n and 1024^n.
// - Rates: a per-second query (rate(), irate(), deriv()) converts to the
//   runbook's period ("10/min" = `rate(x[5m]) * 60 > 10` = `rate > 0.1667`,
//   but not `rate > 10`); anything else compares the raw value (an
//   increase() over the window is already "per window").
// - Counted nouns, "$", bare numbers, and units that cannot be related to
//   the query's (a size against a ratio) compare the raw value, either as
//   written or taken back through the scale; for unrelated units the
//   message text stays empty.
#include "model/threshold_match.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "model/doc_units.hpp"

namespace rbc::model {

using promql::Op;
using threshold::Comparison;

namespace {

bool close(double a, double b) {
  if (a == b) return true;
  return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

enum class Side { greater, less, equal, not_equal };

Side side(threshold::Op op) {
  switch (op) {
    case threshold::Op::gt:
    case threshold::Op::ge: return Side::greater;
    case threshold::Op::lt:
    case threshold::Op::le: return Side::less;
    case threshold::Op::eq: return Side::equal;
    case threshold::Op::ne: return Side::not_equal;
  }
  return Side::equal;
}

Side side(Op op, bool negated) {
  switch (op) {
    case Op::Gtr:
    case Op::Gte: return negated ? Side::less : Side::greater;
    case Op::Lss:
    case Op::Lte: return negated ? Side::greater : Side::less;
    case Op::Neq: return Side::not_equal;
    default: return Side::equal;
  }
}

// The rule's constant in the runbook's unit, every way the units allow,
// the preferred reading first.
struct Readings {
  std::vector<double> values;
  bool related = true;  // false: units unrelated, raw numbers compared
};

double base_value(const ExprComparison& rule) {
  return rule.scale == 0 ? rule.value : rule.value / rule.scale;
}

void add_raw(const ExprComparison& rule, Readings& r) {
  r.values.push_back(rule.value);
  r.values.push_back(base_value(rule));
}

Readings unrelated(const ExprComparison& rule) {
  Readings r;
  r.related = false;
  add_raw(rule, r);
  return r;
}

Readings percent_readings(const ExprComparison& rule) {
  const double base = base_value(rule);
  if (rule.unit == "%") return {{base}, true};
  if (rule.unit == "ratio") return {{base * 100}, true};
  if (!rule.unit.empty()) return unrelated(rule);
  Readings r;
  if (rule.scale != 1 || std::fabs(rule.value) <= 1) {
    r.values = {base * 100, base};
  } else {
    r.values = {base, base * 100};
  }
  r.values.push_back(rule.value);
  return r;
}

Readings time_readings(const ExprComparison& rule, double doc_seconds_per) {
  const double base = base_value(rule);
  if (const auto rule_seconds = seconds_per(rule.unit))
    return {{base * *rule_seconds / doc_seconds_per}, true};
  if (!rule.unit.empty()) return unrelated(rule);
  Readings r{{base / doc_seconds_per}, true};
  add_raw(rule, r);
  return r;
}

Readings byte_readings(const ExprComparison& rule, const ByteUnit& doc) {
  const double base = base_value(rule);
  if (rule.unit != "B" && !rule.unit.empty()) return unrelated(rule);
  Readings r;
  r.values = doc.binary_first ? std::vector<double>{base / doc.binary, base / doc.decimal}
                              : std::vector<double>{base / doc.decimal, base / doc.binary};
  if (rule.unit.empty()) add_raw(rule, r);
  return r;
}

Readings rate_readings(const ExprComparison& rule, const RateUnit& doc) {
  const double per_period = base_value(rule) * doc.period_s;
  const auto doc_bytes = bytes_per(doc.numerator);
  if (rule.unit == "/s" && !doc_bytes) return {{per_period}, true};
  if (rule.unit == "B/s" && doc_bytes) {
    return doc_bytes->binary_first
               ? Readings{{per_period / doc_bytes->binary, per_period / doc_bytes->decimal}, true}
               : Readings{{per_period / doc_bytes->decimal, per_period / doc_bytes->binary}, true};
  }
  if (rule.unit == "B" && doc_bytes) {
    // An amount over the expression's own window (delta/increase over
    // [10m]): "10 MB/10m" compares the amount; the window is xcheck/for's.
    const double amount = base_value(rule);
    return doc_bytes->binary_first
               ? Readings{{amount / doc_bytes->binary, amount / doc_bytes->decimal}, true}
               : Readings{{amount / doc_bytes->decimal, amount / doc_bytes->binary}, true};
  }
  if (!rule.unit.empty()) return unrelated(rule);
  Readings r;
  add_raw(rule, r);
  return r;
}

Readings readings(const Comparison& doc, const ExprComparison& rule) {
  if (doc.unit == "%" || doc.of_max) return percent_readings(rule);
  if (const auto s = seconds_per(doc.unit)) return time_readings(rule, *s);
  if (const auto b = bytes_per(doc.unit)) return byte_readings(rule, *b);
  if (const auto rate = parse_rate_unit(doc.unit)) return rate_readings(rule, *rate);
  Readings r;  // a bare number, "$", a counted noun
  add_raw(rule, r);
  return r;
}

struct Evaluation {
  MatchResult result;
  double in_doc_units = std::numeric_limits<double>::quiet_NaN();
};

Evaluation evaluate(const Comparison& doc, const ExprComparison& rule) {
  Evaluation ev;
  ev.result.direction_ok = side(doc.op) == side(rule.op, rule.scale < 0);
  const Readings r = readings(doc, rule);
  if (r.values.empty()) return ev;
  auto hit = std::find_if(r.values.begin(), r.values.end(),
                          [&](double v) { return close(v, doc.value); });
  ev.result.value_ok = hit != r.values.end();
  ev.in_doc_units = ev.result.value_ok ? *hit : r.values.front();
  if (r.related) {
    const std::string unit = doc.unit.empty() && doc.of_max ? "%" : doc.unit;
    ev.result.rule_in_doc_units = "= " + format_in_unit(ev.in_doc_units, unit);
  }
  return ev;
}

// Relative distance between two numbers, for choosing the closest
// candidate when nothing matches.
double distance(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<double>::infinity();
  const double scale = std::max(std::fabs(a), std::fabs(b));
  return scale == 0 ? 0 : std::fabs(a - b) / scale;
}

int score(const MatchResult& m) { return (m.value_ok ? 2 : 0) + (m.direction_ok ? 1 : 0); }

}  // namespace

MatchResult match_threshold(const Comparison& doc, const ExprComparison& rule) {
  return evaluate(doc, rule).result;
}

std::vector<Pairing> pair_thresholds(const std::vector<Comparison>& doc,
                                     const std::vector<ExprComparison>& rule) {
  std::vector<Pairing> out(doc.size());
  if (rule.empty()) return out;
  struct Candidate {
    std::size_t d, r;
    Evaluation ev;
    int score;
    double dist;
  };
  std::vector<Candidate> all;
  for (std::size_t d = 0; d < doc.size(); ++d) {
    for (std::size_t r = 0; r < rule.size(); ++r) {
      Evaluation ev = evaluate(doc[d], rule[r]);
      const int s = score(ev.result);
      const double dist = distance(ev.in_doc_units, doc[d].value);
      all.push_back({d, r, std::move(ev), s, dist});
    }
  }
  // Greedy on (matches first, then closest value, then source order): each
  // rule comparison serves one documented comparison while any is free.
  std::stable_sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.dist < b.dist;
  });
  std::vector<bool> doc_done(doc.size(), false), rule_used(rule.size(), false);
  for (bool allow_reuse : {false, true}) {
    for (const Candidate& c : all) {
      if (doc_done[c.d] || (rule_used[c.r] && !allow_reuse)) continue;
      doc_done[c.d] = true;
      rule_used[c.r] = true;
      out[c.d] = {static_cast<int>(c.r), c.ev.result};
    }
  }
  return out;
}

}  // namespace rbc::model
