// What one attempt of grammar::clause collects: the PEGTL actions in
// actions.hpp fill it, the scanner in phrase.cpp reads it on success.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "threshold/phrase.hpp"
#include "threshold/units.hpp"

namespace rbc::threshold {

struct MatchState {
  const char* base = nullptr;  // start of the whole phrase, for byte ranges

  // Scratch values, overwritten by each leaf rule and read by its parent.
  double number = 0;
  TimeUnit time = TimeUnit::s;
  std::string measure;     // "%", "MB", "s", "°C" of the last measure
  double rate_count = 1;   // the 10 of "/10min"
  std::string rate;        // "/s", "/10m" once a rate matched
  double duration_amount = 0;
  std::int64_t duration_ms = 0;       // sum of the parts seen so far
  std::int64_t last_duration_ms = 0;  // the last complete duration

  // The comparison, when the attempt is one.
  bool has_comparison = false;
  Comparison comparison;
  bool currency = false;
  std::string unit_base;  // measure or counted noun
  bool counted = false;   // unit_base is a noun
  bool via_over = false;  // the operator was "over"

  // Durations and windows the attempt stated.
  std::optional<std::int64_t> for_ms;
  Range for_text;
  std::optional<std::int64_t> window_ms;
  Range window_text;
};

}  // namespace rbc::threshold
