// The `server:` section of rbc.yaml: facts about the Prometheus server the
// rules run on (scrape and evaluation intervals, retention, external
// labels, a metrics metadata file), so checks that pint asks a live server
// about can run offline.
#include <array>
#include <filesystem>

#include "config/load_sections.hpp"
#include "promql/values.hpp"

namespace rbc::config::detail {
namespace {

constexpr std::array<std::string_view, 5> kServerKeys{"scrape_interval", "evaluation_interval", "retention",
                                                      "external_labels", "metadata"};

// A Prometheus duration ("30s", "1h30m", "15d"), greater than zero.
void read_duration(Reader& in, yaml::NodeId value, std::string_view key, std::optional<std::int64_t>& out) {
  const std::string what = "'server." + std::string(key) + "'";
  auto text = in.string(value, what);
  if (!text) return;
  std::int64_t ms = 0;
  if (auto problem = promql::parse_duration_ms(*text, ms)) {
    in.error(value, what + " must be a Prometheus duration such as 30s, 1m or 15d, not '" + *text + "'");
    return;
  }
  out = ms;
}

void read_external_labels(Reader& in, yaml::NodeId value, ServerFacts& server) {
  if (in.is_null(value)) return;
  if (!in.is_mapping(value)) {
    in.type_error(value, "'server.external_labels'", "a mapping of label name to value");
    return;
  }
  server.external_labels.clear();
  for (const yaml::KeyValue& kv : in.pairs(value, "'server.external_labels'")) {
    const std::string name(in.key_text(kv.key));
    if (!is_label_name(name)) {
      in.error(kv.key, "external label names must be label names ([a-zA-Z_][a-zA-Z0-9_]*), not '" + name + "'");
      continue;
    }
    // Label values are text; YAML numbers and booleans are taken as written.
    const yaml::NodeId resolved = in.tree().resolve(kv.value);
    if (in.is_mapping(resolved) || in.is_sequence(resolved) || in.is_null(resolved)) {
      in.type_error(kv.value, "'server.external_labels." + name + "'", "a label value");
      continue;
    }
    server.external_labels.emplace_back(name, std::string(in.tree().value(resolved)));
  }
}

void read_metadata(Reader& in, yaml::NodeId value, const std::string& root, ServerFacts& server) {
  auto text = in.string(value, "'server.metadata'");
  if (!text) return;
  if (text->front() == '/') {
    in.error(value, "'server.metadata' is relative to the rbc.yaml folder; '" + *text + "' is absolute");
    return;
  }
  server.metadata_path = (std::filesystem::path(root) / *text).lexically_normal().string();
}

}  // namespace

void read_server(Reader& in, yaml::NodeId key, yaml::NodeId value, Config& config) {
  ServerFacts& server = config.server;
  server.span = in.tree().span(key);
  if (in.is_null(value)) return;
  if (!in.is_mapping(value)) {
    in.type_error(value, "'server'", "a mapping of server facts");
    return;
  }
  for (const yaml::KeyValue& kv : in.pairs(value, "'server'")) {
    const std::string_view name = in.key_text(kv.key);
    if (name == "scrape_interval") {
      read_duration(in, kv.value, name, server.scrape_interval_ms);
    } else if (name == "evaluation_interval") {
      read_duration(in, kv.value, name, server.evaluation_interval_ms);
    } else if (name == "retention") {
      read_duration(in, kv.value, name, server.retention_ms);
    } else if (name == "external_labels") {
      read_external_labels(in, kv.value, server);
    } else if (name == "metadata") {
      read_metadata(in, kv.value, config.root, server);
    } else {
      in.unknown_key(kv.key, kServerKeys, "server");
    }
  }
}

}  // namespace rbc::config::detail
