// PromQL parser: any bytes parse or fail with an error inside the input;
// an accepted expression prints to text that parses again and prints the
// same (Prometheus's String() round trip, which rules rewrites rely on),
// up to the one place where Prometheus's own printing is not a fixed point:
// an infinite literal prints as "+Inf", and "+Inf ^ x" reads back as unary
// plus over "Inf ^ x" (`^` binds tighter), which prints as "++Inf ^ x".
#include <string>

#include "fuzz_target.hpp"
#include "promql/parse.hpp"
#include "promql/printer.hpp"

namespace {

// The text with every run of '+' right before "Inf" removed.
std::string without_inf_signs(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      std::size_t end = i;
      while (end < text.size() && text[end] == '+') ++end;
      if (text.compare(end, 3, "Inf") == 0) {
        i = end - 1;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace

RBC_FUZZ_TARGET(promql) {
  using namespace rbc;
  const std::string_view text = fuzz::as_text(data, size);
  const promql::ParseResult result = promql::parse(text);
  if (result.error) {
    fuzz::require(result.error->offset <= text.size() && !result.expr);
    fuzz::require(!promql::format_error(text, *result.error).empty());
    return 0;
  }
  fuzz::require(result.expr != nullptr);
  const std::string printed = promql::to_string(*result.expr);
  const promql::ParseResult again = promql::parse(printed);
  fuzz::require(!again.error && again.expr);
  const std::string reprinted = promql::to_string(*again.expr);
  fuzz::require(reprinted == printed || without_inf_signs(reprinted) == without_inf_signs(printed));
  return 0;
}
