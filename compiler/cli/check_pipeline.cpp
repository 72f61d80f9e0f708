#include "cli/check_pipeline.hpp"


#include "discover/discover.hpp"
#include "load/read_file.hpp"
#include "rules/load.hpp"

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

void check_source(CheckRun& run, std::unique_ptr<SourceFile> source, discover::Origin origin) {
  if (origin == discover::Origin::found) {
    const rules::FileKind kind = rules::classify(*source);
    const bool unparsable_rules = kind == rules::FileKind::unparsable && looks_like_rules(*source);
    if ((kind == rules::FileKind::other || kind == rules::FileKind::unparsable) && !unparsable_rules) {
      run.skipped.push_back(source->path() + ": " + why_skipped(kind));
      return;
    }
  }
  // `check` needs verdicts only; the ASTs would cost most of the memory.
  run.rule_files.push_back(rules::load_rule_file(*source, run.diagnostics, {.keep_ast = false}));
  ++run.files_checked;
  const std::string path = source->path();
  run.sources.insert_or_assign(path, std::move(source));
}

}  // namespace

CheckRun run_check(const CheckRequest& request) {
  CheckRun run;
  std::vector<std::string> paths = request.paths;
  if (paths.empty()) paths.push_back(".");
  const discover::Files files = discover::collect(paths, run.diagnostics);
  if (files.read_stdin) {
    // Read through the file reader so stdin gets the same treatment (BOM).
    if (std::optional<SourceFile> in = load::read_file("/dev/stdin", run.diagnostics)) {
      check_source(run, std::make_unique<SourceFile>(kStdinName, in->text()), discover::Origin::named);
    }
  }
  for (const discover::Candidate& candidate : files.yaml) {
    std::optional<SourceFile> source = load::read_file(candidate.path, run.diagnostics);
    if (!source) continue;
    check_source(run, std::make_unique<SourceFile>(std::move(*source)), candidate.origin);
  }
  run.nothing_read = run.files_checked == 0 && run.diagnostics.has_errors();
  return run;
}

}  // namespace rbc::cli
