// Label conditions of Alertmanager routes. Several documented routes may
// send the same alert to the same channel ("warnings to Slack", "infra
// alerts to Slack"); two sibling routes to one receiver would notify it
// twice, so each later route to a receiver is cut down to the alerts the
// earlier ones do not match, using negative matchers. Internal to the
// Alertmanager emitter.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rbc::emit::am {

struct LabelTest {
  std::optional<std::set<std::string>> in;  // the value is one of these (the label is set)
  std::set<std::string> out;                // the value is none of these (unset counts as "")
};

// Every label test must hold; an empty condition matches every alert.
using Condition = std::map<std::string, LabelTest>;

// `label` is one of `values` (empty values: no test).
void require_in(Condition& c, const std::string& label, const std::vector<std::string>& values);

// The alerts `c` matches and none of `earlier` does, as disjoint conditions
// (empty when the earlier ones cover `c`).
std::vector<Condition> subtract(const Condition& c, const std::vector<Condition>& earlier);

// Matcher strings, in label order.
std::vector<std::string> matchers(const Condition& c);

}  // namespace rbc::emit::am
