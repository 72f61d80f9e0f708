// A simple ATX heading scan for tests (slug oracle, link-resolution index):
// lines "#".."######" followed by a blank or the line end, outside ``` and
// ~~~ fences, up to three spaces of indentation. The heading text keeps its
// inline markup; only the closing "#" run and surrounding blanks go.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace rbc::test {

inline std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The fence marker a line opens or closes ("```", "~~~~"), or "".
inline std::string_view fence_marker(std::string_view line) {
  std::size_t indent = 0;
  while (indent < line.size() && indent < 3 && line[indent] == ' ') ++indent;
  line.remove_prefix(indent);
  if (line.empty() || (line[0] != '`' && line[0] != '~')) return {};
  std::size_t n = 0;
  while (n < line.size() && line[n] == line[0]) ++n;
  return n >= 3 ? line.substr(0, n) : std::string_view{};
}

inline bool atx_heading(std::string_view line, std::string& text) {
  std::size_t indent = 0;
  while (indent < line.size() && indent < 3 && line[indent] == ' ') ++indent;
  line.remove_prefix(indent);
  std::size_t level = 0;
  while (level < line.size() && line[level] == '#') ++level;
  if (level == 0 || level > 6) return false;
  if (level < line.size() && line[level] != ' ' && line[level] != '\t' && line[level] != '\r') return false;
  std::string_view rest = trim_blanks(line.substr(level));
  // Optional closing sequence: blanks then only '#'.
  std::size_t end = rest.size();
  while (end > 0 && rest[end - 1] == '#') --end;
  if (end == 0) {
    rest = {};
  } else if (end < rest.size() && (rest[end - 1] == ' ' || rest[end - 1] == '\t')) {
    rest = trim_blanks(rest.substr(0, end));
  }
  text.assign(rest);
  return true;
}

inline std::vector<std::string> atx_headings(std::string_view markdown) {
  std::vector<std::string> out;
  std::string open_fence;
  std::istringstream in{std::string(markdown)};
  std::string line;
  std::string text;
  while (std::getline(in, line)) {
    const std::string_view marker = fence_marker(line);
    if (open_fence.empty()) {
      if (!marker.empty()) {
        open_fence = marker;
      } else if (atx_heading(line, text)) {
        out.push_back(text);
      }
    } else if (!marker.empty() && marker[0] == open_fence[0] && marker.size() >= open_fence.size() &&
               trim_blanks(std::string_view(line).substr(line.find(marker) + marker.size())).empty()) {
      open_fence.clear();
    }
  }
  return out;
}

inline std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace rbc::test
