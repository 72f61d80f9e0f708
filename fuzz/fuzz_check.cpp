// The whole `rbc check` pipeline on a small generated repository. The
// input is split on lines "%%%%" into a rule file, a runbook and an
// rbc.yaml, written into a private temporary folder, and checked there
// (discovery, loading, binding, every check).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/check_pipeline.hpp"
#include "fuzz_target.hpp"

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSplit = "\n%%%%\n";

std::vector<std::string_view> split_parts(std::string_view text) {
  std::vector<std::string_view> parts;
  while (parts.size() < 2) {
    const std::size_t at = text.find(kSplit);
    if (at == std::string_view::npos) break;
    parts.push_back(text.substr(0, at));
    text.remove_prefix(at + kSplit.size());
  }
  parts.push_back(text);
  parts.resize(3);
  return parts;
}

// An rbc.yaml may name folders to read; one naming anything outside the
// temporary repository (absolute, "..", "~", or hidden behind an escape)
// would make the fuzzer crawl the machine, so such inputs are skipped.
bool stays_inside(std::string_view config) {
  std::string text(config);
  for (std::size_t at; (at = text.find("://")) != std::string::npos;) text.erase(at, 3);
  return text.find_first_of("/\\~") == std::string::npos && text.find("..") == std::string::npos;
}

// Made once per process and removed at exit; never freed, so the exit
// handler cannot outlive it.
const fs::path& repository() {
  static const fs::path* dir = [] {
    auto* d = new fs::path(fs::temp_directory_path() / ("rbc-fuzz-check-" + std::to_string(getpid())));
    fs::create_directories(*d / "runbooks");
    std::atexit([] {
      std::error_code ignored;
      fs::remove_all(repository(), ignored);
    });
    return d;
  }();
  return *dir;
}

void write(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace

RBC_FUZZ_TARGET(check) {
  using namespace rbc;
  const std::vector<std::string_view> parts = split_parts(fuzz::as_text(data, size));
  if (!stays_inside(parts[2])) return 0;
  const fs::path& dir = repository();
  write(dir / "rules.yml", parts[0]);
  write(dir / "runbooks" / "service.md", parts[1]);
  write(dir / "rbc.yaml", parts[2]);
  cli::CheckRequest request;
  request.paths = {dir.string()};
  const cli::CheckRun run = cli::run_check(request);
  const auto lookup = cli::source_lookup(run);
  for (const Diagnostic& d : run.diagnostics.items()) {
    if (d.file.empty() || !d.span.begin.valid()) continue;
    const SourceFile* source = lookup(d.file);
    fuzz::require(source == nullptr || d.span.begin.line <= source->line_count());
  }
  return 0;
}
