// rule/group-interval: a group `interval:` outside the configured bounds.
// Above 5m (Prometheus's lookback delta) the group's recorded series and
// ALERTS go stale between evaluations, so queries over them see gaps; below
// the scrape interval (server facts) evaluations repeat on the same data.
#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/rule_values.hpp"
#include "promql/go_format.hpp"

namespace rbc::checks {
namespace {

constexpr std::int64_t kLookback = 5 * 60 * 1000LL;

constexpr OptionInfo kOptions[] = {
    {"min", "shortest interval accepted (default: the scrape interval from `server:`, else none)"},
    {"max", "longest interval accepted (default: 5m, the staleness lookback)"},
};

std::string text(std::int64_t ms) { return promql::go::format_duration_ms(ms); }

void check_group(const model::RuleInfo& rule, std::optional<std::int64_t> min, std::optional<std::int64_t> max,
                 Reporter& reporter) {
  const model::GroupInfo& group = rule.group_info;
  const std::int64_t ms = group.interval_ms;
  Diagnostic* d = nullptr;
  if (max && ms > *max)
    d = &reporter.report(rule.file, group.interval->span,
                         fmt::format("group '{}' interval: {} is longer than {}: its recorded series and "
                                     "alerts go stale between evaluations{}",
                                     group.name.value, group.interval->value, text(*max),
                                     *max == kLookback ? " (5m lookback)" : ""));
  else if (min && ms < *min)
    d = &reporter.report(rule.file, group.interval->span,
                         fmt::format("group '{}' interval: {} is shorter than {}: evaluations repeat on the "
                                     "same samples",
                                     group.name.value, group.interval->value, text(*min)));
  if (d) d->group = group.name.value;
}

void run(const model::Project& project, Reporter& reporter) {
  const std::optional<std::int64_t> min =
      duration_option(project, reporter, "min", project.config.server.scrape_interval_ms);
  const std::optional<std::int64_t> max = duration_option(project, reporter, "max", kLookback);
  const model::RuleInfo* previous = nullptr;
  for (const model::RuleInfo& rule : project.rules) {
    // Every rule carries its group: look at each group once.
    const bool same_group = previous && previous->file == rule.file &&
                            previous->group_info.span.begin == rule.group_info.span.begin;
    previous = &rule;
    if (same_group || !rule.group_info.interval || rule.group_info.interval_ms <= 0) continue;
    check_group(rule, min, max, reporter);
  }
}

}  // namespace

extern const Check rule_group_interval;
const Check rule_group_interval{
    {"rule/group-interval", Severity::warning, "a group's evaluation interval is outside the configured bounds",
     false},
    run, kOptions};

}  // namespace rbc::checks
