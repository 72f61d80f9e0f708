// rule/for-bounds: an alert's `for:` or `keep_firing_for:` outside the
// configured bounds, or a `for:` shorter than the group's evaluation
// interval. Prometheus restores a pending alert after a restart only within
// the outage tolerance (1h) and resets it whenever one evaluation misses the
// series, so a very long `for:` rarely fires; a `for:` below the interval
// acts like one interval, which the rule does not say.
#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/rule_values.hpp"
#include "promql/go_format.hpp"

namespace rbc::checks {
namespace {

constexpr std::int64_t kDay = 24 * 3600 * 1000LL;

constexpr OptionInfo kOptions[] = {
    {"for_min", "shortest `for:` accepted, when one is set (default: none)"},
    {"for_max", "longest `for:` accepted (default: 24h)"},
    {"keep_firing_for_min", "shortest `keep_firing_for:` accepted, when one is set (default: none)"},
    {"keep_firing_for_max", "longest `keep_firing_for:` accepted (default: 24h)"},
};

struct Bounds {
  std::optional<std::int64_t> min, max;
};

std::string text(std::int64_t ms) { return promql::go::format_duration_ms(ms); }

void check_bounds(const model::RuleInfo& rule, const char* field, const model::Located& written,
                  std::int64_t ms, const Bounds& bounds, Reporter& reporter) {
  if (bounds.min && ms < *bounds.min)
    reporter.report(rule, written.span,
                    fmt::format("{}: {} is shorter than the configured minimum {}", field, written.value,
                                text(*bounds.min)));
  if (bounds.max && ms > *bounds.max)
    reporter.report(rule, written.span,
                    fmt::format("{}: {} is longer than {}: a pending alert is reset by any gap in the series "
                                "and by a restart longer than the outage tolerance, so it may never fire",
                                field, written.value, text(*bounds.max)));
}

// The rule's evaluation interval, when known (group `interval:` or the
// server facts' evaluation interval); 0 when unknown.
std::int64_t evaluation_interval(const model::Project& project, const model::RuleInfo& rule) {
  if (rule.group_info.interval_ms > 0) return rule.group_info.interval_ms;
  return project.config.server.evaluation_interval_ms.value_or(0);
}

void check_interval(const model::Project& project, const model::RuleInfo& rule, Reporter& reporter) {
  const std::int64_t interval = evaluation_interval(project, rule);
  if (!rule.for_text || rule.for_ms <= 0 || interval <= 0 || rule.for_ms >= interval) return;
  reporter.report(rule, rule.for_text->span,
                  fmt::format("for: {} is shorter than the evaluation interval {}: the alert fires at the "
                              "first evaluation after it starts pending, as if for: {}",
                              rule.for_text->value, text(interval), text(interval)));
}

void run(const model::Project& project, Reporter& reporter) {
  const Bounds for_bounds{duration_option(project, reporter, "for_min", std::nullopt),
                          duration_option(project, reporter, "for_max", kDay)};
  const Bounds keep_bounds{duration_option(project, reporter, "keep_firing_for_min", std::nullopt),
                           duration_option(project, reporter, "keep_firing_for_max", kDay)};
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting) continue;
    if (rule.for_text) check_bounds(rule, "for", *rule.for_text, rule.for_ms, for_bounds, reporter);
    if (rule.keep_firing_for_text)
      check_bounds(rule, "keep_firing_for", *rule.keep_firing_for_text, rule.keep_firing_for_ms, keep_bounds,
                   reporter);
    check_interval(project, rule, reporter);
  }
}

}  // namespace

extern const Check rule_for_bounds;
const Check rule_for_bounds{
    {"rule/for-bounds", Severity::warning,
     "an alert's for: or keep_firing_for: is outside the configured bounds or below the evaluation interval",
     false},
    run, kOptions};

}  // namespace rbc::checks
