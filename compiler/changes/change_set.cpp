#include "changes/change_set.hpp"

#include <algorithm>
#include <filesystem>

#include "changes/git.hpp"

namespace rbc::changes {
namespace {

namespace fs = std::filesystem;

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (!text.empty()) {
    const std::size_t end = text.find(separator);
    parts.push_back(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
  return parts;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// The commit `rev` names, or nullopt.
std::optional<std::string> commit_of(const Repository& repo, const std::string& rev) {
  const GitResult r = run_git({"rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"}, repo.top);
  if (!r.ok()) return std::nullopt;
  return first_line(r.out);
}

std::optional<std::string> merge_base(const Repository& repo, const std::string& a, const std::string& b) {
  const GitResult r = run_git({"merge-base", a, b}, repo.top);
  if (!r.ok()) return std::nullopt;
  return first_line(r.out);
}

struct Base {
  std::string commit;
  std::string reason;
};

Result<Base> resolve_base(const Repository& repo, const std::string& base_ref) {
  const std::optional<std::string> head = commit_of(repo, "HEAD");
  if (!base_ref.empty()) {
    const std::optional<std::string> commit = commit_of(repo, base_ref);
    if (!commit) return {std::nullopt, "--base: '" + base_ref + "' does not name a commit in " + repo.top};
    const std::optional<std::string> mb = head ? merge_base(repo, *commit, *head) : std::nullopt;
    if (mb) return {Base{*mb, "merge base of " + base_ref + " and HEAD"}, ""};
    return {Base{*commit, base_ref}, ""};
  }
  if (!head) {  // no commits yet: everything is new
    const GitResult empty = run_git({"hash-object", "-t", "tree", "/dev/null"}, repo.top);
    if (!empty.ok()) return {std::nullopt, "cannot find the empty tree: " + git_complaint(empty)};
    return {Base{first_line(empty.out), "no commits yet"}, ""};
  }
  for (const char* candidate : {"@{upstream}", "origin/HEAD", "main", "master"}) {
    const std::optional<std::string> commit = commit_of(repo, candidate);
    if (!commit) continue;
    if (const std::optional<std::string> mb = merge_base(repo, *commit, *head))
      return {Base{*mb, std::string("merge base of ") + candidate + " and HEAD"}, ""};
  }
  return {Base{*head, "HEAD (no upstream, origin/HEAD, main or master to compare with)"}, ""};
}

std::vector<FileChange> untracked_files(const Repository& repo, std::string& error) {
  const GitResult r = run_git({"ls-files", "--others", "--exclude-standard", "-z"}, repo.top);
  if (!r.ok()) {
    error = "git ls-files failed: " + git_complaint(r);
    return {};
  }
  std::vector<FileChange> files;
  for (std::string_view path : split(r.out, '\0'))
    files.push_back({std::string(path), "", FileStatus::untracked, {}});
  return files;
}

}  // namespace

std::optional<std::string> Repository::repo_path(std::string_view path) const {
  fs::path relative;
  if (fs::path(path).is_absolute()) {
    std::error_code ec;
    relative = fs::weakly_canonical(fs::path(path), ec).lexically_relative(fs::weakly_canonical(top, ec));
  } else {
    relative = (fs::path(prefix) / fs::path(path)).lexically_normal();
  }
  std::string text = relative.generic_string();
  if (text.empty() || text == "." || text.starts_with("../") || text == "..") return std::nullopt;
  if (text.starts_with("./")) text.erase(0, 2);
  return text;
}

const FileChange* ChangeSet::find(std::string_view repo_path) const {
  auto it = std::find_if(files.begin(), files.end(), [&](const FileChange& f) { return f.path == repo_path; });
  return it == files.end() ? nullptr : &*it;
}

Result<Repository> find_repository() {
  const GitResult r = run_git({"rev-parse", "--show-toplevel", "--show-cdup", "--show-prefix"});
  if (!r.ok()) return {std::nullopt, "not inside a git work tree (" + git_complaint(r) + ")"};
  std::vector<std::string_view> lines = split(r.out, '\n');
  lines.resize(3);  // cdup and prefix are empty lines at the top
  Repository repo{std::string(lines[0]), std::string(lines[1]), std::string(lines[2])};
  if (repo.cdup.empty()) repo.cdup = ".";
  return {repo, ""};
}

Result<ChangeSet> collect_changes(const Repository& repo, const std::string& base_ref) {
  Result<Base> base = resolve_base(repo, base_ref);
  if (!base.value) return {std::nullopt, base.error};
  const GitResult diff = run_git({"-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
                                  "-U0", "--inter-hunk-context=0", "-M", "--src-prefix=a/", "--dst-prefix=b/",
                                  base.value->commit, "--"},
                                 repo.top);
  if (!diff.ok()) return {std::nullopt, "git diff failed: " + git_complaint(diff)};
  ChangeSet changes{repo, base.value->commit, base.value->reason, parse_unified_diff(diff.out)};
  std::string error;
  for (FileChange& file : untracked_files(repo, error)) changes.files.push_back(std::move(file));
  if (!error.empty()) return {std::nullopt, error};
  return {std::move(changes), ""};
}

}  // namespace rbc::changes
