// Whether what a runbook documents ("> 5%") and what the rule compares
// (`> 0.05`) mean the same, honouring units and scale:
//   "5%" = `> 0.05` = `* 100 > 5`; "2s" = `> 2` on seconds = `> 2000` on
//   milliseconds; "1 GB" = 1e9 or 2^30; "14 days" = `14 * 86400`;
//   "above"/"exceeds" = `>` or `>=`.
#pragma once

#include <string>
#include <vector>

#include "model/expr_facts.hpp"
#include "threshold/phrase.hpp"

namespace rbc::model {

struct MatchResult {
  bool direction_ok = false;  // same side of the threshold (> and >= agree)
  bool value_ok = false;
  // The rule's constant in the runbook's terms, for messages: "= 50%",
  // "= 2000ms"; empty when the units could not be related.
  std::string rule_in_doc_units;
};

MatchResult match_threshold(const threshold::Comparison& doc, const ExprComparison& rule);

// For a section with several documented comparisons and a rule with
// several comparisons: the best pairing. Each documented comparison gets
// the index of the rule comparison it matches, or the closest candidate
// when none matches (for the message); -1 when the rule has none.
struct Pairing {
  int rule_index = -1;
  MatchResult result;
};
std::vector<Pairing> pair_thresholds(const std::vector<threshold::Comparison>& doc,
                                     const std::vector<ExprComparison>& rule);

}  // namespace rbc::model
