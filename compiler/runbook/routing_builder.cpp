// RoutingBuilder: deduplicated channels, merged routes, receiver names.
#include "runbook/routing_builder.hpp"

#include <algorithm>
#include <map>

namespace rbc::runbook {

namespace {

std::string joined_words(std::string_view text) {
  std::string out = " ";
  for (const std::string& w : words_of(text)) out += w + " ";
  return out;
}

bool differ(const std::optional<std::int64_t>& a, const std::optional<std::int64_t>& b) {
  return a && b && *a != *b;
}

// Two mentions of the same alerts are one route unless their times
// disagree ("P2 - High: 30 min" and "P3 - Medium: 2 hours" both mean
// warning by default, yet are documented apart).
bool same_route(const model::DocumentedRoute& route, const RouteDraft& draft) {
  return route.severities == draft.severities && route.category == draft.category &&
         !differ(route.response_ms, draft.response_ms) && !differ(route.escalation_ms, draft.escalation_ms);
}

// "slack-alerts-warnings", "pagerduty", "email-oncall-example-com".
std::string receiver_name(const model::Channel& channel) {
  std::string name = model::channel_kind_text(channel.kind);
  const std::string target = name_slug(channel.target);
  if (!target.empty()) name += "-" + target;
  return name;
}

}  // namespace

Span plain_span(const PlainText& plain, std::size_t begin, std::size_t end, const SourceFile& source) {
  Span span;
  if (plain.offsets.empty()) return span;
  begin = std::min(begin, plain.offsets.size() - 1);
  end = std::clamp(end, begin + 1, plain.offsets.size());
  span.begin = source.position_at(plain.offsets[begin]);
  span.end = source.position_at(plain.offsets[end - 1] + 1);
  return span;
}

RoutingBuilder::RoutingBuilder(const SourceFile& source, const config::Config& config)
    : source_(source), config_(config) {}

void RoutingBuilder::resolve_email(Mention& mention, std::string_view text) const {
  if (mention.kind != model::ChannelKind::email || !mention.target.empty()) return;
  const std::string words = joined_words(text);
  for (const EmailContact& contact : contacts_) {
    if (!contact.label.empty() && words.find(" " + contact.label + " ") != std::string::npos) {
      mention.target = contact.address;
      return;
    }
  }
}

std::size_t RoutingBuilder::add_channel(Mention mention, const PlainText& plain, std::size_t base) {
  std::vector<model::Channel>& channels = routing_.channels;
  for (std::size_t i = 0; i < channels.size(); ++i) {
    if (channels[i].kind == mention.kind && channels[i].target == mention.target) return i;
  }
  model::Channel channel;
  channel.kind = mention.kind;
  channel.target = mention.target;
  channel.text = plain.text.substr(base + mention.begin, mention.end - mention.begin);
  channel.file = source_.path();
  channel.span = plain_span(plain, base + mention.begin, base + mention.end, source_);
  channels.push_back(std::move(channel));
  return channels.size() - 1;
}

std::vector<std::size_t> RoutingBuilder::add_mentions(const PlainText& plain, bool loose, std::size_t begin,
                                                      std::size_t end) {
  begin = std::min(begin, plain.text.size());
  end = std::clamp(end, begin, plain.text.size());
  const std::string_view text = std::string_view(plain.text).substr(begin, end - begin);
  std::vector<std::size_t> out;
  for (Mention& m : find_mentions(text, loose)) {
    resolve_email(m, text);
    const std::size_t index = add_channel(std::move(m), plain, begin);
    if (std::find(out.begin(), out.end(), index) == out.end()) out.push_back(index);
  }
  return out;
}

void RoutingBuilder::add_route(RouteDraft draft) {
  // The configuration's order (critical, warning, info), so equal sets
  // compare equal and read as the team lists them.
  const std::vector<config::SeverityLevel> levels =
      config_.severities.empty() ? config::default_severities() : config_.severities;
  const auto rank = [&](const std::string& value) {
    for (std::size_t i = 0; i < levels.size(); ++i) {
      if (levels[i].value == value) return i;
    }
    return levels.size();
  };
  std::sort(draft.severities.begin(), draft.severities.end(),
            [&](const std::string& a, const std::string& b) { return rank(a) != rank(b) ? rank(a) < rank(b) : a < b; });
  draft.severities.erase(std::unique(draft.severities.begin(), draft.severities.end()), draft.severities.end());
  for (model::DocumentedRoute& route : routing_.routes) {
    if (!same_route(route, draft)) continue;
    for (std::size_t c : draft.channels) {
      if (std::find(route.channels.begin(), route.channels.end(), c) == route.channels.end()) {
        route.channels.push_back(c);
      }
    }
    if (!route.response_ms) route.response_ms = draft.response_ms;
    if (!route.escalation_ms) route.escalation_ms = draft.escalation_ms;
    return;
  }
  model::DocumentedRoute route;
  route.severities = std::move(draft.severities);
  route.category = std::move(draft.category);
  route.channels = std::move(draft.channels);
  route.response_ms = draft.response_ms;
  route.escalation_ms = draft.escalation_ms;
  route.text = std::move(draft.text);
  route.file = source_.path();
  route.span = draft.span;
  routing_.routes.push_back(std::move(route));
}

void RoutingBuilder::set_default_escalation(std::int64_t ms) {
  if (!default_escalation_) default_escalation_ = ms;
}

model::Routing RoutingBuilder::finish() {
  if (default_escalation_) {
    for (model::DocumentedRoute& route : routing_.routes) {
      if (!route.escalation_ms) route.escalation_ms = default_escalation_;
    }
  }
  // A route that names no channel and no time documents nothing.
  std::erase_if(routing_.routes, [](const model::DocumentedRoute& r) {
    return r.channels.empty() && !r.response_ms && !r.escalation_ms;
  });
  std::map<std::string, int> used;
  for (model::Channel& channel : routing_.channels) {
    const std::string base = receiver_name(channel);
    const int n = ++used[base];
    channel.name = n == 1 ? base : base + "-" + std::to_string(n);
  }
  return std::move(routing_);
}

}  // namespace rbc::runbook
