// PEGTL actions for grammar/threshold.hpp. Leaf rules (numbers, units,
// operators) write scratch values into MatchState; the rule that encloses
// them copies those values into place as soon as it has matched, so a later
// leaf of the same kind cannot overwrite what was already taken.
#pragma once

#include <cctype>
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

#include <tao/pegtl.hpp>

#include "threshold.hpp"
#include "threshold/match_state.hpp"
#include "threshold/units.hpp"

namespace rbc::threshold::actions {

namespace g = grammar;

template <typename Input>
Range range_of(const Input& in, const MatchState& st) {
  auto begin = static_cast<std::size_t>(in.begin() - st.base);
  return {begin, begin + in.size()};
}

inline std::string lower(std::string_view text) {
  std::string out;
  for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Whether Rule matches all of text (no actions run).
template <typename Rule>
bool matches(std::string_view text) {
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(text.data(), text.data() + text.size(), "");
  return tao::pegtl::parse<tao::pegtl::seq<Rule, tao::pegtl::eof>>(in);
}

template <typename Rule>
struct action : tao::pegtl::nothing<Rule> {};

// --- numbers
template <>
struct action<g::decimal> {
  // Fails the rule when the digits do not make a finite double (a megabyte
  // of digits is not a threshold).
  template <typename Input>
  static bool apply(const Input& in, MatchState& st) {
    if (in.size() > 64) return false;
    std::string digits;
    for (char c : in.string_view())
      if (c != ',') digits += c;
    double value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size() || !std::isfinite(value)) return false;
    st.number = value;
    return true;
  }
};

template <>
struct action<g::number_word> {
  template <typename Input>
  static void apply(const Input& in, MatchState& st) {
    static constexpr std::string_view names[] = {"one", "two",   "three", "four",  "five", "six",
                                                 "seven", "eight", "nine", "ten", "twelve", "once", "twice"};
    static constexpr double values[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 1, 2};
    std::string word = lower(in.string_view());
    for (std::size_t i = 0; i < std::size(names); ++i)
      if (word == names[i]) st.number = values[i];
  }
};

template <>
struct action<g::kilo> {
  template <typename Input>
  static void apply(const Input&, MatchState& st) { st.number *= 1e3; }
};
template <>
struct action<g::mega> {
  template <typename Input>
  static void apply(const Input&, MatchState& st) { st.number *= 1e6; }
};

// --- time units
template <TimeUnit Unit>
struct set_time {
  template <typename Input>
  static void apply(const Input&, MatchState& st) { st.time = Unit; }
};
template <> struct action<g::unit_ms> : set_time<TimeUnit::ms> {};
template <> struct action<g::unit_s> : set_time<TimeUnit::s> {};
template <> struct action<g::unit_m> : set_time<TimeUnit::m> {};
template <> struct action<g::unit_h> : set_time<TimeUnit::h> {};
template <> struct action<g::unit_d> : set_time<TimeUnit::d> {};
template <> struct action<g::unit_w> : set_time<TimeUnit::w> {};
template <> struct action<g::unit_y> : set_time<TimeUnit::y> {};

// --- measures; weeks and years become days so comparisons share one unit set
template <>
struct action<g::measure> {
  template <typename Input>
  static void apply(const Input& in, MatchState& st) {
    std::string_view text = in.string_view();
    if (matches<g::percent>(text)) {
      st.unit_base = "%";
    } else if (matches<g::byte_unit>(text)) {
      st.unit_base = canonical_bytes(text);
    } else if (text.size() > 2 && text.substr(0, 2) == "\xC2\xB0") {
      st.unit_base = std::string(text);
    } else {
      st.unit_base = unit_name(st.time);
      if (st.time == TimeUnit::w) st.comparison.value *= 7;
      if (st.time == TimeUnit::y) st.comparison.value *= 365;
    }
  }
};

// The counted noun, lower-case; "bytes" is the byte unit after all.
struct set_noun {
  template <typename Input>
  static void apply(const Input& in, MatchState& st) {
    std::string_view text = in.string_view();
    bool bytes = matches<g::byte_unit>(text);
    st.unit_base = bytes ? canonical_bytes(text) : lower(text);
    st.counted = !bytes;
  }
};
template <> struct action<g::plural_noun> : set_noun {};
template <> struct action<g::lone_noun> : set_noun {};

// --- rates
template <>
struct action<g::rate_start> {
  static void apply0(MatchState& st) { st.rate_count = 1; }
};
template <>
struct action<g::rate_count> {
  template <typename Input>
  static void apply(const Input&, MatchState& st) { st.rate_count = st.number; }
};
template <>
struct action<g::rate_period> {
  template <typename Input>
  static void apply(const Input&, MatchState& st) {
    double count = st.rate_count;
    if (st.time == TimeUnit::w) count *= 7;
    if (st.time == TimeUnit::y) count *= 365;
    st.rate = "/";
    if (count != 1) st.rate += format_count(count);
    st.rate += unit_name(st.time);
  }
};

// --- the value of a comparison
template <>
struct action<g::amount> {
  template <typename Input>
  static void apply(const Input& in, MatchState& st) {
    st.comparison.value = st.number;
    st.currency = !in.empty() && in.peek_char() == '$';
  }
};
template <>
struct action<g::plus_amount> {
  template <typename Input>
  static void apply(const Input&, MatchState& st) {
    st.comparison.value = st.number;
    st.comparison.op = Op::ge;
  }
};
template <>
struct action<g::of_max> {
  template <typename Input>
  static void apply(const Input&, MatchState& st) { st.comparison.of_max = true; }
};

// --- operators
template <Op Which, bool Over = false>
struct set_op {
  template <typename Input>
  static void apply(const Input&, MatchState& st) {
    st.comparison.op = Which;
    st.via_over = Over;
  }
};
template <> struct action<g::op_ge> : set_op<Op::ge> {};
template <> struct action<g::op_le> : set_op<Op::le> {};
template <> struct action<g::op_ne> : set_op<Op::ne> {};
template <> struct action<g::op_eq> : set_op<Op::eq> {};
template <> struct action<g::op_gt> : set_op<Op::gt> {};
template <> struct action<g::op_lt> : set_op<Op::lt> {};
template <> struct action<g::op_over> : set_op<Op::gt, true> {};
template <> struct action<g::op_at> : set_op<Op::ge> {};

template <>
struct action<g::severity_name> {
  template <typename Input>
  static void apply(const Input& in, MatchState& st) {
    st.comparison.severity_word = lower(in.string_view());
  }
};

// Both comparison shapes end here: put the unit together.
struct finish_comparison {
  template <typename Input>
  static void apply(const Input& in, MatchState& st) {
    std::string unit = st.currency ? "$" : st.unit_base;
    if (!st.rate.empty()) {
      // A counted noun with a rate is the bare rate: "errors per second" -> "/s".
      if (st.counted && !st.currency) unit.clear();
      unit += st.rate;
    }
    st.comparison.unit = unit;
    st.comparison.text = range_of(in, st);
    st.has_comparison = true;
  }
};
template <> struct action<g::operator_comparison> : finish_comparison {};
template <> struct action<g::plus_comparison> : finish_comparison {};

// The comparison's own duration or window widens its text.
template <>
struct action<g::comparison> {
  template <typename Input>
  static void apply(const Input& in, MatchState& st) {
    st.comparison.text.end = range_of(in, st).end;
  }
};

// --- durations
template <>
struct action<g::duration_start> {
  static void apply0(MatchState& st) { st.duration_ms = 0; }
};
template <>
struct action<g::duration_amount> {
  template <typename Input>
  static void apply(const Input& in, MatchState& st) {
    char first = in.empty() ? '\0' : in.peek_char();
    st.duration_amount = (first == 'a' || first == 'A') ? 1 : st.number;
  }
};
template <>
struct action<g::duration_part> {
  template <typename Input>
  static bool apply(const Input&, MatchState& st) {
    std::int64_t part = 0;
    if (!to_ms(st.duration_amount, st.time, part)) return false;
    if (part > 9'000'000'000'000'000 - st.duration_ms) return false;
    st.duration_ms += part;
    return true;
  }
};
template <>
struct action<g::compact_amount> {
  template <typename Input>
  static bool apply(const Input& in, MatchState& st) {
    if (in.size() > 18) return false;
    st.duration_amount = 0;
    for (char c : in.string_view()) st.duration_amount = st.duration_amount * 10 + (c - '0');
    return true;
  }
};
template <>
struct action<g::compact_unit> {
  template <typename Input>
  static void apply(const Input& in, MatchState& st) {
    static constexpr std::string_view names = "smhdwy";
    static constexpr TimeUnit units[] = {TimeUnit::s, TimeUnit::m, TimeUnit::h,
                                         TimeUnit::d, TimeUnit::w, TimeUnit::y};
    std::string_view text = in.string_view();
    st.time = text == "ms" ? TimeUnit::ms : units[names.find(text[0])];
  }
};
template <> struct action<g::compact_part> : action<g::duration_part> {};

template <>
struct action<g::bare_duration> {
  template <typename Input>
  static void apply(const Input&, MatchState& st) { st.last_duration_ms = unit_ms(st.time); }
};
template <>
struct action<g::duration> {
  template <typename Input>
  static void apply(const Input&, MatchState& st) { st.last_duration_ms = st.duration_ms; }
};

template <>
struct action<g::for_clause> {
  template <typename Input>
  static void apply(const Input& in, MatchState& st) {
    st.for_ms = st.last_duration_ms;
    st.for_text = range_of(in, st);
  }
};
struct set_window {
  template <typename Input>
  static void apply(const Input& in, MatchState& st) {
    st.window_ms = st.last_duration_ms;
    st.window_text = range_of(in, st);
  }
};
template <> struct action<g::window_clause> : set_window {};
template <> struct action<g::over_window> : set_window {};

}  // namespace rbc::threshold::actions
