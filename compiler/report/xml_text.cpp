#include "report/xml_text.hpp"

#include "gotext/utf8.hpp"

namespace rbc::report {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The escape for an ASCII byte, or empty when it is written as is.
std::string_view ascii_escape(char c, bool attribute) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return attribute ? "&quot;" : "";
    case '\t': return attribute ? "&#9;" : "";
    case '\n': return attribute ? "&#10;" : "";
    case '\r': return "&#13;";  // else XML parsers turn CR LF into LF
    default: break;
  }
  if (static_cast<unsigned char>(c) < 0x20 || c == '\x7f') return c == '\x7f' ? "" : kReplacement;
  return "";
}

}  // namespace

void append_xml_escaped(std::string& out, std::string_view text, bool attribute) {
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      const std::string_view escaped = ascii_escape(c, attribute);
      if (escaped.empty()) {
        out.push_back(c);
      } else {
        out += escaped;
      }
      ++i;
      continue;
    }
    const gotext::Rune rune = gotext::decode_rune(text.substr(i));
    if (gotext::is_decode_error(rune) || rune.value == 0xFFFE || rune.value == 0xFFFF) {
      out += kReplacement;
    } else {
      out.append(text.substr(i, rune.width));
    }
    i += rune.width;
  }
}

std::string xml_attr(std::string_view text) {
  std::string out;
  append_xml_escaped(out, text, true);
  return out;
}

std::string xml_text(std::string_view text) {
  std::string out;
  append_xml_escaped(out, text, false);
  return out;
}

}  // namespace rbc::report
