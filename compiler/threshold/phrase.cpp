// Scans free text for threshold phrases: tries grammar::clause at each token
// start, keeps what matched, and moves on past it. Each attempt only reads
// the words it needs, so the scan is linear in practice.
#include "threshold/phrase.hpp"

#include <string>
#include <vector>

#include <tao/pegtl.hpp>

#include "threshold.hpp"
#include "threshold/actions.hpp"
#include "threshold/match_state.hpp"

namespace rbc::threshold {
namespace {

namespace pegtl = tao::pegtl;

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Attempts start only where a token starts: a word after a non-word byte, a
// number not glued to a word, version or range ("p95", "1.2.3", "1-4"), or a
// symbol. A "=" glued to a word is an assignment ("--replicas=3").
bool token_start(std::string_view text, std::size_t pos) {
  char c = text[pos];
  if (is_blank(c)) return false;
  char prev = pos == 0 ? ' ' : text[pos - 1];
  if (is_digit(c)) return !is_word_char(prev) && prev != '.' && prev != ',' && prev != '-' && prev != '+';
  if (is_word_char(c)) return !is_word_char(prev);
  // Every clause starts with a word, a number or one of these symbols
  // (0xE2 leads "≥", "≤", "≠").
  if (c != '>' && c != '<' && c != '=' && c != '!' && c != '&' && c != '\xE2')
    return false;
  if (c == '=') return !is_word_char(prev) && prev != '-' && prev != '=' && prev != '!' && prev != '<' && prev != '>';
  return true;
}

// The word just before pos, lower-case ("expires" in "expires in 14 days").
std::string previous_word(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end > 0 && is_blank(text[end - 1])) --end;
  std::size_t begin = end;
  while (begin > 0 && is_word_char(text[begin - 1])) --begin;
  return actions::lower(text.substr(begin, end - begin));
}

// "Certificate expires in 14 days" says when, not over which window.
bool is_expiry_window(std::string_view text, std::size_t pos, const MatchState& st) {
  return !st.has_comparison && !st.for_ms && previous_word(text, pos).rfind("expir", 0) == 0;
}

// One attempt at pos; on success fills st and returns the end offset.
std::size_t try_clause(std::string_view text, std::size_t pos, MatchState& st) {
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data() + pos, text.data() + text.size(), "");
  try {
    if (pegtl::parse<grammar::clause, actions::action>(in, st))
      return static_cast<std::size_t>(in.current() - text.data());
  } catch (...) {
    // The grammar has no must<> rules; this only guards against bad_alloc.
  }
  return pos;
}

struct Found {
  Comparison comparison;
  bool via_over = false;
};

bool is_time_unit(const std::string& unit) {
  return unit == "ms" || unit == "s" || unit == "m" || unit == "h" || unit == "d";
}

// "over 5 minutes" next to another comparison is the window it is measured
// over ("> 5% errors, over 10 minutes"); alone it compares a duration
// ("latency over 5 seconds").
void settle_over_durations(std::vector<Found>& found, Phrase& phrase) {
  auto is_over_time = [](const Found& f) {
    return f.via_over && is_time_unit(f.comparison.unit) && !f.comparison.of_max;
  };
  bool other = false;
  for (const Found& f : found) other = other || !is_over_time(f);
  for (const Found& f : found) {
    if (other && is_over_time(f)) {
      if (!phrase.window_ms) {
        std::int64_t ms = 0;
        TimeUnit unit = f.comparison.unit == "ms"  ? TimeUnit::ms
                        : f.comparison.unit == "s" ? TimeUnit::s
                        : f.comparison.unit == "m" ? TimeUnit::m
                        : f.comparison.unit == "h" ? TimeUnit::h
                                                   : TimeUnit::d;
        if (to_ms(f.comparison.value, unit, ms)) {
          phrase.window_ms = ms;
          phrase.window_text = f.comparison.text;
        }
      }
      continue;
    }
    phrase.comparisons.push_back(f.comparison);
  }
}

}  // namespace

Phrase parse_phrase(std::string_view text) {
  Phrase phrase;
  std::vector<Found> found;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (!token_start(text, pos)) {
      ++pos;
      continue;
    }
    MatchState st;
    st.base = text.data();
    std::size_t end = try_clause(text, pos, st);
    if (end == pos || is_expiry_window(text, pos, st)) {
      ++pos;
      continue;
    }
    if (st.has_comparison) found.push_back({st.comparison, st.via_over});
    if (st.for_ms && !phrase.for_ms) {
      phrase.for_ms = st.for_ms;
      phrase.for_text = st.for_text;
    }
    if (st.window_ms && !phrase.window_ms) {
      phrase.window_ms = st.window_ms;
      phrase.window_text = st.window_text;
    }
    pos = end;
  }
  settle_over_durations(found, phrase);
  return phrase;
}

}  // namespace rbc::threshold
