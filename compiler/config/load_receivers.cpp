// The `receivers:` section of rbc.yaml: how each documented channel is
// delivered by Alertmanager 0.25. Secrets reach the generated
// alertmanager.yml only as file references (`*_file` keys): an inline
// secret is reported and replaced by a reference to a file under
// build.secrets_dir, which the operator fills; its value is never kept.
#include <algorithm>
#include <array>

#include "config/load_sections.hpp"
#include "config/receiver_secrets.hpp"

namespace rbc::config::detail {
namespace {

enum class ValueType { text, flag, number };

struct KeySpec {
  std::string_view key;
  ValueType type = ValueType::text;
};

struct KindSpec {
  std::string_view kind;
  std::vector<KeySpec> keys;                // settings passed through
  std::vector<SecretSpec> secrets;          // inline secrets: reported, never copied
  std::vector<std::string_view> required;   // one of these must be set ("" = none)
  std::string_view required_hint;
};

const std::vector<KindSpec>& kinds() {
  static const std::vector<KindSpec> specs{
      {"pagerduty",
       {{"routing_key_file"}, {"service_key_file"}, {"url"}, {"client"}, {"client_url"}, {"description"},
        {"severity"}, {"class"}, {"component"}, {"group"}, {"send_resolved", ValueType::flag}},
       {{"routing_key", "routing_key_file"}, {"service_key", "service_key_file"}},
       {"routing_key_file", "service_key_file"},
       "'routing_key_file' (Events API v2) or 'service_key_file'"},
      {"slack",
       {{"api_url_file"}, {"channel"}, {"username"}, {"color"}, {"title"}, {"title_link"}, {"pretext"},
        {"text"}, {"footer"}, {"icon_emoji"}, {"icon_url"}, {"send_resolved", ValueType::flag},
        {"link_names", ValueType::flag}, {"short_fields", ValueType::flag}},
       {{"api_url", "api_url_file"}},
       {"api_url_file"},
       "'api_url_file'"},
      {"email",
       {{"to"}, {"from"}, {"smarthost"}, {"hello"}, {"auth_username"}, {"auth_password_file"},
        {"auth_identity"}, {"require_tls", ValueType::flag}, {"send_resolved", ValueType::flag}},
       {{"auth_password", "auth_password_file"}, {"auth_secret", ""}},
       {"to"},
       "'to'"},
      {"opsgenie",
       {{"api_key_file"}, {"api_url"}, {"message"}, {"description"}, {"source"}, {"tags"}, {"note"},
        {"priority"}, {"entity"}, {"actions"}, {"send_resolved", ValueType::flag}},
       {{"api_key", "api_key_file"}},
       {"api_key_file"},
       "'api_key_file'"},
      {"webhook",
       {{"url"}, {"send_resolved", ValueType::flag}, {"max_alerts", ValueType::number}},
       {},
       {"url"},
       "'url'"},
  };
  return specs;
}

const KindSpec* find_kind(std::string_view kind) {
  for (const KindSpec& spec : kinds())
    if (spec.kind == kind) return &spec;
  return nullptr;
}

bool is_number(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<ReceiverSetting> read_setting(Reader& in, yaml::NodeId value, const KeySpec& spec,
                                            const std::string& what) {
  if (spec.type == ValueType::flag) {
    auto flag = in.boolean(value, what);
    if (!flag) return std::nullopt;
    return ReceiverSetting{std::string(spec.key), *flag ? "true" : "false", false};
  }
  if (spec.type == ValueType::number) {
    const std::string_view text = in.tree().value(in.tree().resolve(value));
    if (in.kind_name(value) != "a number" || !is_number(text)) {
      in.type_error(value, what, "a whole number");
      return std::nullopt;
    }
    return ReceiverSetting{std::string(spec.key), std::string(text), false};
  }
  auto text = in.string(value, what);
  if (!text) return std::nullopt;
  return ReceiverSetting{std::string(spec.key), std::move(*text), true};
}

std::vector<std::string_view> known_keys(const KindSpec& spec) {
  std::vector<std::string_view> keys;
  for (const KeySpec& key : spec.keys) keys.push_back(key.key);
  for (const SecretSpec& secret : spec.secrets) keys.push_back(secret.key);
  return keys;
}

bool has_key(const Reader& in, const std::vector<yaml::KeyValue>& pairs, std::string_view key) {
  return !key.empty() && std::any_of(pairs.begin(), pairs.end(),
                                     [&](const yaml::KeyValue& kv) { return in.key_text(kv.key) == key; });
}

// One `<kind>: {settings}` entry. Returns false when it cannot be emitted.
bool read_integration(Reader& in, const yaml::KeyValue& entry, const KindSpec& spec, const std::string& name,
                      const std::string& secrets_dir, ReceiverIntegration& out) {
  const SecretContext context{secrets_dir, name, spec.kind};
  const std::string where = "'receivers." + name + "." + std::string(spec.kind) + "'";
  if (!in.is_mapping(entry.value)) {
    in.type_error(entry.value, where, "a mapping of " + std::string(spec.kind) + " settings");
    return false;
  }
  out.kind = std::string(spec.kind);
  const std::vector<std::string_view> keys = known_keys(spec);
  const std::vector<yaml::KeyValue> pairs = in.pairs(entry.value, where);
  for (const yaml::KeyValue& kv : pairs) {
    const std::string_view key = in.key_text(kv.key);
    const auto secret = std::find_if(spec.secrets.begin(), spec.secrets.end(),
                                     [&](const SecretSpec& s) { return s.key == key; });
    if (secret != spec.secrets.end()) {
      replace_inline_secret(in, kv, *secret, where, has_key(in, pairs, secret->file_key), context, out);
      continue;
    }
    const auto spec_key = std::find_if(spec.keys.begin(), spec.keys.end(),
                                       [&](const KeySpec& k) { return k.key == key; });
    if (spec_key == spec.keys.end()) {
      in.unknown_key(kv.key, keys, where);
      continue;
    }
    if (auto setting = read_setting(in, kv.value, *spec_key, where.substr(0, where.size() - 1) + "." +
                                                                  std::string(key) + "'")) {
      std::vector<ReceiverSetting> auth;
      if (setting->key == "url" || setting->key == "api_url") auth = move_url_credentials(in, kv, context, *setting);
      out.settings.push_back(std::move(*setting));
      for (ReceiverSetting& extra : auth) out.settings.push_back(std::move(extra));
    }
  }
  const bool has_required = std::any_of(spec.required.begin(), spec.required.end(), [&](std::string_view key) {
    return std::any_of(out.settings.begin(), out.settings.end(),
                       [&](const ReceiverSetting& s) { return s.key == key; });
  });
  if (!has_required) {
    in.error(entry.key, where + " needs " + std::string(spec.required_hint) +
                            "; the channel keeps a placeholder receiver");
    return false;
  }
  return true;
}

void read_receiver(Reader& in, const yaml::KeyValue& kv, Config& config) {
  ReceiverBinding binding;
  binding.name = std::string(in.key_text(kv.key));
  binding.span = in.tree().span(kv.key);
  const std::string where = "'receivers." + binding.name + "'";
  std::vector<std::string_view> kind_names;
  for (const KindSpec& spec : kinds()) kind_names.push_back(spec.kind);
  if (!in.is_mapping(kv.value)) {
    in.type_error(kv.value, where, "a mapping such as {slack: {api_url_file: ..., channel: '#alerts'}}");
  } else {
    for (const yaml::KeyValue& entry : in.pairs(kv.value, where)) {
      const KindSpec* spec = find_kind(in.key_text(entry.key));
      if (!spec) {
        in.unknown_key(entry.key, kind_names, where);
        continue;
      }
      ReceiverIntegration integration;
      if (read_integration(in, entry, *spec, binding.name, config.build.secrets_dir, integration)) {
        binding.integrations.push_back(std::move(integration));
      }
    }
  }
  config.receivers.push_back(std::move(binding));
}

}  // namespace

void read_receivers(Reader& in, yaml::NodeId node, Config& config) {
  if (in.is_null(node)) return;
  if (!in.is_mapping(node)) {
    in.type_error(node, "'receivers'", "a mapping of channel receiver names to their integrations");
    return;
  }
  for (const yaml::KeyValue& kv : in.pairs(node, "'receivers'")) read_receiver(in, kv, config);
}

}  // namespace rbc::config::detail
