#include "template/go_text.hpp"

#include <fmt/format.h>

#include "template/unicode_tables.hpp"

namespace rbc::gotmpl {
namespace {

bool is_surrogate(char32_t r) { return r >= 0xD800 && r <= 0xDFFF; }

}  // namespace

DecodedRune decode_rune(std::string_view s) {
  if (s.empty()) return {kRuneError, 0};
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t len = 0;
  char32_t r = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, r = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, r = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, r = b0 & 0x07, min = 0x10000;
  } else {
    return {kRuneError, 1};
  }
  if (s.size() < len) return {kRuneError, 1};
  for (std::size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if ((b & 0xC0) != 0x80) return {kRuneError, 1};
    r = (r << 6) | (b & 0x3F);
  }
  if (r < min || r > 0x10FFFF || is_surrogate(r)) return {kRuneError, 1};
  return {r, len};
}

bool is_letter(char32_t r) {
  if (r < 0x80) return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
  return unicode_letter(r);
}

bool is_digit(char32_t r) {
  if (r < 0x80) return r >= '0' && r <= '9';
  return unicode_digit(r);
}

bool is_print(char32_t r) {
  if (r < 0x80) return r >= 0x20 && r < 0x7F;
  return unicode_graphic(r);
}

std::string go_quote(std::string_view s, std::size_t max_runes) {
  std::string out = "\"";
  std::size_t runes = 0;
  while (!s.empty() && runes < max_runes) {
    const DecodedRune d = decode_rune(s);
    const char32_t r = d.rune;
    const bool invalid = r == kRuneError && d.width == 1;
    if (invalid) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[0]));
    } else if (r == '"' || r == '\\') {
      out += '\\';
      out += static_cast<char>(r);
    } else if (is_print(r)) {
      out.append(s.substr(0, d.width));
    } else {
      switch (r) {
        case '\a': out += "\\a"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\v': out += "\\v"; break;
        default:
          if (r < ' ' || r == 0x7F) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(r));
          } else if (r > 0xFFFF) {
            out += fmt::format("\\U{:08x}", static_cast<unsigned>(r));
          } else {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(r));
          }
      }
    }
    s.remove_prefix(d.width);
    ++runes;
  }
  out += '"';
  return out;
}

std::string go_rune_u(char32_t r) {
  std::string out = fmt::format("U+{:04X}", static_cast<unsigned>(r));
  if (is_print(r)) {
    out += " '";
    // Re-encode the rune as UTF-8.
    if (r < 0x80) {
      out += static_cast<char>(r);
    } else if (r < 0x800) {
      out += static_cast<char>(0xC0 | (r >> 6));
      out += static_cast<char>(0x80 | (r & 0x3F));
    } else if (r < 0x10000) {
      out += static_cast<char>(0xE0 | (r >> 12));
      out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (r & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (r >> 18));
      out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (r & 0x3F));
    }
    out += '\'';
  }
  return out;
}

}  // namespace rbc::gotmpl
