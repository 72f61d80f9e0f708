#include "promql/label_pins.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>

#include <re2/re2.h>

namespace rbc::promql {
namespace {

// The characters every match of an anchored pattern starts with; empty when
// the pattern has alternation or starts with a construct.
std::string literal_prefix(std::string_view pattern) {
  if (pattern.find('|') != std::string_view::npos) return {};
  std::string prefix;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (std::strchr(".[]()*+?{}^$\\", c) != nullptr) break;
    const char next = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
    if (next == '?' || next == '*' || next == '{') break;  // this character is optional
    prefix += c;
  }
  return prefix;
}

bool regex_matches(const std::string& pattern, const std::string& value) {
  const RE2 re("^(?:" + pattern + ")$", RE2::Quiet);
  return re.ok() && RE2::FullMatch(value, re);
}

}  // namespace

bool pins_disjoint(const LabelPin& a, const LabelPin& b) {
  if (static_cast<int>(a.kind) > static_cast<int>(b.kind)) return pins_disjoint(b, a);
  switch (a.kind) {
    case PinKind::equal:
      switch (b.kind) {
        case PinKind::equal: return a.value != b.value;
        case PinKind::regex: return !regex_matches(b.value, a.value);
        case PinKind::not_equal: return a.value == b.value;
        case PinKind::not_regex: return regex_matches(b.value, a.value);
      }
      break;
    case PinKind::regex:
      if (b.kind != PinKind::regex) return false;  // a pattern and an exclusion: rarely certain
      {
        const std::string pa = literal_prefix(a.value);
        const std::string pb = literal_prefix(b.value);
        const std::size_t common = std::min(pa.size(), pb.size());
        return pa.compare(0, common, pb, 0, common) != 0;
      }
    default: return false;  // two exclusions always leave values both accept
  }
  return false;
}

bool outputs_disjoint(const LabelPins& a, const LabelPins& b) {
  return std::any_of(a.begin(), a.end(), [&](const auto& label) {
    auto other = b.find(label.first);
    if (other == b.end()) return false;
    return std::any_of(label.second.begin(), label.second.end(), [&](const LabelPin& pa) {
      return std::any_of(other->second.begin(), other->second.end(),
                         [&](const LabelPin& pb) { return pins_disjoint(pa, pb); });
    });
  });
}

}  // namespace rbc::promql
