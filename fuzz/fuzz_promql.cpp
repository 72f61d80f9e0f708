// PromQL parser: any bytes parse or fail with an error inside the input;
// an accepted expression prints to text that parses again and prints the
// same (Prometheus's String() round trip, which rules rewrites rely on).
#include "fuzz_target.hpp"
#include "promql/parse.hpp"
#include "promql/printer.hpp"

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
  fuzz::require(promql::to_string(*again.expr) == printed);
  return 0;
}
