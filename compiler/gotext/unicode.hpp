// Go 1.19's character classes (Unicode 13.0), as Prometheus 2.42 and its
// template engine apply them: unicode.IsLetter, IsDigit and strconv.IsPrint.
#pragma once

namespace rbc::gotext {

bool is_letter(char32_t r);
bool is_digit(char32_t r);
bool is_print(char32_t r);  // strconv.IsPrint: graphic characters and ' '

}  // namespace rbc::gotext
