#include "emit/rules_split.hpp"

#include <filesystem>

#include "emit/rules_text.hpp"
#include "emit/rules_yaml_edit.hpp"
#include "load/yaml_tree.hpp"
#include "rules/yaml_values.hpp"

namespace rbc::emit {
namespace {

using yaml::kNoNode;
using yaml::NodeId;
using yaml::NodeKind;

std::optional<std::string> string_field(const yaml::Tree& tree, NodeId mapping, std::string_view key) {
  if (mapping == kNoNode || tree.node(mapping).kind != NodeKind::mapping) return std::nullopt;
  const NodeId value = tree.find(mapping, key);
  if (value == kNoNode) return std::nullopt;
  const auto text = rules::as_string(tree, value);
  return text ? std::optional(std::string(*text)) : std::nullopt;
}

std::size_t line_start(std::string_view text, std::size_t offset) {
  while (offset > 0 && text[offset - 1] != '\n') --offset;
  return offset;
}

// Lines [from, to) with up to `indent` leading spaces removed from each.
std::string dedent(std::string_view text, std::size_t indent) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    end = end == std::string_view::npos ? text.size() : end + 1;
    std::size_t skip = 0;
    while (skip < indent && at + skip < end && text[at + skip] == ' ') ++skip;
    out.append(text.substr(at + skip, end - at - skip));
    at = end;
  }
  return out;
}

SpecFile cut_spec(const yaml::Tree& tree, NodeId spec) {
  SpecFile out;
  const std::string_view text = tree.source().text();
  const std::string_view nl = newline_of(text);
  if (spec == kNoNode || tree.is_null(spec)) {
    out.text = "groups: []" + std::string(nl);
    return out;
  }
  const yaml::Node& n = tree.node(spec);
  if (n.kind != NodeKind::mapping) {
    out.problem = "the spec is not written out as a mapping";
    return out;
  }
  if (n.flow) {
    out.text = std::string(text.substr(n.begin, n.end - n.begin)) + std::string(nl);
    return out;
  }
  const std::size_t start = line_start(text, n.begin);
  for (std::size_t i = start; i < n.begin; ++i) {
    if (text[i] != ' ') {
      out.problem = "the spec does not start on a line of its own";
      return out;
    }
  }
  const RuleEditor editor(tree);
  const std::size_t content = editor.last_content(spec).first;
  // Up to the line before the next token: the last value may keep its
  // trailing line breaks (`|+`).
  const std::size_t next = line_start(text, std::max<std::size_t>(n.end, content));
  std::size_t end = next > content ? next : line_end(text, content);
  std::string body = dedent(text.substr(start, end - start), n.begin - start);
  if (!body.ends_with('\n')) body += nl;
  out.text = std::move(body);
  return out;
}

}  // namespace

std::vector<SpecFile> split_prometheus_rules(const SourceFile& source) {
  std::vector<SpecFile> out;
  const yaml::ParseResult parsed = yaml::parse(source);
  const yaml::Tree& tree = parsed.tree;
  for (const NodeId doc : tree.documents()) {
    if (doc == kNoNode) continue;
    const NodeId root = tree.resolve(doc);
    if (string_field(tree, root, "kind") != "PrometheusRule") continue;
    const NodeId meta = tree.find(root, "metadata");
    SpecFile file = cut_spec(tree, tree.find(root, "spec"));
    file.object_name = string_field(tree, meta == kNoNode ? kNoNode : tree.resolve(meta), "name").value_or("");
    out.push_back(std::move(file));
  }
  return out;
}

std::string split_output_path(const std::string& file_output_path, const std::string& object_name,
                              std::size_t position) {
  const std::filesystem::path path(file_output_path);
  std::string name = object_name.empty() ? std::to_string(position) : object_name;
  for (char& c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == '-';
    if (!ok) c = '_';
  }
  return (path.parent_path() / (path.stem().string() + "." + name + ".yml")).generic_string();
}

}  // namespace rbc::emit
