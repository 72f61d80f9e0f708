// What can be said for certain about the labels of an expression's result
// series, from the expression alone: which labels they can carry at most
// (after `sum by (job)`: only job) and which every series carries with a
// non-empty value (`up{job="api"}`: job). The metric name is left out.
#pragma once

#include <set>
#include <string>

#include "promql/ast.hpp"

namespace rbc::checks {

struct LabelFacts {
  bool bounded = false;        // series carry no label outside `may`
  std::set<std::string> may;   // meaningful when bounded
  std::set<std::string> must;  // labels always present and non-empty

  bool can_carry(const std::string& label) const { return !bounded || may.count(label) > 0; }
};

// Facts about the result of `e`; unknown (unbounded, nothing required) for
// what is not understood or nests too deep.
LabelFacts label_facts(const promql::Expr& e);

// Facts a selector's own matchers establish: the labels it requires.
LabelFacts selector_facts(const promql::Expr& selector);

}  // namespace rbc::checks
