#include "changes/diff.hpp"

#include <charconv>

namespace rbc::changes {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::string strip_side(std::string path, std::string_view side) {
  if (starts_with(path, side)) path.erase(0, side.size());
  return path;
}

// One C escape of a quoted git path starting after the backslash at `i`;
// advances `i` past it.
char unescape(std::string_view text, std::size_t& i) {
  const char c = text[i++];
  switch (c) {
    case 'a': return '\a';
    case 'b': return '\b';
    case 't': return '\t';
    case 'n': return '\n';
    case 'v': return '\v';
    case 'f': return '\f';
    case 'r': return '\r';
    default: break;
  }
  if (c < '0' || c > '7') return c;  // \" and \\ (and anything unexpected) stand for themselves
  int value = c - '0';
  for (int digits = 1; digits < 3 && i < text.size() && text[i] >= '0' && text[i] <= '7'; ++digits)
    value = value * 8 + (text[i++] - '0');
  return static_cast<char>(value);
}

// "N" or "N,M" at the front of `text`; advances past it. A missing count is 1.
Hunk read_range(std::string_view& text) {
  Hunk range{0, 1};
  const char* end = text.data() + text.size();
  const std::from_chars_result first = std::from_chars(text.data(), end, range.start);
  const char* p = first.ptr;
  if (first.ec == std::errc() && p < end && *p == ',') p = std::from_chars(p + 1, end, range.count).ptr;
  text.remove_prefix(static_cast<std::size_t>(p - text.data()));
  return range;
}

// "@@ -a[,b] +c[,d] @@": the old and new ranges.
std::pair<Hunk, Hunk> read_hunk_header(std::string_view line) {
  line.remove_prefix(4);  // "@@ -"
  const Hunk old_side = read_range(line);
  const std::size_t plus = line.find('+');
  if (plus == std::string_view::npos) return {old_side, {}};
  line.remove_prefix(plus + 1);
  return {old_side, read_range(line)};
}

// "diff --git a/P b/P": the path when both sides are the same (the only
// case where spaces do not make the line ambiguous).
std::string header_path(std::string_view rest) {
  if (starts_with(rest, "\"")) {
    const std::size_t close = rest.find("\" ", 1);
    return close == std::string_view::npos ? "" : strip_side(decode_git_path(rest.substr(0, close + 1)), "a/");
  }
  if (rest.size() < 5 || (rest.size() - 5) % 2 != 0) return "";
  const std::size_t n = (rest.size() - 5) / 2;
  if (!starts_with(rest, "a/") || rest.substr(2 + n, 3) != " b/" || rest.substr(2, n) != rest.substr(5 + n)) return "";
  return std::string(rest.substr(2, n));
}

struct Parser {
  std::vector<FileChange> files;
  std::uint32_t old_left = 0;  // lines still to come in the current hunk
  std::uint32_t new_left = 0;

  // Lines of a hunk body: they may look like headers ("--- x" is a removed "-- x").
  bool body_line(std::string_view line) {
    if (old_left == 0 && new_left == 0) return false;
    if (starts_with(line, "-") && old_left > 0) {
      --old_left;
    } else if (starts_with(line, "+") && new_left > 0) {
      --new_left;
    } else if (starts_with(line, " ") && old_left > 0 && new_left > 0) {  // context (diff.interHunkContext)
      --old_left;
      --new_left;
    } else if (!starts_with(line, "\\")) {  // "\ No newline at end of file" counts for nothing
      old_left = new_left = 0;                // malformed: read it as a header
      return false;
    }
    return true;
  }

  void header_line(std::string_view line) {
    if (starts_with(line, "diff --git ")) {
      files.push_back({header_path(line.substr(11)), "", FileStatus::modified, {}});
      files.back().old_path = files.back().path;
      return;
    }
    if (files.empty()) return;
    FileChange& file = files.back();
    if (starts_with(line, "new file mode")) {
      file.status = FileStatus::added;
      file.old_path.clear();
    } else if (starts_with(line, "deleted file mode")) {
      file.status = FileStatus::deleted;
    } else if (starts_with(line, "rename from ")) {
      file.old_path = decode_git_path(line.substr(12));
      file.status = FileStatus::renamed;
    } else if (starts_with(line, "rename to ")) {
      file.path = decode_git_path(line.substr(10));
    } else if (starts_with(line, "--- ")) {
      const std::string_view side = line.substr(4);
      if (side == "/dev/null") {
        file.status = FileStatus::added;
        file.old_path.clear();
      } else {
        file.old_path = strip_side(decode_git_path(side), "a/");
      }
    } else if (starts_with(line, "+++ ")) {
      const std::string_view side = line.substr(4);
      if (side == "/dev/null") {
        file.status = FileStatus::deleted;
        file.path = file.old_path;
      } else {
        file.path = strip_side(decode_git_path(side), "b/");
      }
    } else if (starts_with(line, "@@ -")) {
      const auto [old_side, new_side] = read_hunk_header(line);
      file.hunks.push_back(new_side);
      old_left = old_side.count;
      new_left = new_side.count;
    }
  }
};

}  // namespace

bool touches(const FileChange& change, std::uint32_t first, std::uint32_t last) {
  for (const Hunk& hunk : change.hunks) {
    // A deletion belongs to the line above it (the rule it ended, or the one
    // it was cut from); at the top of the file, to line 1.
    const std::uint32_t begin = hunk.count == 0 ? std::max<std::uint32_t>(hunk.start, 1) : hunk.start;
    const std::uint32_t end = hunk.count == 0 ? begin : hunk.start + hunk.count - 1;
    if (begin <= last && first <= end) return true;
  }
  return false;
}

std::string decode_git_path(std::string_view text) {
  if (!text.empty() && text.back() == '\t') text.remove_suffix(1);  // git ends names holding spaces with a tab
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') return std::string(text);
  text = text.substr(1, text.size() - 2);
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      ++i;
      out.push_back(unescape(text, i));
    } else {
      out.push_back(text[i++]);
    }
  }
  return out;
}

std::vector<FileChange> parse_unified_diff(std::string_view text) {
  Parser parser;
  while (!text.empty()) {
    const std::size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!parser.body_line(line)) parser.header_line(line);
  }
  std::erase_if(parser.files, [](const FileChange& f) { return f.path.empty(); });
  return std::move(parser.files);
}

}  // namespace rbc::changes
