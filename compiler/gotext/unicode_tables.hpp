// Unicode 13.0 character classes, as Go 1.19's unicode package has them.
#pragma once

namespace rbc::gotext {

bool unicode_letter(char32_t r);   // category L
bool unicode_digit(char32_t r);    // category Nd
bool unicode_graphic(char32_t r);  // categories L, M, N, P, S

}  // namespace rbc::gotext
