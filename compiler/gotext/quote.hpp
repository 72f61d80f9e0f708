// Go's fmt/strconv quoting, which Prometheus and text/template put into
// their error messages: %q of strings and runes, %.Nq, and %#U.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rbc::gotext {

// %q of a string (strconv.Quote).
std::string quote(std::string_view s);
// %.Nq: quote only the first n runes.
std::string quote_prefix(std::string_view s, std::size_t n_runes);
// %q of a rune (strconv.QuoteRune); invalid runes print as U+FFFD.
std::string quote_rune(std::int64_t r);
// %#U of a rune, e.g. "U+0064 'd'" (the character only when printable).
std::string unicode_rune(std::int64_t r);

}  // namespace rbc::gotext
