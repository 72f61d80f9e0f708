#include "gotext/unicode.hpp"

#include "gotext/unicode_tables.hpp"

namespace rbc::gotext {

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

}  // namespace rbc::gotext
