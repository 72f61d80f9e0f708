// `rbc fmt`: lay out the PromQL expressions of rule files canonically,
// in place (or, with --check, show what would change).
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "discover/discover.hpp"
#include "rewrite/file_rewrite.hpp"
#include "rewrite/unified_diff.hpp"
#include "rewrite/write_file.hpp"

namespace rbc::cli {
namespace {

struct FmtFlags {
  std::vector<std::string> paths;
  bool check = false;
};

std::optional<std::string> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// One file: 0 formatted (or nothing to do), 1 would change / refused.
int format_one(const discover::Candidate& file, const FmtFlags& flags) {
  const std::optional<std::string> bytes = read_bytes(file.path);
  if (!bytes) {
    std::cerr << "rbc: cannot read " << file.path << "\n";
    return kExitFindings;
  }
  const rewrite::FileRewrite r = rewrite::format_file(file.path, *bytes);
  // A file found in a folder that is not a rule file is simply not ours.
  if (r.refused && r.notes.size() == 1 && r.notes.front().ends_with("not a rule file") &&
      file.origin == discover::Origin::found)
    return kExitClean;
  for (const std::string& note : r.notes) std::cerr << "rbc: " << note << "\n";
  if (r.refused) return kExitFindings;
  if (!r.changed()) return kExitClean;
  if (flags.check) {
    std::cout << rewrite::unified_diff(r.original, r.rewritten, file.path);
    return kExitFindings;
  }
  if (auto err = rewrite::replace_file(file.path, r.rewritten)) {
    std::cerr << "rbc: " << *err << "\n";
    return kExitFindings;
  }
  std::cerr << "rbc: formatted " << file.path << "\n";
  return kExitClean;
}

// `rbc fmt -`: stdin to stdout (for editors).
int format_stdin(const FmtFlags& flags) {
  const std::string bytes(std::istreambuf_iterator<char>(std::cin), {});
  const rewrite::FileRewrite r = rewrite::format_file("<stdin>", bytes);
  for (const std::string& note : r.notes) std::cerr << "rbc: " << note << "\n";
  if (flags.check) {
    std::cout << rewrite::unified_diff(r.original, r.rewritten, "<stdin>");
    return r.refused || r.changed() ? kExitFindings : kExitClean;
  }
  std::cout << r.rewritten;
  return r.refused ? kExitFindings : kExitClean;
}

int execute(const FmtFlags& flags) {
  Diagnostics diags;
  const discover::Files files = discover::collect(flags.paths.empty() ? std::vector<std::string>{"."} : flags.paths, diags);
  int status = kExitClean;
  for (const Diagnostic& d : diags.items()) {
    std::cerr << "rbc: " << d.file << ": " << d.message << "\n";
    status = kExitUsage;
  }
  if (files.read_stdin) status = std::max(status, format_stdin(flags));
  for (const discover::Candidate& file : files.yaml) status = std::max(status, format_one(file, flags));
  return status;
}

}  // namespace

void add_fmt(CLI::App& app, int& exit_status) {
  auto flags = std::make_shared<FmtFlags>();
  CLI::App* cmd = app.add_subcommand("fmt", "Lay out the PromQL expressions of rule files canonically, in place");
  cmd->add_option("PATH", flags->paths,
                  "rule files or directories (searched recursively for *.yml, *.yaml); `-` formats stdin to "
                  "stdout; default: the current directory");
  cmd->add_flag("--check", flags->check, "write nothing; print a unified diff and exit 1 if anything would change");
  cmd->footer(
      "Only expressions change; comments, key order and quoting of everything else stay byte for byte.\n"
      "Every rewrite is checked to parse to the same expression; a file that would not is left alone.\n"
      "Exit status: 0 formatted (or already canonical), 1 something would change (--check) or a file was\n"
      "refused, 2 usage error.\n"
      "Examples:\n"
      "  rbc fmt rules/\n"
      "  rbc fmt --check .      # in CI or a pre-commit hook");
  cmd->callback([flags, &exit_status] { exit_status = execute(*flags); });
}

}  // namespace rbc::cli
