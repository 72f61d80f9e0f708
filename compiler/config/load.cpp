// load_config: rbc.yaml -> Config. Every problem is a `config/invalid`
// diagnostic at the offending key or value; whatever could not be read
// keeps its default, so one typo does not switch off every other setting.
#include <array>
#include <filesystem>
#include <optional>
#include <system_error>

#include "config/config.hpp"
#include "config/load_sections.hpp"
#include "config/read_yaml.hpp"
#include "load/yaml_tree.hpp"

namespace rbc::config {
namespace {

using detail::Reader;

constexpr std::array<std::string_view, 11> kTopKeys{
    "severity_label", "runbook_annotations", "severities", "url_mappings", "rules", "runbooks", "checks", "build",
    "receivers", "server", "limits",
};

std::string folder_of(const std::string& path) {
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(path.empty() ? "." : path, ec);
  if (ec) abs = path;
  return abs.lexically_normal().parent_path().string();
}

void read_label_name(Reader& in, yaml::NodeId value, std::string_view what, std::string& out) {
  auto text = in.string(value, what);
  if (!text) return;
  if (!detail::is_label_name(*text)) {
    in.error(value, std::string(what) + " must be a label name ([a-zA-Z_][a-zA-Z0-9_]*), not '" + *text + "'");
    return;
  }
  out = std::move(*text);
}

void read_annotations(Reader& in, yaml::NodeId value, Config& config) {
  if (!in.is_sequence(value)) {
    in.type_error(value, "'runbook_annotations'", "a list of annotation names");
    return;
  }
  std::vector<std::string> names;
  for (yaml::NodeId item : in.tree().items(in.tree().resolve(value))) {
    std::string name;
    read_label_name(in, item, "each entry of 'runbook_annotations'", name);
    if (!name.empty()) names.push_back(std::move(name));
  }
  config.runbook_annotations = std::move(names);
}

// `rules:` / `runbooks:`: paths or globs relative to the rbc.yaml folder.
void read_paths(Reader& in, yaml::NodeId value, std::string_view key, std::vector<std::string>& out) {
  const std::string what = "'" + std::string(key) + "'";
  if (!in.is_sequence(value)) {
    in.type_error(value, what, "a list of paths or globs");
    return;
  }
  std::vector<std::string> paths;
  for (yaml::NodeId item : in.tree().items(in.tree().resolve(value))) {
    auto text = in.string(item, "each entry of " + what);
    if (!text) continue;
    if (text->front() == '/') {
      in.error(item, "entries of " + what + " are relative to the rbc.yaml folder; '" + *text + "' is absolute");
      continue;
    }
    paths.push_back(std::move(*text));
  }
  out = std::move(paths);
}

void read_top_level(Reader& in, yaml::NodeId root, Config& config) {
  // Receivers are read last: their secret file references use build.secrets_dir.
  std::optional<yaml::NodeId> receivers;
  for (const yaml::KeyValue& kv : in.pairs(root, "rbc.yaml")) {
    const std::string_view key = in.key_text(kv.key);
    if (key == "severity_label") {
      read_label_name(in, kv.value, "'severity_label'", config.severity_label);
    } else if (key == "runbook_annotations") {
      read_annotations(in, kv.value, config);
    } else if (key == "severities") {
      detail::read_severities(in, kv.value, config);
    } else if (key == "url_mappings") {
      detail::read_url_mappings(in, kv.value, config);
    } else if (key == "rules") {
      read_paths(in, kv.value, key, config.rule_paths);
    } else if (key == "runbooks") {
      read_paths(in, kv.value, key, config.runbook_paths);
    } else if (key == "checks") {
      detail::read_checks(in, kv.value, config);
    } else if (key == "build") {
      detail::read_build(in, kv.value, config.build);
    } else if (key == "receivers") {
      receivers = kv.value;
    } else if (key == "server") {
      detail::read_server(in, kv.key, kv.value, config);
    } else if (key == "limits") {
      detail::read_limits(in, kv.value, config.limits);
    } else {
      in.unknown_key(kv.key, kTopKeys, "");
    }
  }
  if (receivers) detail::read_receivers(in, *receivers, config);
}

void report_at(const SourceFile& source, std::size_t offset, std::string message, Diagnostics& diags) {
  Diagnostic d;
  d.code = "config/invalid";
  d.file = source.path();
  const Position at = source.position_at(offset);
  d.span = {at, {at.line, at.column + 1}};
  d.message = std::move(message);
  diags.add(std::move(d));
}

}  // namespace

Config load_config(const SourceFile& source, Diagnostics& diags) {
  Config config = default_config();
  config.path = source.path();
  config.root = folder_of(source.path());

  const yaml::ParseResult parsed = yaml::parse(source);
  if (parsed.error) {
    // A half-read tree would give half a configuration: use the defaults.
    std::string message = "rbc.yaml is not valid YAML: " + parsed.error->message;
    const Position at = source.position_at(parsed.error->offset);
    if (source.line_text(at.line).find('\t') != std::string_view::npos) {
      message += "; YAML does not allow tabs for indentation: use spaces";
    }
    report_at(source, parsed.error->offset, std::move(message), diags);
    return config;
  }
  const yaml::Tree& tree = parsed.tree;
  const auto& docs = tree.documents();
  if (docs.size() > 1) {
    report_at(source, tree.document_ends()[0], "rbc.yaml must hold one YAML document; the others are ignored",
              diags);
  }
  if (docs.empty() || docs[0] == yaml::kNoNode) return config;  // empty file: all defaults
  Reader in(tree, diags);
  const yaml::NodeId root = docs[0];
  if (in.is_null(root)) return config;
  if (!in.is_mapping(root)) {
    in.type_error(root, "rbc.yaml", "a mapping of settings");
    return config;
  }
  read_top_level(in, root, config);
  return config;
}

}  // namespace rbc::config
