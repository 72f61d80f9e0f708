// read_routing: walks the page's top-level blocks with the heading path in
// hand and reads three shapes of routing documentation:
//  - route sections: a heading naming a severity or an alert category
//    ("### Critical", "### Warning Alerts (Slack)", "### Business Alerts")
//    whose body has Channel / Response Time / Escalation fields;
//  - channel lists under a contact/notification/escalation heading
//    ("- **#cryptofunk-trading**: Trading-specific alerts",
//    "- Operations: ops@example.com");
//  - tables with a Severity column and a channel, response or escalation
//    column, and escalation matrices (| Time | Action |).
#include "runbook/routing.hpp"

#include <cmark-gfm.h>

#include <algorithm>
#include <exception>

#include "runbook/fields.hpp"
#include "runbook/front_matter.hpp"
#include "runbook/routing_steps.hpp"

namespace rbc::runbook {

namespace {

bool any_word(std::string_view text, std::initializer_list<std::string_view> wanted) {
  for (const std::string& w : words_of(text)) {
    if (std::find(wanted.begin(), wanted.end(), w) != wanted.end()) return true;
  }
  return false;
}

// The file with BOM and front matter blanked, so cmark positions are file
// positions (as read.cpp does).
std::string markdown_text(const SourceFile& source) {
  std::string text = source.text();
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.replace(0, 3, "   ");
  Diagnostics ignored;  // read_runbook reports front matter problems
  const FrontMatter fm = read_front_matter(source, ignored);
  if (fm.present) {
    for (std::size_t i = fm.begin; i < fm.end && i < text.size(); ++i) {
      if (text[i] != '\n') text[i] = ' ';
    }
  }
  return text;
}

// "Label: value" or "label - value" of a list item or a line.
struct Split {
  bool found = false;
  std::size_t label_end = 0;
  std::size_t value_begin = 0;
};

Split split_label(std::string_view text) {
  Split s;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') break;
    const bool colon = text[i] == ':' && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n');
    if (!colon) continue;
    const std::size_t words = words_of(text.substr(0, i)).size();
    if (words == 0 || words > 6) break;
    return {true, i, std::min(i + 1, text.size())};
  }
  for (std::string_view dash : {" - ", " \u2013 ", " \u2014 "}) {
    const std::size_t at = text.find(dash);
    if (at != std::string_view::npos && at > 0 && words_of(text.substr(0, at)).size() <= 6) {
      return {true, at, at + dash.size()};
    }
  }
  return s;
}

struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;
  Split split;
  RouteLabel kind = RouteLabel::none;
};

std::vector<Line> lines_of(const PlainText& plain) {
  std::vector<Line> lines;
  const std::string& t = plain.text;
  for (std::size_t begin = 0; begin <= t.size();) {
    std::size_t end = t.find('\n', begin);
    if (end == std::string::npos) end = t.size();
    Line line{begin, end, {}, RouteLabel::none};
    const std::string_view text = std::string_view(t).substr(begin, end - begin);
    const std::size_t colon = text.find(':');
    if (colon != std::string_view::npos && words_of(text.substr(0, colon)).size() <= 4) {
      line.split = {true, begin + colon, begin + colon + 1};
      line.kind = classify_route_label(text.substr(0, colon));
    }
    lines.push_back(line);
    begin = end + 1;
  }
  return lines;
}

// Every paragraph under the blocks, in document order (lists and quotes
// included), walked without recursion.
std::vector<cmark_node*> paragraphs_in(const std::vector<cmark_node*>& blocks) {
  std::vector<cmark_node*> out;
  for (cmark_node* block : blocks) {
    cmark_iter* iter = cmark_iter_new(block);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (ev == CMARK_EVENT_ENTER && kind_of(node) == NodeKind::paragraph) out.push_back(node);
    }
    cmark_iter_free(iter);
  }
  return out;
}

// What a heading says about the alerts its section routes.
struct HeadingRoute {
  bool candidate = false;
  std::vector<std::string> severities;
  std::vector<std::string> categories;
  std::size_t paren_begin = 0;  // "(PagerDuty)" part of the heading
  std::size_t paren_end = 0;
};

HeadingRoute judge_heading(const PlainText& heading, const config::Config& config) {
  HeadingRoute h;
  const std::string outside = outside_brackets(heading.text);
  h.severities = config::severity_values(config, outside);
  h.categories = category_values(config, outside);
  const bool alert_word = any_word(outside, {"alert", "alerts", "notifications", "incidents"});
  const std::size_t content = words_of(outside).size();
  if (content > 6 || h.categories.size() > 1) return h;
  h.candidate = (!h.severities.empty() && (h.categories.empty() || alert_word)) ||
                (h.severities.empty() && alert_word && h.categories.size() == 1);
  const std::size_t open = heading.text.find('(');
  const std::size_t close = heading.text.find(')', open == std::string::npos ? 0 : open);
  if (open != std::string::npos && close != std::string::npos) {
    h.paren_begin = open + 1;
    h.paren_end = close;
  }
  return h;
}

