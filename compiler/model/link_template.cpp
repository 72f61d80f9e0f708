#include "model/link_template.hpp"

#include <optional>

namespace rbc::model {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// The inside of "{{ … }}" without trim markers ("{{- x -}}" -> "x").
std::string_view action_body(std::string_view inner) {
  if (inner.starts_with("- ") || inner == "-") inner.remove_prefix(1);
  if (inner.ends_with(" -")) inner.remove_suffix(1);
  return trim(inner);
}

bool is_label_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name)
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return !(name[0] >= '0' && name[0] <= '9');
}

// The label an action reads, for the forms `$labels.x`, `.Labels.x`,
// `index $labels "x"` and `index .Labels "x"`; nullopt for anything else.
std::optional<std::string_view> label_reference(std::string_view body) {
  for (std::string_view prefix : {"$labels.", ".Labels."}) {
    if (body.starts_with(prefix) && is_label_name(body.substr(prefix.size()))) return body.substr(prefix.size());
  }
  for (std::string_view prefix : {"index $labels \"", "index .Labels \""}) {
    if (!body.starts_with(prefix) || !body.ends_with('"')) continue;
    const std::string_view name = body.substr(prefix.size(), body.size() - prefix.size() - 1);
    if (is_label_name(name)) return name;
  }
  return std::nullopt;
}

// Anywhere in the action (pipelines such as `$labels.alertname | toLower`
// included): its value starts from the always-empty alertname.
bool reads_alertname(std::string_view body) {
  for (std::string_view ref : {"$labels.alertname", ".Labels.alertname", "$labels \"alertname\"",
                               ".Labels \"alertname\""}) {
    const std::size_t at = body.find(ref);
    if (at == std::string_view::npos) continue;
    const std::size_t end = at + ref.size();
    if (end == body.size() || !is_label_name(body.substr(end, 1))) return true;
  }
  return false;
}

}  // namespace

LinkExpansion expand_link_template(std::string_view link, const LinkContext& context) {
  LinkExpansion out;
  // Jsonnet placeholders ("[[ .RunbookURL ]]") are filled in by a build step rbc does not run.
  if (link.find("[[") != std::string_view::npos && link.find("]]") != std::string_view::npos) {
    out.outcome = ExpansionOutcome::unknown;
    out.text = link;
    return out;
  }
  bool alertname = false;
  bool unknown = false;
  std::size_t pos = 0;
  while (pos < link.size()) {
    const std::size_t open = link.find("{{", pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = link.find("}}", open + 2);
    out.text += link.substr(pos, open - pos);
    out.with_alert_name += link.substr(pos, open - pos);
    if (close == std::string_view::npos) {  // unterminated action: the template check reports it
      unknown = true;
      pos = link.size();
      break;
    }
    if (out.outcome == ExpansionOutcome::plain) out.outcome = ExpansionOutcome::expanded;
    const std::string_view body = action_body(link.substr(open + 2, close - open - 2));
    if (reads_alertname(body)) {
      alertname = true;
      out.with_alert_name += context.alert_name;
    } else if (auto label = label_reference(body)) {
      const auto value = context.labels.find(*label);
      if (value == context.labels.end() || value->second.find("{{") != std::string::npos) {
        unknown = true;
      } else {
        out.text += value->second;
        out.with_alert_name += value->second;
      }
    } else {
      unknown = true;
    }
    pos = close + 2;
  }
  if (pos < link.size()) {
    out.text += link.substr(pos);
    out.with_alert_name += link.substr(pos);
  }
  if (alertname) {
    out.outcome = ExpansionOutcome::empty_alertname;
  } else if (unknown) {
    out.outcome = ExpansionOutcome::unknown;
  }
  if (out.outcome == ExpansionOutcome::plain) out.text = link;
  return out;
}

}  // namespace rbc::model
