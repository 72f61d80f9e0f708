// Rewriting one rule file in memory: `rbc fmt` (canonical expression
// layout) and `rbc check --fix` (safe fixes). Every rewrite is verified
// by loading the new text with the rule loader and comparing every rule
// with the original; when anything differs beyond the intended change the
// file is refused (left as it was) with a note saying why.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rbc::rewrite {

struct FixCounts {
  std::size_t matchers = 0;   // regex matchers made literal or unanchored
  std::size_t durations = 0;  // durations spelled canonically
  std::size_t total() const { return matchers + durations; }
};

struct FileRewrite {
  std::string original;   // the file's bytes
  std::string rewritten;  // equal to original when nothing changes
  bool refused = false;   // not a rule file, broken YAML, or verification failed
  std::vector<std::string> notes;  // why refused, expressions kept as written
  FixCounts fixes;
  bool changed() const { return !refused && rewritten != original; }
};

// `path` is only used in notes and for the loader's file name.
FileRewrite format_file(const std::string& path, const std::string& bytes);
FileRewrite fix_file(const std::string& path, const std::string& bytes);

}  // namespace rbc::rewrite
