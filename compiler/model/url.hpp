// Small URL helpers for link resolution: the pieces of a link, percent
// decoding, and the host of an absolute URL.
#pragma once

#include <string>
#include <string_view>

namespace rbc::model::url {

// A link split at its first '?' and '#': "a/b.md?x=1#sec" -> {"a/b.md", "x=1", "sec"}.
struct Reference {
  std::string_view base;
  std::string_view query;     // without '?'
  std::string_view fragment;  // without '#'
};
Reference split_reference(std::string_view link);

// "https://…", "http://…", "//host/…": a URL with an authority.
bool is_absolute_url(std::string_view link);

// "mailto:x", "tel:…", "urn:…": a scheme without "//" (never a file).
bool is_other_scheme(std::string_view link);

// Lower-cased host of an absolute URL, without user info and port.
std::string host_of(std::string_view link);

// "%20" -> " "; malformed escapes are kept as written.
std::string percent_decode(std::string_view text);

// ASCII lower case (paths and anchors compare case-insensitively this way).
std::string ascii_lower(std::string_view text);

}  // namespace rbc::model::url
