// alertmanager.yml `receivers:`: the default receiver, then one receiver
// per documented channel, bound through rbc.yaml `receivers:` or left as
// a name-only placeholder (valid for Alertmanager, sends nothing).
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "emit/alertmanager_match.hpp"
#include "emit/alertmanager_parts.hpp"
#include "emit/alertmanager_yaml.hpp"
#include "emit/paths.hpp"

namespace rbc::emit::am {
namespace {

// The rbc.yaml integration key for a documented channel kind.
const char* kind_key(model::ChannelKind kind) {
  switch (kind) {
    case model::ChannelKind::pagerduty: return "pagerduty";
    case model::ChannelKind::slack: return "slack";
    case model::ChannelKind::email: return "email";
    case model::ChannelKind::webhook: return "webhook";
    case model::ChannelKind::opsgenie: return "opsgenie";
    case model::ChannelKind::other: break;
  }
  return "webhook";
}

const config::ReceiverBinding* find_binding(const config::Config& config, const std::string& name) {
  for (const config::ReceiverBinding& binding : config.receivers) {
    if (binding.name == name) return &binding;
  }
  return nullptr;
}

// Settings in file order; dotted keys ("http_config.basic_auth.username")
// become nested mappings, each opened once where its first key appears.
std::string integration(const config::ReceiverIntegration& in) {
  std::string out = fmt::format("    {}_configs:\n", in.kind);
  std::vector<std::string> open;  // the nested mappings written so far, as "a.b."
  bool first = true;
  for (const config::ReceiverSetting& setting : in.settings) {
    std::string_view key = setting.key;
    std::string prefix;
    int depth = 0;
    for (std::size_t dot = key.find('.'); dot != std::string_view::npos; dot = key.find('.')) {
      prefix += std::string(key.substr(0, dot + 1));
      if (std::find(open.begin(), open.end(), prefix) == open.end()) {
        open.push_back(prefix);
        out += fmt::format("      {}{}{}:\n", first && depth == 0 ? "- " : "  ", std::string(depth * 2, ' '),
                           key.substr(0, dot));
        first = false;
      }
      key.remove_prefix(dot + 1);
      ++depth;
    }
    out += fmt::format("      {}{}{}: {}\n", first ? "- " : "  ", std::string(depth * 2, ' '), key,
                       setting.text ? quote(setting.value) : setting.value);
    first = false;
  }
  return out;
}

std::string channel_receiver(const model::Project& project, const model::Channel& channel) {
  std::string out = fmt::format("  # {} channel documented at {}:{}: {}\n", kind_key(channel.kind),
                                project_relative(channel.file, project.config), channel.span.begin.line,
                                comment_text(channel.text));
  const config::ReceiverBinding* binding = find_binding(project.config, channel.name);
  if (!binding || binding->integrations.empty()) {
    out += fmt::format("  # PLACEHOLDER: sends nothing until rbc.yaml binds it, e.g. `receivers: {{{}: {{{}: ...}}}}`\n",
                       channel.name, kind_key(channel.kind));
    return out + fmt::format("  - name: {}\n", quote(channel.name));
  }
  out += fmt::format("  # bound in {}:{}\n", project_relative(project.config.path, project.config),
                     binding->span.begin.line);
  out += fmt::format("  - name: {}\n", quote(channel.name));
  for (const config::ReceiverIntegration& in : binding->integrations) out += integration(in);
  return out;
}

void report_unused_bindings(const model::Project& project, const std::set<std::string>& names, Diagnostics& diags) {
  for (const config::ReceiverBinding& binding : project.config.receivers) {
    if (names.count(binding.name)) continue;
    Diagnostic d;
    d.code = "config/invalid";
    d.severity = Severity::warning;
    d.file = project.config.path;
    d.span = binding.span;
    d.message = fmt::format("receiver '{}' in rbc.yaml binds no channel the runbooks document", binding.name);
    std::string known;
    for (const std::string& name : names) known += (known.empty() ? "" : ", ") + name;
    if (!known.empty()) d.message += " (documented: " + known + ")";
    diags.add(std::move(d));
  }
}

}  // namespace

std::string receivers_section(const model::Project& project, Diagnostics& diags) {
  std::string out = fmt::format("receivers:\n  # Catches alerts no documented route matches; sends nothing.\n"
                                "  - name: {}\n",
                                quote(kDefaultReceiver));
  std::set<std::string> names;
  for (const model::Channel& channel : project.routing.channels) {
    if (!names.insert(channel.name).second) continue;
    out += channel_receiver(project, channel);
  }
  report_unused_bindings(project, names, diags);
  return out;
}

}  // namespace rbc::emit::am
