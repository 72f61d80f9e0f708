// Documented routing as JSON and as text.
#include "report/routing_json.hpp"

namespace rbc::report {

namespace {

void write_position(JsonWriter& out, const std::string& file, const Span& span) {
  out.key("file").value(file);
  out.key("line").value(static_cast<std::int64_t>(span.begin.line));
  out.key("column").value(static_cast<std::int64_t>(span.begin.column));
}

void write_ms(JsonWriter& out, std::string_view key, const std::optional<std::int64_t>& ms) {
  out.key(key);
  if (ms) {
    out.value(*ms);
  } else {
    out.null();
  }
}

std::string where(const std::string& file, const Span& span) {
  return file + ":" + std::to_string(span.begin.line) + ":" + std::to_string(span.begin.column);
}

std::string channel_name(const model::Routing& routing, std::size_t index) {
  return index < routing.channels.size() ? routing.channels[index].name : "?";
}

}  // namespace

std::string duration_text(std::int64_t ms) {
  if (ms == 0) return "0s";
  std::string out;
  const std::pair<std::int64_t, const char*> units[] = {
      {604800000, "w"}, {86400000, "d"}, {3600000, "h"}, {60000, "m"}, {1000, "s"}, {1, "ms"}};
  for (const auto& [size, name] : units) {
    if (ms >= size) {
      out += std::to_string(ms / size) + name;
      ms %= size;
    }
  }
  return out;
}

void write_routing(JsonWriter& out, const model::Routing& routing) {
  out.begin_object();
  out.key("channels").begin_array();
  for (const model::Channel& c : routing.channels) {
    out.begin_object();
    out.key("name").value(c.name);
    out.key("kind").value(model::channel_kind_text(c.kind));
    out.key("target").value(c.target);
    out.key("text").value(c.text);
    write_position(out, c.file, c.span);
    out.end_object();
  }
  out.end_array();
  out.key("routes").begin_array();
  for (const model::DocumentedRoute& r : routing.routes) {
    out.begin_object();
    out.key("severities").begin_array();
    for (const std::string& s : r.severities) out.value(s);
    out.end_array();
    out.key("category").value(r.category);
    out.key("channels").begin_array();
    for (std::size_t c : r.channels) out.value(channel_name(routing, c));
    out.end_array();
    write_ms(out, "response_ms", r.response_ms);
    write_ms(out, "escalation_ms", r.escalation_ms);
    out.key("text").value(r.text);
    write_position(out, r.file, r.span);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

std::string routing_text(const model::Routing& routing) {
  std::string out;
  for (const model::Channel& c : routing.channels) {
    out += "channel " + c.name + ": " + model::channel_kind_text(c.kind);
    if (!c.target.empty()) out += " " + c.target;
    out += " (" + where(c.file, c.span) + ")\n";
  }
  for (const model::DocumentedRoute& r : routing.routes) {
    std::string severities;
    for (const std::string& s : r.severities) severities += (severities.empty() ? "" : ",") + s;
    out += "route " + (severities.empty() ? std::string("any") : severities);
    if (!r.category.empty()) out += " category=" + r.category;
    out += " ->";
    for (std::size_t c : r.channels) out += " " + channel_name(routing, c);
    if (r.channels.empty()) out += " (no channel)";
    if (r.response_ms) out += "; response " + duration_text(*r.response_ms);
    if (r.escalation_ms) out += "; escalation " + duration_text(*r.escalation_ms);
    out += " (" + where(r.file, r.span) + ")\n";
  }
  return out;
}

}  // namespace rbc::report
