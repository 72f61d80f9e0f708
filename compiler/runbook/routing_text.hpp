// Phrases of routing documentation: channel mentions ("Slack
// #alerts-warnings", "oncall@example.com", "PagerDuty", "Page on-call"),
// durations ("< 5 minutes", "Within 1 hour") and category words
// ("Trading-specific alerts" -> trading).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "model/routing.hpp"

namespace rbc::runbook {

// A channel named in a text: text[begin, end) is where it is written.
struct Mention {
  model::ChannelKind kind = model::ChannelKind::other;
  std::string target;  // "#alerts", "team@example.com", "ticket" or ""
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Channels a text names. Strict: only concrete targets (`#channel`, e-mail
// addresses) and services that need none (PagerDuty, Opsgenie). Loose also
// reads bare words as channels: "Slack" (no #channel), "email", "page" /
// "paging" (PagerDuty), "webhook", "ticket". Loose suits text whose job is
// to say where alerts go (a Channel field, an Escalation column).
std::vector<Mention> find_mentions(std::string_view text, bool loose);

// The first duration written in `text`, in milliseconds: "< 5 minutes",
// "15 min", "Within 1 hour", "0-30 minutes" (the upper end), "1.5h". With
// `immediate_is_zero`, "Immediate"/"ASAP" without a number is 0. "Best
// effort", "Next business day" and other words give nothing.
std::optional<std::int64_t> duration_ms(std::string_view text, bool immediate_is_zero);

// Lower-case ASCII words of a text: runs of letters and digits.
std::vector<std::string> words_of(std::string_view text);

// The text outside (...) and [...] remarks.
std::string outside_brackets(std::string_view text);

// Normalised category values a description names: severity words, "alerts",
// "only", "all", "regular", "-specific", ... are dropped, the rest joined
// with '-' and split at "and" / "," / "&" / "/": "System and circuit
// breaker alerts" -> {system, circuit-breaker}; "Critical alerts only" -> {}.
std::vector<std::string> category_values(const config::Config& config, std::string_view text);

// True when a word of the text names a severity ("P1", "critical"); unlike
// config::severity_values, conditions ("If P1 unresolved") count, and the
// verb "page" does not.
bool names_severity(const config::Config& config, std::string_view text);

// True when the text speaks of alerts being delivered ("alerts",
// "notifications", "pages", "incidents").
bool speaks_of_alerts(std::string_view text);

// [a-z0-9-] form of a target: "#alerts-warnings" -> "alerts-warnings",
// "oncall@example.com" -> "oncall-example-com".
std::string name_slug(std::string_view text);

}  // namespace rbc::runbook
