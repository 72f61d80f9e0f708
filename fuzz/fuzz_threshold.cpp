// Threshold phrases in runbook text: never throws, and every range it
// reports lies inside the phrase.
#include "fuzz_target.hpp"
#include "threshold/phrase.hpp"

namespace {

bool inside(const rbc::threshold::Range& range, std::size_t size) {
  return range.begin <= range.end && range.end <= size;
}

}  // namespace

RBC_FUZZ_TARGET(threshold) {
  using namespace rbc;
  const std::string_view text = fuzz::as_text(data, size);
  const threshold::Phrase phrase = threshold::parse_phrase(text);
  for (const threshold::Comparison& c : phrase.comparisons) fuzz::require(inside(c.text, size));
  if (phrase.for_ms) {
    fuzz::require(inside(phrase.for_text, size));
    threshold::format_duration(*phrase.for_ms);
  }
  if (phrase.window_ms) {
    fuzz::require(inside(phrase.window_text, size));
    threshold::format_duration(*phrase.window_ms);
  }
  return 0;
}
