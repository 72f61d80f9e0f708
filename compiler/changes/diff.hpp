// What `git diff -U0` says changed, per file: the new side's changed line
// ranges, and whether the file was added, deleted or renamed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rbc::changes {

enum class FileStatus { added, modified, deleted, renamed, untracked };

// New-side lines [start, start + count); count 0 means lines were deleted
// between `start` and `start + 1` (start 0: at the top of the file).
struct Hunk {
  std::uint32_t start = 0;
  std::uint32_t count = 0;
};

struct FileChange {
  std::string path;      // repository-relative, '/'-separated (new side; the old path when deleted)
  std::string old_path;  // the old side's path (same as path unless renamed; "" when added)
  FileStatus status = FileStatus::modified;
  std::vector<Hunk> hunks;
};

// True when the change touches some line of [first, last] (1-based,
// inclusive). A deletion counts as touching the lines on both sides of it:
// removing the last label of a rule changes that rule.
bool touches(const FileChange& change, std::uint32_t first, std::uint32_t last);

// Parses the output of `git diff --no-color --no-ext-diff -U0 -M
// --src-prefix=a/ --dst-prefix=b/`. Paths may be C-quoted by git, or carry
// the tab git appends to names with spaces; binary and mode-only changes
// keep their file with no hunks.
std::vector<FileChange> parse_unified_diff(std::string_view text);

// Decodes a path as git prints it: "a/x y.yml\t" or "\"a/\\303\\251.yml\"".
std::string decode_git_path(std::string_view text);

}  // namespace rbc::changes
