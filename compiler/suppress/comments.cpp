#include "suppress/comments.hpp"

namespace rbc::suppress {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }

// A `# rbc ...` comment starts at a `#` that begins the line or follows
// whitespace (YAML's rule for comments), followed by the word `rbc`.
std::optional<std::size_t> rbc_after(std::string_view line, std::size_t from) {
  std::size_t i = from;
  while (i < line.size() && is_space(line[i])) ++i;
  if (line.substr(i, 3) != "rbc") return std::nullopt;
  i += 3;
  if (i < line.size() && !is_space(line[i])) return std::nullopt;  // "rbcfoo", "rbc:"
  return i;
}

std::string_view trim_line_end(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
  return line;
}

void yaml_comments(const SourceFile& source, std::vector<Comment>& out) {
  for (std::uint32_t n = 1; n <= source.line_count(); ++n) {
    const std::string_view line = trim_line_end(source.line_text(n));
    const std::size_t start = source.offset_of({n, 1});
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] != '#' || (i > 0 && !is_space(line[i - 1]))) continue;
      if (auto body = rbc_after(line, i + 1)) {
        out.push_back({start + i, start + *body, start + line.size()});
        break;
      }
    }
  }
}

// ``` and ~~~ fences (up to three spaces in): examples in a runbook that
// show a directive are not directives.
bool is_fence(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  return line.substr(i, 3) == "```" || line.substr(i, 3) == "~~~";
}

void markdown_comments(const SourceFile& source, std::vector<Comment>& out) {
  bool fenced = false;
  for (std::uint32_t n = 1; n <= source.line_count(); ++n) {
    const std::string_view line = trim_line_end(source.line_text(n));
    if (is_fence(line)) fenced = !fenced;
    if (fenced) continue;
    const std::size_t start = source.offset_of({n, 1});
    for (std::size_t open = line.find("<!--"); open != std::string_view::npos; open = line.find("<!--", open + 4)) {
      std::size_t close = line.find("-->", open + 4);
      if (close == std::string_view::npos) close = line.size();  // comment runs on: the line is the directive
      const std::string_view inner = line.substr(0, close);
      if (auto body = rbc_after(inner, open + 4)) {
        out.push_back({start + open, start + *body, start + close});
        break;
      }
    }
  }
}

}  // namespace

std::vector<Comment> find_comments(const SourceFile& source, Syntax syntax) {
  std::vector<Comment> out;
  if (syntax == Syntax::yaml) yaml_comments(source, out);
  else markdown_comments(source, out);
  return out;
}

bool is_comment_or_blank(std::string_view line, Syntax syntax) {
  line = trim_line_end(line);
  std::size_t i = 0;
  while (i < line.size() && is_space(line[i])) ++i;
  const std::string_view rest = line.substr(i);
  if (rest.empty()) return true;
  if (syntax == Syntax::yaml) return rest.front() == '#';
  return rest.starts_with("<!--") && rest.ends_with("-->");
}

}  // namespace rbc::suppress
