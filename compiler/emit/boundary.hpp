// Boundary tests: for each alert that compares what it reads with a
// threshold, a promtool unit test (`promtool test rules`) whose series sit
// just past the threshold (the alert fires once `for` has passed, not a
// step earlier) and just short of it (nothing fires). One test file per
// rule file, under tests/, naming the emitted rule file (../rules/...).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "emit/output.hpp"

namespace rbc::emit {

struct UncoveredAlert {
  std::string file;  // the emitted rule file: "rules/api.yml"
  std::string alert;
  std::string reason;
};

struct BoundaryResult {
  std::vector<OutputFile> files;  // "tests/<name>.yml"
  std::size_t alerts = 0;         // alerting rules whose expression parsed
  std::size_t covered = 0;        // ... that have a boundary test
  std::vector<UncoveredAlert> uncovered;
};

// `emitted_rules` are the rule emitter's files (emit_rules()): the tests
// expect exactly the labels and annotations those files give, and name
// them by their paths. PrometheusRule files are left out (promtool cannot
// load them); so are alerts whose expression or templates are beyond the
// generator, each with the reason.
BoundaryResult emit_boundary_tests(const BuildInput& input, const std::vector<OutputFile>& emitted_rules);

// "boundary tests: N of M alerts", then one line per uncovered alert:
// "  FILE: ALERT: reason".
std::vector<std::string> boundary_report(const BoundaryResult& result);

}  // namespace rbc::emit