struct SectionBody {
  std::vector<PlainText> paragraphs;
  bool alert_section = false;  // has a Severity field: an alert, not a route
  bool routing_field = false;
  bool channel_field = false;
};

SectionBody read_body(const std::vector<cmark_node*>& blocks, const SourceFile& source) {
  SectionBody body;
  for (cmark_node* para : paragraphs_in(blocks)) {
    body.paragraphs.push_back(plain_text(para, source));
    for (const Line& line : lines_of(body.paragraphs.back())) {
      body.alert_section = body.alert_section || line.kind == RouteLabel::severity;
      body.routing_field = body.routing_field || (line.kind != RouteLabel::none && line.kind != RouteLabel::severity);
      body.channel_field = body.channel_field || line.kind == RouteLabel::channel;
    }
  }
  return body;
}

// Reads a route section; false when the section is not one.
bool read_route_section(const PlainText& heading, Span heading_span, const std::vector<cmark_node*>& blocks,
                        RoutingBuilder& builder) {
  const HeadingRoute h = judge_heading(heading, builder.config());
  if (!h.candidate) return false;
  const SectionBody body = read_body(blocks, builder.source());
  if (body.alert_section || !body.routing_field) return false;
  RouteDraft draft;
  draft.severities = h.severities;
  draft.text = heading.text;
  draft.span = heading_span;
  std::optional<std::int64_t> prose_escalation;
  for (const PlainText& para : body.paragraphs) {
    for (const Line& line : lines_of(para)) {
      const std::string_view text = std::string_view(para.text).substr(line.begin, line.end - line.begin);
      const std::size_t value = line.split.value_begin;
      if (line.kind == RouteLabel::channel) {
        for (std::size_t c : builder.add_mentions(para, true, value, line.end)) draft.channels.push_back(c);
      } else if (line.kind == RouteLabel::response) {
        if (!draft.response_ms) draft.response_ms = duration_ms(para.text.substr(value, line.end - value), true);
      } else if (line.kind == RouteLabel::escalation) {
        if (!draft.escalation_ms) draft.escalation_ms = duration_ms(para.text.substr(value, line.end - value), false);
      } else {
        // "Escalate to on-call engineer if not resolved within 30 minutes".
        if (!prose_escalation && text.find("scalat") != std::string_view::npos) {
          prose_escalation = duration_ms(text, false);
        }
        // "Check alert details in Slack #cryptofunk-critical".
        if (!body.channel_field) {
          for (std::size_t c : builder.add_mentions(para, false, line.begin, line.end)) draft.channels.push_back(c);
        }
      }
    }
  }
  if (!body.channel_field && draft.channels.empty() && h.paren_end > h.paren_begin) {
    draft.channels = builder.add_mentions(heading, true, h.paren_begin, h.paren_end);
  }
  if (!draft.escalation_ms) draft.escalation_ms = prose_escalation;
  const std::vector<std::string> categories = h.categories.empty() ? std::vector<std::string>{""} : h.categories;
  for (const std::string& category : categories) {
    RouteDraft copy = draft;
    copy.category = category;
    builder.add_route(std::move(copy));
  }
  return true;
}

// One list item of a channel list: a channel and who it is for.
void read_channel_item(const PlainText& item, Span span, RoutingBuilder& builder) {
  const config::Config& config = builder.config();
  const Split split = split_label(item.text);
  std::vector<std::size_t> channels;
  std::string desc;
  if (!split.found) {
    // Prose ("On-call engineer receives PagerDuty alert for critical
    // issues"): its severity counts, with the channel names blanked out
    // ("#cryptofunk-critical" is no severity); its other words are no
    // category.
    desc = item.text;
    const std::vector<Mention> mentions = find_mentions(item.text, false);
    for (const Mention& m : mentions) {
      std::fill(desc.begin() + static_cast<std::ptrdiff_t>(m.begin), desc.begin() + static_cast<std::ptrdiff_t>(m.end), ' ');
    }
    // A sentence names a channel in passing ("a Slack or PagerDuty
    // issue"); it documents a route only when it says which alerts.
    if (mentions.empty() || !speaks_of_alerts(desc) || config::severity_values(config, desc).empty()) return;
    channels = builder.add_mentions(item, false);
  } else {
    const std::string label = item.text.substr(0, split.label_end);
    const std::string value = item.text.substr(split.value_begin);
    if (!find_mentions(label, false).empty()) {
      channels = builder.add_mentions(item, false, 0, split.label_end);
      desc = value;
    } else {
      // "Critical: PagerDuty and Slack" says where alerts go; "Team Lead:
      // Slack" names a person's handle, so only concrete channels count.
      const bool route_label = !config::severity_values(config, label).empty();
      channels = builder.add_mentions(item, route_label, split.value_begin);
      desc = label;
    }
  }
  if (channels.empty()) return;
  RouteDraft draft;
  draft.severities = config::severity_values(config, desc);
  if (draft.severities.empty() && !speaks_of_alerts(desc)) return;
  draft.channels = channels;
  draft.text = item.text;
  draft.span = span;
  std::vector<std::string> categories;
  if (split.found) categories = category_values(config, desc);
  if (categories.empty()) categories.emplace_back();
  for (const std::string& category : categories) {
    RouteDraft copy = draft;
    copy.category = category;
    builder.add_route(std::move(copy));
  }
}

