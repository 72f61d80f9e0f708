#include "cli/check_pipeline.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

#include "checks/check.hpp"
#include "cli/load_inputs.hpp"
#include "config/config.hpp"
#include "discover/discover.hpp"
#include "load/metrics_metadata.hpp"
#include "load/read_file.hpp"
#include "model/bind.hpp"
#include "model/routing_merge.hpp"
#include "suppress/suppress.hpp"

namespace rbc::cli {
namespace {

namespace fs = std::filesystem;

// Runs `work` over every index on up to one thread per core.
template <typename Out, typename In, typename Work>
std::vector<Out> parallel_map(const std::vector<In>& inputs, Work work) {
  std::vector<Out> outputs(inputs.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < inputs.size();) outputs[i] = work(inputs[i]);
  };
  const std::size_t threads =
      std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), inputs.size());
  std::vector<std::jthread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  return outputs;
}

// Where the search for rbc.yaml starts: the first checked folder, or the
// folder of the first checked file.
std::string start_folder(const std::vector<std::string>& paths) {
  const fs::path first(paths.empty() || paths.front() == "-" ? fs::path(".") : fs::path(paths.front()));
  std::error_code ec;
  if (fs::is_directory(first, ec)) return first.string();
  const fs::path parent = first.parent_path();
  return parent.empty() ? fs::path(".").string() : parent.string();
}

// rbc.yaml from the first checked path's folder or above; the defaults
// when there is none.
config::Config find_and_load_config(const CheckRequest& request, const std::vector<std::string>& paths,
                                    CheckRun& run) {
  const std::string start = start_folder(paths);
  config::Config config = config::default_config();
  config.root = model::absolute_path(start);
  const std::optional<std::string> found =
      request.config_path.empty() ? config::find_config(start) : std::optional(request.config_path);
  if (!found) return config;
  std::optional<SourceFile> source = load::read_file(*found, run.diagnostics);
  if (!source) {
    run.nothing_read = !request.config_path.empty();
    return config;
  }
  config = config::load_config(*source, run.diagnostics);
  run.sources.insert_or_assign(source->path(), std::make_unique<SourceFile>(std::move(*source)));
  return config;
}

void merge_diagnostics(CheckRun& run, Diagnostics& diags) {
  for (Diagnostic& d : diags.items()) run.diagnostics.add(std::move(d));
}

void merge_rules(CheckRun& run, RuleOutcome& outcome) {
  merge_diagnostics(run, outcome.diagnostics);
  if (!outcome.skipped.empty()) run.skipped.push_back(std::move(outcome.skipped));
  if (!outcome.source) return;
  ++run.files_checked;
  if (outcome.runbook) {
    run.project.runbooks.push_back(std::move(*outcome.runbook));
  } else {
    for (model::RuleInfo& rule : outcome.rules) run.project.rules.push_back(std::move(rule));
  }
  const std::string path = outcome.source->path();
  run.sources.insert_or_assign(path, std::move(outcome.source));
}

// rbc.yaml's `checks:` settings and the inline directives, over every
// finding, the loading stages' included.
void apply_suppression(CheckRun& run) {
  suppress::check_settings(run.project.config, run.diagnostics);
  std::vector<const SourceFile*> sources;
  for (const auto& entry : run.sources) sources.push_back(entry.second.get());
  suppress::silence(run.diagnostics, sources, run.project, suppress::today_utc());
  suppress::apply_stage_settings(run.diagnostics, run.project.config);
}

// More files than rbc.yaml's `limits.max_files`: the first ones (in path
// order) are read, and the run says so as an error.
void limit_file_count(discover::Files& files, std::size_t max_files, Diagnostics& diagnostics) {
  const std::size_t found = files.yaml.size() + files.markdown.size();
  if (found <= max_files) return;
  files.yaml.resize(std::min(files.yaml.size(), max_files));
  files.markdown.resize(max_files - files.yaml.size());
  Diagnostic d;
  d.code = "io/read";
  d.severity = Severity::error;
  d.file = files.yaml.empty() ? files.markdown.front().path : files.yaml.front().path;
  d.message = "found " + std::to_string(found) + " YAML and Markdown files, more than the limit of " +
              std::to_string(max_files) + "; only the first were read: name the folders to check, or raise " +
              "`limits.max_files` in rbc.yaml";
  diagnostics.add(std::move(d));
}

}  // namespace

CheckRun run_check(const CheckRequest& request) {
  CheckRun run;
  std::vector<std::string> paths = request.paths;
  if (paths.empty()) paths.push_back(".");
  const config::Config config = find_and_load_config(request, paths, run);
  discover::Files files = discover::collect(paths, run.diagnostics);
  limit_file_count(files, config.limits.max_files, run.diagnostics);
  if (files.read_stdin) {
    RuleOutcome outcome = load_stdin(config);
    merge_rules(run, outcome);
  }
  const auto load_yaml = [&](const discover::Candidate& c) { return load_rules_input(c, config); };
  for (RuleOutcome& outcome : parallel_map<RuleOutcome>(files.yaml, load_yaml)) merge_rules(run, outcome);
  const auto load_md = [&](const discover::Candidate& c) { return load_runbook_input(c, config); };
  for (RuleOutcome& outcome : parallel_map<RuleOutcome>(files.markdown, load_md)) merge_rules(run, outcome);
  run.project.config = config;
  if (auto meta = load::read_metrics_metadata(config.server.metadata_path, run.project.metric_types,
                                              run.diagnostics)) {
    run.sources.insert_or_assign(meta->path(), std::make_unique<SourceFile>(std::move(*meta)));
  }
  run.project.routing = model::merge_routing(run.project.runbooks);
  run.project.runbooks_expected = !run.project.runbooks.empty() || !config.runbook_paths.empty();
  model::bind(run.project);
  if (request.add_facts) request.add_facts(run.project);
  if (request.run_checks) {
    checks::run_checks(run.project, run.diagnostics);
    apply_suppression(run);
  }
  run.nothing_read = run.nothing_read ||
                     (run.files_checked == 0 && run.diagnostics.has_errors());
  return run;
}

std::function<const SourceFile*(std::string_view)> source_lookup(const CheckRun& run) {
  return [&run](std::string_view path) -> const SourceFile* {
    auto it = run.sources.find(path);
    return it == run.sources.end() ? nullptr : it->second.get();
  };
}

}  // namespace rbc::cli
