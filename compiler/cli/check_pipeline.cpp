#include "cli/check_pipeline.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include "discover/discover.hpp"
#include "load/read_file.hpp"
#include "rules/load.hpp"

namespace rbc::cli {
namespace {

// Name under which standard input appears in diagnostics.
constexpr const char* kStdinName = "<stdin>";

// Everything one input file contributes; files are processed independently
// (in parallel) and merged in input order, so output stays deterministic.
struct FileOutcome {
  std::unique_ptr<SourceFile> source;
  bool checked = false;  // loaded as a rule file (not skipped, readable)
  Diagnostics diagnostics;
  std::string skipped;  // why a found file was not checked
};

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

void check_source(FileOutcome& outcome, discover::Origin origin) {
  const SourceFile& source = *outcome.source;
  if (origin == discover::Origin::found) {
    const rules::FileKind kind = rules::classify(source);
    const bool unparsable_rules = kind == rules::FileKind::unparsable && looks_like_rules(source);
    if ((kind == rules::FileKind::other || kind == rules::FileKind::unparsable) && !unparsable_rules) {
      outcome.skipped = source.path() + ": " + why_skipped(kind);
      return;
    }
  }
  // `check` needs verdicts only; the ASTs would cost most of the memory.
  rules::load_rule_file(source, outcome.diagnostics, {.keep_ast = false});
  outcome.checked = true;
}

FileOutcome process(const discover::Candidate& candidate) {
  FileOutcome outcome;
  std::optional<SourceFile> source = load::read_file(candidate.path, outcome.diagnostics);
  if (!source) return outcome;
  outcome.source = std::make_unique<SourceFile>(std::move(*source));
  check_source(outcome, candidate.origin);
  return outcome;
}

// Runs process() over all candidates on up to one thread per core.
std::vector<FileOutcome> process_all(const std::vector<discover::Candidate>& candidates) {
  std::vector<FileOutcome> outcomes(candidates.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < candidates.size();) outcomes[i] = process(candidates[i]);
  };
  const std::size_t threads =
      std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), candidates.size());
  std::vector<std::jthread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  return outcomes;
}

void merge(CheckRun& run, FileOutcome& outcome) {
  for (Diagnostic& d : outcome.diagnostics.items()) run.diagnostics.add(std::move(d));
  if (!outcome.skipped.empty()) run.skipped.push_back(std::move(outcome.skipped));
  if (!outcome.checked) return;
  ++run.files_checked;
  const std::string path = outcome.source->path();
  run.sources.insert_or_assign(path, std::move(outcome.source));
}

}  // namespace

CheckRun run_check(const CheckRequest& request) {
  CheckRun run;
  std::vector<std::string> paths = request.paths;
  if (paths.empty()) paths.push_back(".");
  const discover::Files files = discover::collect(paths, run.diagnostics);
  if (files.read_stdin) {
    // Read through the file reader so stdin gets the same treatment (BOM).
    FileOutcome outcome;
    if (std::optional<SourceFile> in = load::read_file("/dev/stdin", outcome.diagnostics)) {
      outcome.source = std::make_unique<SourceFile>(kStdinName, in->text());
      check_source(outcome, discover::Origin::named);
    }
    merge(run, outcome);
  }
  for (FileOutcome& outcome : process_all(files.yaml)) merge(run, outcome);
  run.nothing_read = run.files_checked == 0 && run.diagnostics.has_errors();
  return run;
}

}  // namespace rbc::cli
