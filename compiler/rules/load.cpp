#include "rules/load.hpp"

#include <string>

#include "rules/decode.hpp"
#include "rules/validate.hpp"
#include "rules/yaml_values.hpp"

namespace rbc::rules {
namespace {

bool is_prometheus_rule(const yaml::Tree& tree, yaml::NodeId root) {
  if (root == yaml::kNoNode) return false;
  root = tree.resolve(root);
  if (tree.node(root).kind != yaml::NodeKind::mapping) return false;
  const yaml::NodeId kind = tree.find(root, "kind");
  return kind != yaml::kNoNode && as_string(tree, kind) == std::string_view("PrometheusRule");
}

void report_yaml_error(const SourceFile& source, const yaml::ParseError& error, Diagnostics& diags) {
  Diagnostic d;
  d.code = "yaml/parse";
  d.file = source.path();
  const Position at = source.position_at(error.offset);
  d.span = {at, {at.line, at.column + 1}};
  d.message = error.message;
  const bool tab_problem = error.message.find("tab character") != std::string::npos ||
                           (error.message.find("cannot start any token") != std::string::npos &&
                            source.line_text(at.line).find('\t') != std::string_view::npos);
  if (tab_problem) {
    d.message += "; YAML does not allow tabs for indentation: use spaces";
  } else {
    d.message += "; fix the YAML syntax (check indentation and quoting)";
  }
  diags.add(std::move(d));
}

Text metadata_field(const yaml::Tree& tree, yaml::NodeId root, std::string_view field) {
  const yaml::NodeId meta = tree.find(tree.resolve(root), "metadata");
  if (meta == yaml::kNoNode || tree.node(tree.resolve(meta)).kind != yaml::NodeKind::mapping) return {};
  const yaml::NodeId value = tree.find(tree.resolve(meta), field);
  if (value == yaml::kNoNode) return {};
  const auto text = as_string(tree, value);
  return text ? Text{*text, tree.span(value), tree.resolve(value)} : Text{};
}

}  // namespace

LoadedFile load_rule_file(const SourceFile& source, Diagnostics& diags, const LoadOptions& options) {
  LoadedFile file;
  const std::size_t errors_before = diags.count(Severity::error);
  yaml::ParseResult parsed = yaml::parse(source);
  auto tree = std::make_shared<yaml::Tree>(std::move(parsed.tree));
  file.tree = tree;
  const auto& docs = tree->documents();
  bool k8s = false;
  for (yaml::NodeId root : docs) k8s = k8s || is_prometheus_rule(*tree, root);
  file.kind = k8s ? FileKind::prometheus_rule : FileKind::rule_file;

  // promtool reads only the first document of a plain rule file: a syntax
  // error after it does not count.
  if (parsed.error && (k8s || docs.empty() ||
                       yaml::seen_by_lookahead(source, tree->document_ends().front(), *parsed.error)))
    report_yaml_error(source, *parsed.error, diags);
  if (parsed.error && docs.empty()) {
    file.kind = FileKind::unparsable;
    file.ok = false;
    return file;
  }

  Context ctx(*tree, diags);
  if (!k8s) {
    RuleSet set = decode_rule_set(ctx, docs.empty() ? yaml::kNoNode : docs.front());
    validate_rule_set(ctx, set, options.keep_ast);
    file.sets.push_back(std::move(set));
  } else {
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (!is_prometheus_rule(*tree, docs[i])) continue;
      const yaml::NodeId spec = tree->find(tree->resolve(docs[i]), "spec");
      RuleSet set = decode_rule_set(ctx, spec, true);
      validate_rule_set(ctx, set, options.keep_ast);
      set.document = i;
      set.object_name = metadata_field(*tree, docs[i], "name");
      set.object_namespace = metadata_field(*tree, docs[i], "namespace");
      file.sets.push_back(std::move(set));
    }
  }
  file.ok = diags.count(Severity::error) == errors_before;
  return file;
}

std::vector<RuleRef> all_rules(const LoadedFile& file) {
  std::vector<RuleRef> out;
  for (const RuleSet& set : file.sets)
    for (const Group& group : set.groups)
      for (const Rule& rule : group.rules) out.push_back({&set, &group, &rule});
  return out;
}

}  // namespace rbc::rules
