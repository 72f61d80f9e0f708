// Glob patterns of the `rules:` and `runbooks:` keys.
#include "config/config.hpp"

#include <vector>

namespace rbc::config {
namespace {

std::string_view strip_dot_slash(std::string_view s) {
  while (s.starts_with("./")) s.remove_prefix(2);
  return s;
}

// `[...]` at pattern[p] (p points at '['). Returns the index just past the
// class and whether `c` is in it; npos when the class is not closed (then
// '[' is an ordinary character).
std::size_t match_class(std::string_view pattern, std::size_t p, char c, bool& matched) {
  std::size_t i = p + 1;
  bool negate = false;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
    negate = true;
    ++i;
  }
  bool in = false;
  bool first = true;
  for (; i < pattern.size(); ++i) {
    if (pattern[i] == ']' && !first) {
      matched = (in != negate) && c != '/';
      return i + 1;
    }
    first = false;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      in = in || (pattern[i] <= c && c <= pattern[i + 2]);
      i += 2;
    } else {
      in = in || pattern[i] == c;
    }
  }
  return std::string_view::npos;
}

// Memoised recursive match of pattern[p..] against path[s..]: `**` may
// consume '/', `*` and `?` may not. The memo keeps the work at
// O(pattern * path) whatever the pattern.
class Matcher {
 public:
  Matcher(std::string_view pattern, std::string_view path)
      : pattern_(pattern), path_(path), memo_((pattern.size() + 1) * (path.size() + 1), kUnknown) {}

  bool run() { return match(0, 0); }

 private:
  static constexpr char kUnknown = 2;

  bool match(std::size_t p, std::size_t s) {
    char& slot = memo_[p * (path_.size() + 1) + s];
    if (slot == kUnknown) slot = compute(p, s) ? 1 : 0;
    return slot == 1;
  }

  bool compute(std::size_t p, std::size_t s) {
    if (p == pattern_.size()) return s == path_.size();
    const char pc = pattern_[p];
    if (pc == '*') {
      const bool dbl = p + 1 < pattern_.size() && pattern_[p + 1] == '*';
      std::size_t next = p + (dbl ? 2 : 1);
      // `**/` at a segment start also matches no folder at all.
      if (dbl && next < pattern_.size() && pattern_[next] == '/' && (p == 0 || pattern_[p - 1] == '/') &&
          match(next + 1, s)) {
        return true;
      }
      for (std::size_t k = s;; ++k) {
        if (match(next, k)) return true;
        if (k == path_.size() || (!dbl && path_[k] == '/')) return false;
      }
    }
    if (s == path_.size()) return false;
    const char c = path_[s];
    if (pc == '[') {
      bool matched = false;
      const std::size_t next = match_class(pattern_, p, c, matched);
      if (next != std::string_view::npos) return matched && match(next, s + 1);
      return c == '[' && match(p + 1, s + 1);
    }
    if (pc == '?') return c != '/' && match(p + 1, s + 1);
    return pc == c && match(p + 1, s + 1);
  }

  std::string_view pattern_;
  std::string_view path_;
  std::vector<char> memo_;
};

bool match(std::string_view pattern, std::string_view path) { return Matcher(pattern, path).run(); }

}  // namespace

bool matches_glob(std::string_view pattern, std::string_view path) {
  return match(strip_dot_slash(pattern), strip_dot_slash(path));
}

bool path_selected(const std::vector<std::string>& specs, std::string_view path) {
  path = strip_dot_slash(path);
  for (std::string_view spec : specs) {
    spec = strip_dot_slash(spec);
    while (spec.size() > 1 && spec.back() == '/') spec.remove_suffix(1);
    if (spec.empty() || spec == ".") return true;  // the whole root
    // The path itself, then each parent folder ("a/b/c.yml": "a/b", "a").
    std::string_view candidate = path;
    for (;;) {
      if (match(spec, candidate)) return true;
      const std::size_t slash = candidate.rfind('/');
      if (slash == std::string_view::npos) break;
      candidate = candidate.substr(0, slash);
    }
  }
  return false;
}

}  // namespace rbc::config
