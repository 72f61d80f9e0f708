#include "cli/load_inputs.hpp"

#include <filesystem>

#include "load/read_file.hpp"
#include "model/bind.hpp"
#include "model/describe_rules.hpp"
#include "model/describe_runbook.hpp"
#include "rules/load.hpp"
#include "runbook/read.hpp"
#include "runbook/routing.hpp"

namespace rbc::cli {
namespace {

// Name under which standard input appears in diagnostics.
constexpr const char* kStdinName = "<stdin>";

// A YAML file found in a directory that is not valid YAML could be a broken
// rule file or something else entirely (a Helm template, a CI file). Report
// it when it mentions rule-file structure, otherwise only list it as skipped.
bool looks_like_rules(const SourceFile& source) {
  const std::string& text = source.text();
  return text.find("PrometheusRule") != std::string::npos ||
         (text.find("groups:") != std::string::npos && text.find("rules:") != std::string::npos);
}

std::string why_skipped(rules::FileKind kind) {
  return kind == rules::FileKind::unparsable ? "not valid YAML and no rule groups in sight"
                                             : "no rule groups and no PrometheusRule objects";
}

bool has_yaml_extension(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  return ext == ".yml" || ext == ".yaml" || ext == ".YML" || ext == ".YAML";
}

// Whether rbc.yaml's `rules:` / `runbooks:` list (when it has one) selects
// a file found by discovery. Named files are always read.
bool selected(const std::vector<std::string>& specs, const discover::Candidate& candidate,
              const config::Config& config) {
  if (specs.empty() || candidate.origin == discover::Origin::named || config.root.empty()) return true;
  const std::string relative =
      std::filesystem::path(model::absolute_path(candidate.path)).lexically_relative(config.root).generic_string();
  return config::path_selected(specs, relative);
}

void read_as_runbook(RuleOutcome& outcome, const config::Config& config) {
  runbook::RunbookFile file = runbook::read_runbook(*outcome.source, outcome.diagnostics);
  outcome.runbook = model::describe_runbook(std::move(file), *outcome.source, config);
  outcome.runbook->routing = runbook::read_routing(*outcome.source, config);
}

void read_as_rules(RuleOutcome& outcome, discover::Origin origin, const config::Config& config) {
  const SourceFile& source = *outcome.source;
  const rules::FileKind kind = rules::classify(source);
  const bool is_rules = kind == rules::FileKind::rule_file || kind == rules::FileKind::prometheus_rule;
  if (!is_rules && origin == discover::Origin::named && !has_yaml_extension(source.path())) {
    read_as_runbook(outcome, config);  // `rbc inspect notes.txt`
    return;
  }
  if (!is_rules && origin == discover::Origin::found && !(kind == rules::FileKind::unparsable && looks_like_rules(source))) {
    outcome.skipped = source.path() + ": " + why_skipped(kind);
    outcome.source.reset();
    return;
  }
  // The ASTs live only as long as this call: their facts are kept, not them.
  const rules::LoadedFile loaded = rules::load_rule_file(source, outcome.diagnostics);
  outcome.rules = model::describe_rules(loaded, source.path(), config);
}

// One input file, within rbc.yaml's size limit.
std::optional<SourceFile> read_input(const std::string& path, RuleOutcome& outcome, const config::Config& config) {
  return load::read_file(path, outcome.diagnostics, load::TextKind::yaml, config.limits.max_file_bytes);
}

}  // namespace

RuleOutcome load_rules_input(const discover::Candidate& candidate, const config::Config& config) {
  RuleOutcome outcome;
  if (!selected(config.rule_paths, candidate, config)) {
    outcome.skipped = candidate.path + ": not selected by `rules:` in " + config.path;
    return outcome;
  }
  std::optional<SourceFile> source = read_input(candidate.path, outcome, config);
  if (!source) return outcome;
  outcome.source = std::make_unique<SourceFile>(std::move(*source));
  read_as_rules(outcome, candidate.origin, config);
  return outcome;
}

RuleOutcome load_runbook_input(const discover::Candidate& candidate, const config::Config& config) {
  RuleOutcome outcome;
  if (!selected(config.runbook_paths, candidate, config)) return outcome;
  std::optional<SourceFile> source = read_input(candidate.path, outcome, config);
  if (!source) return outcome;
  outcome.source = std::make_unique<SourceFile>(std::move(*source));
  read_as_runbook(outcome, config);
  return outcome;
}

RuleOutcome load_stdin(const config::Config& config) {
  RuleOutcome outcome;
  std::optional<SourceFile> in = read_input("/dev/stdin", outcome, config);
  if (!in) return outcome;
  outcome.source = std::make_unique<SourceFile>(kStdinName, in->text());
  read_as_rules(outcome, discover::Origin::named, config);
  return outcome;
}

}  // namespace rbc::cli
