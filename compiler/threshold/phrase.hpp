// What a threshold phrase in a runbook says: the comparisons it makes, and
// the duration ("for 5 minutes") and window ("in 1 hour") it states.
//
// "Service error rate >5% for 5 minutes"  -> [> 5 %], for 5m
// "Coverage < 70% and dropped > 5% in 1 hour" -> [< 70 %, > 5 %], window 1h
// The grammar is grammar/threshold.hpp; this is the stage's plain-data output.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rbc::threshold {

enum class Op { gt, ge, lt, le, eq, ne };
// ">", ">=", "<", "<=", "==", "!="
const char* op_text(Op op);

// A byte range of the phrase text given to parse_phrase().
struct Range {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct Comparison {
  Op op = Op::gt;
  double value = 0;  // as written: 5 for "5%", 2 for "2s", 1000 for "1,000"
  // Canonical unit or empty: "%", "ms", "s", "m", "h", "d", "B", "KB", "MB",
  // "GB", "KiB", "MiB", "GiB", "$", a rate ("/s", "/h", "$/h", "MB/10m"), or a
  // counted noun as written ("messages", "failures").
  std::string unit;
  bool of_max = false;  // "90% of max", "95% of maxmemory"
  // A severity word the phrase ties to this comparison ("critical at 95%"),
  // lower-case as written; empty when none.
  std::string severity_word;
  Range text;           // the comparison, with its own duration/window if they follow it
};

struct Phrase {
  std::vector<Comparison> comparisons;
  std::optional<std::int64_t> for_ms;  // "for 5 minutes", "for 5+ minutes", "for >1 minute"
  Range for_text;
  std::optional<std::int64_t> window_ms;  // "in 5 minutes", "in 1 hour"
  Range window_text;
};

// Reads every comparison, duration and window in free text. Never throws;
// text with none of them gives an empty Phrase.
Phrase parse_phrase(std::string_view text);

// A duration as Prometheus prints it: 300000 -> "5m", 5400000 -> "1h30m".
std::string format_duration(std::int64_t ms);

}  // namespace rbc::threshold
