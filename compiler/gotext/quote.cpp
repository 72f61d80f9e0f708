#include "gotext/quote.hpp"

#include <cstdio>

#include "gotext/unicode.hpp"
#include "gotext/utf8.hpp"

namespace rbc::gotext {

namespace {

void append_hex(std::string& out, std::uint32_t v, int digits) {
  static const char* hex = "0123456789abcdef";
  for (int i = digits - 1; i >= 0; --i) out += hex[(v >> (4 * i)) & 0xF];
}

// strconv's appendEscapedRune.
void append_escaped(std::string& out, char32_t r, char quote_char) {
  if (r == static_cast<char32_t>(quote_char) || r == '\\') {
    out += '\\';
    out += static_cast<char>(r);
    return;
  }
  if (is_print(r)) {
    append_utf8(out, r);
    return;
  }
  switch (r) {
    case '\a': out += "\\a"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\v': out += "\\v"; return;
    default: break;
  }
  if (r < 0x20 || r == 0x7F) {
    out += "\\x";
    append_hex(out, r, 2);
  } else if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) {
    out += "\\ufffd";
  } else if (r < 0x10000) {
    out += "\\u";
    append_hex(out, r, 4);
  } else {
    out += "\\U";
    append_hex(out, r, 8);
  }
}

std::string quote_impl(std::string_view s, std::size_t max_runes) {
  std::string out = "\"";
  std::size_t runes = 0;
  while (!s.empty() && runes < max_runes) {
    const Rune r = decode_rune(s);
    if (is_decode_error(r)) {
      out += "\\x";
      append_hex(out, static_cast<unsigned char>(s[0]), 2);
    } else {
      append_escaped(out, r.value, '"');
    }
    s.remove_prefix(r.width);
    ++runes;
  }
  out += '"';
  return out;
}

}  // namespace

std::string quote(std::string_view s) { return quote_impl(s, static_cast<std::size_t>(-1)); }

std::string quote_prefix(std::string_view s, std::size_t n_runes) { return quote_impl(s, n_runes); }

std::string quote_rune(std::int64_t r) {
  if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
  std::string out = "'";
  append_escaped(out, static_cast<char32_t>(r), '\'');
  out += '\'';
  return out;
}

std::string unicode_rune(std::int64_t r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "U+%04llX", static_cast<unsigned long long>(r < 0 ? 0xFFFD : r));
  std::string out = buf;
  if (r >= 0 && r <= 0x10FFFF && is_print(static_cast<char32_t>(r))) {
    out += " '";
    append_utf8(out, static_cast<char32_t>(r));
    out += '\'';
  }
  return out;
}

}  // namespace rbc::gotext
