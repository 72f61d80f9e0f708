#include "model/url.hpp"

#include <cctype>

namespace rbc::model::url {
namespace {

bool is_scheme_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
}

// Length of "scheme:" at the start of `link` (0 when there is none). One
// letter is a Windows drive ("C:"), not a scheme.
std::size_t scheme_length(std::string_view link) {
  if (link.empty() || !std::isalpha(static_cast<unsigned char>(link[0]))) return 0;
  std::size_t i = 1;
  while (i < link.size() && is_scheme_char(link[i])) ++i;
  return i < link.size() && link[i] == ':' && i > 1 ? i + 1 : 0;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Reference split_reference(std::string_view link) {
  Reference ref;
  const std::size_t hash = link.find('#');
  if (hash != std::string_view::npos) {
    ref.fragment = link.substr(hash + 1);
    link = link.substr(0, hash);
  }
  const std::size_t question = link.find('?');
  if (question != std::string_view::npos) {
    ref.query = link.substr(question + 1);
    link = link.substr(0, question);
  }
  ref.base = link;
  return ref;
}

bool is_absolute_url(std::string_view link) {
  if (link.starts_with("//")) return true;
  const std::size_t n = scheme_length(link);
  return n > 0 && link.substr(n).starts_with("//");
}

bool is_other_scheme(std::string_view link) {
  const std::size_t n = scheme_length(link);
  return n > 0 && !link.substr(n).starts_with("//");
}

std::string host_of(std::string_view link) {
  const std::size_t start = link.find("//");
  if (start == std::string_view::npos) return {};
  std::string_view authority = link.substr(start + 2);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos)
    authority = authority.substr(at + 1);
  // A port follows the last ':' unless that ':' is inside an IPv6 "[…]".
  const std::size_t colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos)
    authority = authority.substr(0, colon);
  return ascii_lower(authority);
}

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace rbc::model::url
