#include "emit/rules.hpp"

#include <map>
#include <set>

#include "emit/paths.hpp"
#include "emit/rules_plan.hpp"
#include "emit/rules_split.hpp"
#include "emit/rules_verify.hpp"
#include "emit/rules_yaml_edit.hpp"
#include "rules/load.hpp"

namespace rbc::emit {
namespace {

constexpr const char* kCode = "build/rules";

void report(Diagnostics& diags, Severity severity, const std::string& file, Span span, std::string message,
            std::string rule = {}) {
  Diagnostic d;
  d.code = kCode;
  d.severity = severity;
  d.file = file;
  d.span = span;
  d.message = std::move(message);
  d.rule = std::move(rule);
  diags.add(std::move(d));
}

struct Position2 {
  std::uint32_t line, column;
  auto operator<=>(const Position2&) const = default;
};
Position2 key_of(Position p) { return {p.line, p.column}; }

// The rule files of the project in the order their rules come, with the
// index of each file's rules in Project::rules by where they are written.
std::vector<std::pair<std::string, std::map<Position2, std::size_t>>> rule_files(const model::Project& project) {
  std::vector<std::pair<std::string, std::map<Position2, std::size_t>>> files;
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < project.rules.size(); ++i) {
    const model::RuleInfo& rule = project.rules[i];
    auto [it, fresh] = seen.emplace(rule.file, files.size());
    if (fresh) files.push_back({rule.file, {}});
    files[it->second].second.emplace(key_of(rule.span.begin), i);
  }
  return files;
}

// The node a rule's mapping (or its alias) starts at: the first collection
// or alias node beginning there (a mapping and its first key share the
// offset; the mapping is made first).
yaml::NodeId rule_node(const yaml::Tree& tree, std::size_t offset) {
  for (yaml::NodeId id = 0; id < tree.node_count(); ++id) {
    const yaml::Node& n = tree.node(id);
    if (n.begin == offset && n.kind != yaml::NodeKind::scalar) return id;
  }
  return yaml::kNoNode;
}

struct FileJob {
  const model::Project& project;
  const RulePlanner& planner;
  const SourceFile& source;
  const std::map<Position2, std::size_t>& rule_index;
  std::string output_path;
  Diagnostics& diags;
};

// Plans and makes the edits of every rule; `changes` gets what was made,
// rule by rule in file order.
std::string edit_file(const FileJob& job, const rules::LoadedFile& before, std::vector<RuleChanges>& changes) {
  const yaml::Tree& tree = *before.tree;
  const RuleEditor editor(tree);
  const std::string& severity_label = job.project.config.severity_label;
  std::vector<Edit> edits;
  for (const rules::RuleRef& ref : rules::all_rules(before)) {
    RuleChanges& made = changes.emplace_back();
    const auto info = job.rule_index.find(key_of(ref.rule->span.begin));
    if (info == job.rule_index.end()) continue;
    const RuleChanges wanted = job.planner.plan(info->second, job.output_path);
    if (wanted.empty()) continue;
    const yaml::NodeId item = rule_node(tree, job.source.offset_of(ref.rule->span.begin));
    const std::string name(ref.rule->name.value);
    const auto fail = [&](const std::string& what, const std::string& why) {
      report(job.diags, Severity::warning, job.source.path(), ref.rule->span,
             "alert \"" + name + "\": " + what + " not written: " + why, name);
    };
    // Labels first: when the labels mapping ends the rule, a new
    // `annotations:` goes to the same offset and must come after.
    if (wanted.severity) {
      const std::string why = item == yaml::kNoNode ? "the rule was not found in the file"
                                                    : editor.set(item, "labels", severity_label, *wanted.severity,
                                                                 Quoting::like_original, edits);
      if (why.empty()) made.severity = wanted.severity;
      else fail("label " + severity_label + "=" + *wanted.severity, why);
    }
    for (const auto& [key, value] : wanted.annotations) {
      const std::string why = item == yaml::kNoNode ? "the rule was not found in the file"
                                                    : editor.set(item, "annotations", key, value,
                                                                 Quoting::double_quoted, edits);
      if (why.empty()) made.annotations.emplace(key, value);
      else fail("annotation " + key, why);
    }
  }
  return apply_edits(job.source.text(), std::move(edits));
}

std::vector<const rules::RuleSet*> sets_of(const rules::LoadedFile& file) {
  std::vector<const rules::RuleSet*> out;
  for (const rules::RuleSet& set : file.sets) out.push_back(&set);
  return out;
}

// The output files for one edited text; `problem` says why they do not
// read back as `before` plus `changes`.
std::vector<OutputFile> outputs_for(const FileJob& job, const rules::LoadedFile& before, const std::string& text,
                                    const std::vector<RuleChanges>& changes, std::string& problem) {
  const SourceFile edited(job.source.path(), text);
  const bool split =
      job.project.config.build.rules_format == "prometheus" && before.kind == rules::FileKind::prometheus_rule;
  std::vector<OutputFile> out;
  std::vector<SourceFile> texts;
  if (!split) {
    out.push_back({job.output_path, text});
    texts.push_back(edited);
  } else {
    std::set<std::string> used;
    std::size_t position = 0;
    for (SpecFile& spec : split_prometheus_rules(edited)) {
      ++position;
      if (!spec.problem.empty()) problem = "PrometheusRule object " + std::to_string(position) + ": " + spec.problem;
      std::string path = split_output_path(job.output_path, spec.object_name, position);
      // Two objects of one name: the second also gets its position.
      if (!used.insert(path).second)
        path = split_output_path(job.output_path, spec.object_name + "." + std::to_string(position), position);
      used.insert(path);
      texts.emplace_back(path, spec.text);
      out.push_back({std::move(path), std::move(spec.text)});
    }
  }
  if (!before.ok || !problem.empty()) return out;  // nothing to compare against
  Diagnostics ignored;
  std::vector<rules::LoadedFile> loaded;
  loaded.reserve(texts.size());
  std::vector<const rules::RuleSet*> after;
  for (const SourceFile& t : texts) {
    loaded.push_back(rules::load_rule_file(t, ignored, {.keep_ast = false}));
    if (!loaded.back().ok) problem = "the emitted text does not load: " + ignored.items().front().message;
    for (const rules::RuleSet* set : sets_of(loaded.back())) after.push_back(set);
  }
  if (problem.empty()) problem = compare_rule_sets(sets_of(before), changes, after, job.project.config.severity_label);
  return out;
}

std::vector<OutputFile> emit_file(const FileJob& job) {
  Diagnostics ignored;
  const rules::LoadedFile before = rules::load_rule_file(job.source, ignored, {.keep_ast = false});
  std::vector<RuleChanges> changes;
  std::string text = job.source.text();
  if (before.ok && before.kind != rules::FileKind::unparsable) {
    text = edit_file(job, before, changes);
  } else {
    report(job.diags, Severity::warning, job.source.path(), {},
           "not rewritten: the file has errors (see `rbc check`); emitted as it is");
  }
  std::string problem;
  std::vector<OutputFile> out = outputs_for(job, before, text, changes, problem);
  if (problem.empty()) return out;
  report(job.diags, Severity::error, job.source.path(), {},
         "internal error: rbc's edit of this file does not read back as intended (" + problem +
             "); emitted unchanged, without runbook links or severity changes");
  std::string unchanged_problem;
  changes.assign(changes.size(), RuleChanges{});
  return outputs_for(job, before, job.source.text(), changes, unchanged_problem);
}

}  // namespace

std::vector<OutputFile> emit_rules(const BuildInput& in, Diagnostics& diags) {
  const RulePlanner planner(in.project);
  std::vector<OutputFile> out;
  std::set<std::string> paths;
  for (const auto& [file, rule_index] : rule_files(in.project)) {
    const SourceFile* source = in.sources ? in.sources(file) : nullptr;
    if (!source) {
      report(diags, Severity::error, file, {}, "internal error: the text of this rule file is not available");
      continue;
    }
    const FileJob job{in.project, planner, *source, rule_index, rules_output_path(file, in.project.config), diags};
    for (OutputFile& f : emit_file(job)) {
      if (!paths.insert(f.path).second) {
        report(diags, Severity::error, file, {}, "two rule files would both be written to " + f.path + "; rename one");
        continue;
      }
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace rbc::emit