// The first paragraph of every item of a list, nested lists included.
std::vector<cmark_node*> item_paragraphs(cmark_node* list) {
  std::vector<cmark_node*> out;
  cmark_iter* iter = cmark_iter_new(list);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (ev != CMARK_EVENT_ENTER || kind_of(node) != NodeKind::item) continue;
    cmark_node* first = cmark_node_first_child(node);
    if (first && kind_of(first) == NodeKind::paragraph) out.push_back(first);
  }
  cmark_iter_free(iter);
  return out;
}

// "Business Stakeholders: business@..." anywhere in the page's lists.
void collect_contacts(cmark_node* root, RoutingBuilder& builder) {
  for (cmark_node* para : item_paragraphs(root)) {
    const PlainText item = plain_text(para, builder.source());
    const Split split = split_label(item.text);
    if (!split.found) continue;
    const std::string label = item.text.substr(0, split.label_end);
    const std::string value = item.text.substr(split.value_begin);
    const bool label_has = !find_mentions(label, false).empty();
    for (const Mention& m : find_mentions(label_has ? label : value, false)) {
      if (m.kind != model::ChannelKind::email) continue;
      std::string words;
      for (const std::string& w : words_of(outside_brackets(label_has ? value : label))) {
        words += (words.empty() ? "" : " ") + w;
      }
      builder.add_contact({words, m.target});
    }
  }
}

struct OpenHeading {
  int level;
  bool routing_context;
  bool escalation;
};

model::Routing read(const SourceFile& source, const config::Config& config) {
  const MarkdownDoc doc(markdown_text(source));
  RoutingBuilder builder(source, config);
  collect_contacts(doc.root(), builder);
  std::vector<cmark_node*> blocks;
  for (cmark_node* n = cmark_node_first_child(doc.root()); n; n = cmark_node_next(n)) blocks.push_back(n);
  std::vector<OpenHeading> path;
  std::size_t consumed_until = 0;  // blocks of a route section's body
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    cmark_node* block = blocks[b];
    const NodeKind kind = kind_of(block);
    const bool in_context = std::any_of(path.begin(), path.end(), [](const OpenHeading& h) { return h.routing_context; });
    const bool escalation = std::any_of(path.begin(), path.end(), [](const OpenHeading& h) { return h.escalation; });
    if (kind == NodeKind::heading) {
      const int level = cmark_node_get_heading_level(block);
      while (!path.empty() && path.back().level >= level) path.pop_back();
      const PlainText text = plain_text(block, source);
      path.push_back({level, routing_context_heading(text.text), any_word(text.text, {"escalation", "escalations"})});
      std::size_t end = b + 1;
      while (end < blocks.size() && kind_of(blocks[end]) != NodeKind::heading) ++end;
      const std::vector<cmark_node*> body(blocks.begin() + static_cast<std::ptrdiff_t>(b + 1),
                                          blocks.begin() + static_cast<std::ptrdiff_t>(end));
      if (read_route_section(text, node_span(block), body, builder)) consumed_until = end;
    } else if (kind == NodeKind::table) {
      read_routing_table(block, escalation, builder);
    } else if (kind == NodeKind::list && b >= consumed_until && in_context) {
      for (cmark_node* para : item_paragraphs(block)) {
        read_channel_item(plain_text(para, source), node_span(para), builder);
      }
    }
  }
  return builder.finish();
}

}  // namespace

RouteLabel classify_route_label(std::string_view label) {
  if (any_word(label, {"escalation", "escalate", "escalates", "escalated"})) return RouteLabel::escalation;
  if (any_word(label, {"response", "sla", "ack", "acknowledge", "acknowledgement", "respond"})) {
    return RouteLabel::response;
  }
  if (any_word(label, {"channel", "channels", "notification", "notifications", "notify", "notified", "route",
                       "routed", "routing", "receiver", "receivers", "destination", "destinations", "where",
                       "sent", "delivery", "delivered"})) {
    return RouteLabel::channel;
  }
  if (classify_label(label) == LabelKind::severity || any_word(label, {"severity", "priority", "sev"})) {
    return RouteLabel::severity;
  }
  return RouteLabel::none;
}

bool routing_context_heading(std::string_view heading) {
  const std::vector<std::string> words = words_of(heading);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "on" && i + 1 < words.size() && words[i + 1] == "call") return true;
    static constexpr std::string_view kWords[] = {
        "channel", "channels", "notification", "notifications", "notify", "contact", "contacts",
        "escalation", "escalations", "routing", "routes", "oncall", "slack", "email", "pagerduty",
        "receiver", "receivers", "paging", "opsgenie"};
    if (std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords)) return true;
  }
  return false;
}

model::Routing read_routing(const SourceFile& source, const config::Config& config) {
  try {
    return read(source, config);
  } catch (const std::exception&) {
    // Routing is documentation we read when we can; a page we cannot read
    // documents none (read_runbook reports the page's real problems).
    return {};
  }
}

}  // namespace rbc::runbook
