// Validation of Go literals the way text/template's parser checks them
// (strconv.Unquote, strconv.UnquoteChar, strconv.Parse{Uint,Int,Float}).
// Only the verdict and Go's error text matter here, not the values.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rbc::gotmpl {

// A quoted token as lexed ("..." or `...`): nullopt when strconv.Unquote
// accepts it, else Go's error text ("invalid syntax"). On success the
// unquoted value goes to `value` when given.
std::optional<std::string> check_string_literal(std::string_view quoted, std::string* value = nullptr);

// A character constant token ('x'), as parse.newNumber checks it.
std::optional<std::string> check_char_literal(std::string_view quoted);

// A number token; `complex` for the lexer's 1+2i form.
std::optional<std::string> check_number_literal(std::string_view text, bool complex);

}  // namespace rbc::gotmpl
