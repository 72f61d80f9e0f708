// UTF-8 the way Go's unicode/utf8 package reads and writes it. Prometheus
// and its template engine are Go programs, and their error texts depend on
// exactly how invalid bytes decode.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rbc::gotext {

inline constexpr char32_t kRuneError = 0xFFFD;

struct Rune {
  char32_t value = kRuneError;
  std::size_t width = 0;  // 0 only for empty input
};

// utf8.DecodeRuneInString: invalid or truncated input yields U+FFFD with
// width 1 (so the caller always makes progress).
Rune decode_rune(std::string_view s);

// True when `r` came from an invalid byte rather than a real U+FFFD.
inline bool is_decode_error(const Rune& r) { return r.value == kRuneError && r.width == 1; }

void append_utf8(std::string& out, char32_t r);

}  // namespace rbc::gotext
