#include "emit/boundary_scenario.hpp"

#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <regex>
#include <algorithm>

#include "emit/boundary_plan.hpp"
#include "emit/boundary_template.hpp"

namespace rbc::emit::boundary {

namespace {

// Per evaluation step, the alert's output samples and whether each is firing.
using Timeline = std::vector<std::vector<std::pair<Sample, bool>>>;

struct Failure {
  std::string reason;
};

EvalResult eval_or_throw(const promql::Expr& e, const std::vector<Series>& series, std::int64_t t, std::int64_t interval) {
  EvalResult r = evaluate(e, series, t, interval);
  if (!r.ok) throw Failure{r.error};
  return r;
}

// The rule manager's bookkeeping: an output series becomes pending when it
// first appears and fires once it has been present for `for`.
Timeline simulate(const AlertRule& rule, const std::vector<Series>& series, std::int64_t interval, std::int64_t steps) {
  Timeline out;
  std::map<Labels, std::int64_t> active;
  for (std::int64_t step = 0; step <= steps; ++step) {
    const std::int64_t t = step * interval;
    std::map<Labels, std::int64_t> next;
    std::vector<std::pair<Sample, bool>> now;
    for (auto& s : eval_or_throw(*rule.expr, series, t, interval).samples) {
      Labels key = s.labels;
      key.erase("__name__");
      auto it = active.find(key);
      const std::int64_t since = it == active.end() ? t : it->second;
      next[key] = since;
      now.emplace_back(std::move(s), t - since >= rule.info->for_ms);
    }
    active = std::move(next);
    out.push_back(std::move(now));
  }
  return out;
}

std::string expand_or_throw(const std::string& text, const Sample& s) {
  Expansion e = expand_template(text, s.labels, s.value);
  if (!e.ok) throw Failure{"a template uses " + e.error};
  return e.text;
}

ExpectedAlert expected_alert(const AlertRule& rule, const Sample& s) {
  ExpectedAlert a;
  a.labels = s.labels;
  a.labels.erase("__name__");
  for (const auto& [k, v] : rule.info->labels) {
    const std::string value = expand_or_throw(v.value, s);
    if (value.empty()) a.labels.erase(k.value);
    else a.labels[k.value] = value;
  }
  a.labels.erase("alertname");
  for (const auto& [k, v] : rule.info->annotations) a.annotations.emplace_back(k.value, expand_or_throw(v.value, s));
  return a;
}

// Every firing alert of every rule with the name, at one step.
Check check_at(const std::vector<AlertRule>& rules, const std::vector<Timeline>& runs, std::int64_t step,
               std::int64_t interval) {
  Check c;
  c.t_ms = step * interval;
  for (std::size_t i = 0; i < rules.size(); ++i)
    for (const auto& [sample, firing] : runs[i].at(static_cast<std::size_t>(step)))
      if (firing) c.alerts.push_back(expected_alert(rules[i], sample));
  return c;
}

std::vector<Timeline> simulate_all(const std::vector<AlertRule>& rules, const std::vector<Series>& series,
                                   std::int64_t interval, std::int64_t steps) {
  std::vector<Timeline> runs;
  for (const auto& r : rules) runs.push_back(simulate(r, series, interval, steps));
  return runs;
}

std::vector<double> search_grid(SeriesKind kind, bool negative) {
  std::vector<double> grid{0};
  const double sign = negative ? -1 : 1;
  if (kind == SeriesKind::counter) {
    if (negative) return {};
    for (int e = -6; e <= 40; ++e) grid.push_back(std::ldexp(1.0, e));
  } else if (kind == SeriesKind::clock) {
    for (int e = 0; e <= 34; ++e) grid.push_back(sign * std::ldexp(1.0, e));
  } else {
    for (int e = -6; e <= 12; ++e)
      for (double m : {1.0, 2.0, 5.0}) grid.push_back(sign * m * std::pow(10.0, e));
  }
  return grid;
}

std::vector<double> steps_for(SeriesKind kind) {
  if (kind == SeriesKind::counter) return {1, 0.25, 0.0625, 0.015625};
  if (kind == SeriesKind::clock) return {1};
  return {1, 0.1, 0.01, 0.001, 0.0001, 0.00001, 0.000001};
}

struct Boundary {
  double fire = 0;
  double quiet = 0;
};

class BoundarySearch {
 public:
  BoundarySearch(const AlertRule& target, std::vector<Series> series, std::int64_t t, std::int64_t interval)
      : target_(target), series_(std::move(series)), t_(t), interval_(interval) {}

  std::optional<Boundary> run() {
    const SeriesKind kind = series_[0].kind;
    for (bool negative : {false, true}) {
      const auto grid = search_grid(kind, negative);
      for (std::size_t i = 0; i + 1 < grid.size(); ++i) {
        if (fires(grid[i]) != fires(grid[i + 1])) return pick(kind, bisect(grid[i], grid[i + 1]));
      }
    }
    return std::nullopt;
  }

 private:
  bool fires(double knob) {
    series_[0].knob = knob;
    return !eval_or_throw(*target_.expr, series_, t_, interval_).samples.empty();
  }

  double bisect(double a, double b) {
    const bool at_a = fires(a);
    for (int i = 0; i < 200; ++i) {
      const double m = a + (b - a) / 2;
      if (m == a || m == b) break;
      (fires(m) == at_a ? a : b) = m;
    }
    return a + (b - a) / 2;
  }

