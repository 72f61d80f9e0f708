// The baseline file: JSON written with rbc's JSON writer, read back with
// rbc's YAML reader (JSON is YAML), so no second parser is needed.
#include <charconv>

#include "load/yaml_tree.hpp"
#include "report/json_writer.hpp"
#include "suppress/baseline.hpp"

namespace rbc::suppress {
namespace {

constexpr std::int64_t kVersion = 1;

void optional_field(JsonWriter& json, std::string_view key, const std::string& value) {
  if (!value.empty()) json.key(key).value(value);
}

std::string text_of(const yaml::Tree& tree, yaml::NodeId mapping, std::string_view key) {
  const yaml::NodeId node = tree.find(mapping, key);
  if (node == yaml::kNoNode) return {};
  const yaml::NodeId value = tree.resolve(node);
  return tree.node(value).kind == yaml::NodeKind::scalar ? std::string(tree.value(value)) : std::string();
}

std::optional<std::size_t> count_of(const yaml::Tree& tree, yaml::NodeId mapping) {
  const std::string text = text_of(tree, mapping, "count");
  if (text.empty()) return 1;
  std::size_t count = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), count);
  if (ec != std::errc() || end != text.data() + text.size() || count == 0) return std::nullopt;
  return count;
}

std::optional<BaselineEntry> entry_of(const yaml::Tree& tree, yaml::NodeId item, std::string& error) {
  const yaml::NodeId node = tree.resolve(item);
  if (tree.node(node).kind != yaml::NodeKind::mapping) {
    error = "each finding must be an object";
    return std::nullopt;
  }
  BaselineEntry entry;
  entry.code = text_of(tree, node, "code");
  entry.file = text_of(tree, node, "file");
  entry.rule = text_of(tree, node, "rule");
  entry.section = text_of(tree, node, "section");
  entry.message = text_of(tree, node, "message");
  const std::optional<std::size_t> count = count_of(tree, node);
  if (entry.code.empty() || entry.message.empty() || !count) {
    error = "each finding needs a code, a message and a positive count";
    return std::nullopt;
  }
  entry.count = *count;
  return entry;
}

}  // namespace

std::string to_json(const Baseline& baseline) {
  JsonWriter json;
  json.begin_object().key("version").value(kVersion).key("findings").begin_array();
  for (const BaselineEntry& entry : baseline.entries) {
    json.begin_object();
    json.key("file").value(entry.file).key("code").value(entry.code);
    optional_field(json, "rule", entry.rule);
    optional_field(json, "section", entry.section);
    json.key("message").value(entry.message);
    json.key("count").value(static_cast<std::int64_t>(entry.count));
    json.end_object();
  }
  json.end_array().end_object();
  return json.str() + "\n";
}

std::optional<Baseline> from_json(const SourceFile& source, std::string& error) {
  const yaml::ParseResult parsed = yaml::parse(source, {.max_documents = 1});
  if (parsed.error) {
    error = "not valid JSON: " + parsed.error->message;
    return std::nullopt;
  }
  const yaml::Tree& tree = parsed.tree;
  const yaml::NodeId root = tree.documents().empty() ? yaml::kNoNode : tree.documents().front();
  if (root == yaml::kNoNode || tree.node(tree.resolve(root)).kind != yaml::NodeKind::mapping) {
    error = "not a baseline: expected an object with \"findings\"";
    return std::nullopt;
  }
  if (text_of(tree, tree.resolve(root), "version") != std::to_string(kVersion)) {
    error = "unsupported baseline version (expected " + std::to_string(kVersion) + ")";
    return std::nullopt;
  }
  const yaml::NodeId findings = tree.find(tree.resolve(root), "findings");
  if (findings == yaml::kNoNode || tree.node(tree.resolve(findings)).kind != yaml::NodeKind::sequence) {
    error = "not a baseline: \"findings\" must be a list";
    return std::nullopt;
  }
  Baseline baseline;
  for (yaml::NodeId item : tree.items(tree.resolve(findings))) {
    std::optional<BaselineEntry> entry = entry_of(tree, item, error);
    if (!entry) return std::nullopt;
    baseline.entries.push_back(std::move(*entry));
  }
  return baseline;
}

}  // namespace rbc::suppress
