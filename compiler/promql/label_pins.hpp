// Labels an expression's result series carry with a fixed value or pattern:
// a selector matched them (`code="500"`, `code=~"5.."`) and nothing on the
// way to the result dropped or rewrote them (ResultLabels::pins, see
// result_labels.hpp). Two rules whose results pin one label to values that
// cannot overlap write disjoint series.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace rbc::promql {

enum class PinKind { equal, regex, not_equal, not_regex };

struct LabelPin {
  std::string value;  // a label value, or an (anchored) RE2 pattern
  PinKind kind = PinKind::equal;
};

// Label -> every matcher on it that reaches the result.
using LabelPins = std::map<std::string, std::vector<LabelPin>, std::less<>>;

// No label value satisfies both pins.
bool pins_disjoint(const LabelPin& a, const LabelPin& b);

// Some label is pinned on both sides to values that cannot overlap.
bool outputs_disjoint(const LabelPins& a, const LabelPins& b);

}  // namespace rbc::promql