  // Round values on either side of the boundary m, as fine as needed to be
  // within 1% of it.
  std::optional<Boundary> pick(SeriesKind kind, double m) {
    const auto steps = steps_for(kind);
    for (std::size_t si = 0; si < steps.size(); ++si) {
      const double step = steps[si];
      const double c = std::round(m / step);
      std::optional<double> fire, quiet;
      for (int o = -2; o <= 2; ++o) {
        const double v = (c + o) * step;
        if (kind == SeriesKind::counter && v < 0) continue;
        std::optional<double>& slot = fires(v) ? fire : quiet;
        if (!slot || std::fabs(v - m) < std::fabs(*slot - m)) slot = v;
      }
      const bool fine = step <= 0.01 * std::fabs(m) || std::fabs(m) < 1e-9 || si + 1 == steps.size();
      if (fire && quiet && fine) return Boundary{*fire, *quiet};
    }
    return std::nullopt;
  }

  const AlertRule& target_;
  std::vector<Series> series_;
  std::int64_t t_;
  std::int64_t interval_;
};

std::int64_t choose_interval(const Plan& plan) {
  if (plan.min_range_ms != 0 && plan.min_range_ms < 120000) return 15000;
  return 60000;
}

std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return (a + b - 1) / b; }

std::string series_name(const Series& s) {
  return s.labels.count("__name__") ? s.labels.at("__name__") : std::string("series");
}

std::string describe(const Series& s, double knob) {
  const std::string name = series_name(s);
  switch (s.kind) {
    case SeriesKind::counter: return name + " grows by " + plain_number(knob) + " a step";
    case SeriesKind::gauge: return name + " at " + plain_number(knob);
    case SeriesKind::clock: return name + " at time() + " + plain_number(knob);
  }
  return name;
}

// Labels the templates of the alerts print: `{{ $labels.instance }}`.
std::vector<std::string> template_labels(const std::vector<AlertRule>& rules) {
  static const std::regex ref(R"(\$labels\.([A-Za-z_][A-Za-z0-9_]*))");
  std::vector<std::string> out;
  auto scan = [&](const std::string& text) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), ref); it != std::sregex_iterator(); ++it)
      if (std::find(out.begin(), out.end(), (*it)[1].str()) == out.end()) out.push_back((*it)[1].str());
  };
  for (const auto& r : rules) {
    for (const auto& kv : r.info->labels) scan(kv.second.value);
    for (const auto& kv : r.info->annotations) scan(kv.second.value);
  }
  return out;
}

// The boundary with the other series at their defaults, or else with the
// other counters standing still (an error ratio of 100% needs that).
std::optional<Boundary> search(const AlertRule& target, Plan& plan, std::int64_t t, std::int64_t interval) {
  auto found = BoundarySearch(target, plan.series, t, interval).run();
  if (found) return found;
  bool changed = false;
  for (std::size_t i = 1; i < plan.series.size(); ++i) {
    if (plan.series[i].kind != SeriesKind::counter) continue;
    plan.series[i].knob = 0;
    changed = true;
  }
  if (!changed) return std::nullopt;
  return BoundarySearch(target, plan.series, t, interval).run();
}

AlertTests build(const std::vector<AlertRule>& rules, std::int64_t interval) {
  AlertTests out;
  const AlertRule& target = rules.at(0);
  Plan plan = plan_series(*target.expr, template_labels(rules));
  if (!plan.ok) throw Failure{plan.error};
  if (plan.min_range_ms != 0 && plan.min_range_ms < 2 * interval) throw Failure{"a range shorter than two sample intervals"};
  const std::int64_t check_step = ceil_div(plan.max_range_ms, interval) + 1;
  auto boundary = search(target, plan, check_step * interval, interval);
  if (!boundary) throw Failure{"no threshold found: no value of " + series_name(plan.series[0]) + " decides whether it fires"};
  const std::int64_t last = check_step + ceil_div(target.info->for_ms, interval) + 3;

  Scenario fire;
  fire.series = plan.series;
  fire.series[0].knob = boundary->fire;
  const auto fire_runs = simulate_all(rules, fire.series, interval, last);
  std::int64_t first = -1;
  for (std::int64_t step = 0; step <= last && first < 0; ++step)
    for (const auto& smp : fire_runs[0][static_cast<std::size_t>(step)]) first = smp.second && first < 0 ? step : first;
  if (first < 0) throw Failure{"the alert does not fire within the simulated time"};
  fire.steps = first + 1;
  fire.comment = "fires: " + describe(fire.series[0], boundary->fire);
  if (target.info->for_ms > 0 && first > 0) fire.checks.push_back(check_at(rules, fire_runs, first - 1, interval));
  fire.checks.push_back(check_at(rules, fire_runs, first, interval));

  Scenario quiet;
  quiet.series = plan.series;
  quiet.series[0].knob = boundary->quiet;
  const auto quiet_runs = simulate_all(rules, quiet.series, interval, first);
  if (!quiet_runs[0][static_cast<std::size_t>(first)].empty()) throw Failure{"no value just short of the threshold"};
  quiet.steps = first + 1;
  quiet.comment = "stays silent: " + describe(quiet.series[0], boundary->quiet);
  quiet.checks.push_back(check_at(rules, quiet_runs, first, interval));

  out.scenarios.push_back(std::move(fire));
  out.scenarios.push_back(std::move(quiet));
  return out;
}

}  // namespace

std::int64_t preferred_interval(const promql::Expr& expr) {
  const Plan plan = plan_series(expr);
  return plan.ok ? choose_interval(plan) : 60000;
}

AlertTests build_alert_tests(const std::vector<AlertRule>& rules, std::int64_t interval_ms) {
  try {
    return build(rules, interval_ms);
  } catch (const Failure& f) {
    AlertTests out;
    out.ok = false;
    out.error = f.reason;
    return out;
  }
}

std::string plain_number(double v) {
  if (v == 0) return "0";
  char buf[400];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  return std::string(buf, r.ptr);
}

}  // namespace rbc::emit::boundary
