#include "rewrite/unified_diff.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace rbc::rewrite {
namespace {

constexpr std::size_t kContext = 3;

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size() - 1;
    lines.push_back(text.substr(start, nl + 1 - start));
    start = nl + 1;
  }
  return lines;
}

struct Line {
  char tag;  // ' ', '-', '+'
  std::string_view text;
};

// Longest common subsequence on the part between the common prefix and
// suffix (rewrites touch few lines, so that part is small).
std::vector<Line> edit_script(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  const std::size_t n = a.size() - pre - suf;
  const std::size_t m = b.size() - pre - suf;
  std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = a[pre + i] == b[pre + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::vector<Line> out;
  for (std::size_t i = 0; i < pre; ++i) out.push_back({' ', a[i]});
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[pre + i] == b[pre + j]) {
      out.push_back({' ', a[pre + i]});
      ++i;
      ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      // On a tie the old line goes first, as diff(1) prints a change.
      out.push_back({'-', a[pre + i++]});
    } else {
      out.push_back({'+', b[pre + j++]});
    }
  }
  for (std::size_t k = a.size() - suf; k < a.size(); ++k) out.push_back({' ', a[k]});
  return out;
}

void append_line(std::string& out, const Line& l) {
  out += l.tag;
  out += l.text;
  if (l.text.empty() || l.text.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, const std::string& path) {
  if (before == after) return "";
  const auto a = lines_of(before);
  const auto b = lines_of(after);
  const std::vector<Line> script = edit_script(a, b);
  std::string out = "--- a/" + path + "\n+++ b/" + path + "\n";
  // Line numbers (1-based) in a and b at each script index.
  std::vector<std::size_t> at_a(script.size() + 1, 1);
  std::vector<std::size_t> at_b(script.size() + 1, 1);
  for (std::size_t k = 0; k < script.size(); ++k) {
    at_a[k + 1] = at_a[k] + (script[k].tag != '+');
    at_b[k + 1] = at_b[k] + (script[k].tag != '-');
  }
  std::size_t k = 0;
  while (k < script.size()) {
    if (script[k].tag == ' ') {
      ++k;
      continue;
    }
    // A hunk: changes with at most 2*context unchanged lines between them join.
    const std::size_t start = k > kContext ? k - kContext : 0;
    std::size_t last = k;
    for (std::size_t t = k + 1; t < script.size() && t - last <= 2 * kContext; ++t)
      if (script[t].tag != ' ') last = t;
    const std::size_t end = std::min(script.size(), last + 1 + kContext);
    const std::size_t len_a = at_a[end] - at_a[start];
    const std::size_t len_b = at_b[end] - at_b[start];
    out += "@@ -" + std::to_string(len_a ? at_a[start] : at_a[start] - 1) + "," + std::to_string(len_a) + " +" +
           std::to_string(len_b ? at_b[start] : at_b[start] - 1) + "," + std::to_string(len_b) + " @@\n";
    for (std::size_t t = start; t < end; ++t) append_line(out, script[t]);
    k = end;
  }
  return out;
}

}  // namespace rbc::rewrite
