// The `build:` section of rbc.yaml: what `rbc build` emits and where.
#include <array>

#include "config/load_sections.hpp"

namespace rbc::config::detail {
namespace {

constexpr std::array<std::string_view, 6> kBuildKeys{"out",          "site_url", "normalize_severity",
                                                     "rules_format", "inhibit",  "secrets_dir"};

void read_choice(Reader& in, yaml::NodeId value, std::string_view what,
                 std::initializer_list<std::string_view> choices, std::string& out) {
  auto text = in.string(value, what);
  if (!text) return;
  for (std::string_view choice : choices) {
    if (*text == choice) {
      out = std::move(*text);
      return;
    }
  }
  std::string list;
  for (std::string_view choice : choices) list += (list.empty() ? "'" : ", '") + std::string(choice) + "'";
  in.error(value, std::string(what) + " must be one of " + list + ", not '" + *text + "'");
}

// Alertmanager 0.25 does not resolve these paths against its config folder
// for every integration, so only an absolute folder means one thing.
void read_secrets_dir(Reader& in, yaml::NodeId value, std::string& out) {
  auto text = in.string(value, "'build.secrets_dir'");
  if (!text) return;
  if (text->front() != '/') {
    in.error(value, "'build.secrets_dir' must be an absolute folder on the Alertmanager host, not '" + *text + "'");
    return;
  }
  while (text->size() > 1 && text->back() == '/') text->pop_back();
  out = std::move(*text);
}

}  // namespace

void read_build(Reader& in, yaml::NodeId value, BuildSettings& build) {
  if (in.is_null(value)) return;
  if (!in.is_mapping(value)) {
    in.type_error(value, "'build'", "a mapping of build settings");
    return;
  }
  for (const yaml::KeyValue& kv : in.pairs(value, "'build'")) {
    const std::string_view key = in.key_text(kv.key);
    if (key == "out") {
      if (auto text = in.string(kv.value, "'build.out'")) build.out = std::move(*text);
    } else if (key == "site_url") {
      if (auto text = in.string(kv.value, "'build.site_url'", true)) build.site_url = std::move(*text);
    } else if (key == "normalize_severity") {
      if (auto flag = in.boolean(kv.value, "'build.normalize_severity'")) build.normalize_severity = *flag;
    } else if (key == "rules_format") {
      read_choice(in, kv.value, "'build.rules_format'", {"keep", "prometheus"}, build.rules_format);
    } else if (key == "inhibit") {
      if (auto flag = in.boolean(kv.value, "'build.inhibit'")) build.inhibit = *flag;
    } else if (key == "secrets_dir") {
      read_secrets_dir(in, kv.value, build.secrets_dir);
    } else {
      in.unknown_key(kv.key, kBuildKeys, "build");
    }
  }
}

}  // namespace rbc::config::detail
