// Collects the channels and routes one runbook documents: channels are
// deduplicated by kind and target, routes merged by severities and
// category, and receiver names derived at the end.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "diag/source.hpp"
#include "model/routing.hpp"
#include "runbook/markdown.hpp"
#include "runbook/routing_text.hpp"

namespace rbc::runbook {

// An e-mail address listed with who reads it ("Business Stakeholders:
// business@..."), so "Email to business stakeholders" can find it.
struct EmailContact {
  std::string label;  // lower-case words of the label, space-separated
  std::string address;
};

struct RouteDraft {
  std::vector<std::string> severities;
  std::string category;
  std::vector<std::size_t> channels;
  std::optional<std::int64_t> response_ms;
  std::optional<std::int64_t> escalation_ms;
  std::string text;
  Span span;
};

class RoutingBuilder {
 public:
  RoutingBuilder(const SourceFile& source, const config::Config& config);

  const config::Config& config() const { return config_; }
  const SourceFile& source() const { return source_; }

  void add_contact(EmailContact contact) { contacts_.push_back(std::move(contact)); }

  // The channels `plain` names (all of it, or [begin, end) of it), added
  // or found; positions come from the plain text's offsets.
  std::vector<std::size_t> add_mentions(const PlainText& plain, bool loose, std::size_t begin = 0,
                                        std::size_t end = std::string::npos);

  // Adds the route, or merges it into one with the same severities and
  // category (channels joined, missing times filled).
  void add_route(RouteDraft draft);

  // "15 min: if unresolved, page secondary on-call": an escalation time for
  // every route of the page that documents none.
  void set_default_escalation(std::int64_t ms);

  model::Routing finish();

 private:
  std::size_t add_channel(Mention mention, const PlainText& plain, std::size_t base);
  void resolve_email(Mention& mention, std::string_view text) const;

  const SourceFile& source_;
  const config::Config& config_;
  std::vector<EmailContact> contacts_;
  model::Routing routing_;
  std::optional<std::int64_t> default_escalation_;
};

// Span of text[begin, end) of a plain text, from its offsets.
Span plain_span(const PlainText& plain, std::size_t begin, std::size_t end, const SourceFile& source);

}  // namespace rbc::runbook
