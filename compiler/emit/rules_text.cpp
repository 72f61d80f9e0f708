#include "emit/rules_text.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace rbc::emit {

std::string apply_edits(std::string_view text, std::vector<Edit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  std::string out;
  out.reserve(text.size() + 256);
  std::size_t at = 0;
  for (const Edit& e : edits) {
    const std::size_t begin = std::clamp(e.begin, at, text.size());
    out.append(text.substr(at, begin - at));
    out += e.text;
    at = std::max(begin, std::min(e.end, text.size()));
  }
  out.append(text.substr(at));
  return out;
}

std::string double_quoted(std::string_view value) {
  std::string out = "\"";
  for (const char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7f) {
      std::array<char, 8> buf{};
      std::snprintf(buf.data(), buf.size(), "\\x%02x", u);
      out += buf.data();
    } else {
      out += c;
    }
  }
  return out + '"';
}

std::string single_quoted(std::string_view value) {
  std::string out = "'";
  for (const char c : value) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + '\'';
}

bool plain_safe(std::string_view value) {
  if (value.empty()) return false;
  const auto ok = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
  };
  if (!std::all_of(value.begin(), value.end(), ok)) return false;
  const char first = value.front();
  // Digits, signs and dots may start a number (1, -1, .5, .inf): quote them.
  if ((first >= '0' && first <= '9') || first == '-' || first == '.') return false;
  std::string lower(value);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  static constexpr std::array<std::string_view, 11> kWords{"true", "false", "yes", "no", "on", "off",
                                                           "y",    "n",     "null", "nan", "inf"};
  return std::find(kWords.begin(), kWords.end(), lower) == kWords.end();
}

std::string_view newline_of(std::string_view text) {
  const std::size_t nl = text.find('\n');
  return nl != std::string_view::npos && nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
}

std::size_t line_end(std::string_view text, std::size_t offset) {
  std::size_t nl = text.find('\n', std::min(offset, text.size()));
  if (nl == std::string_view::npos) return text.size();
  if (nl > offset && text[nl - 1] == '\r') --nl;
  return nl;
}

}  // namespace rbc::emit
