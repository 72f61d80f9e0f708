// What a runbook section's conditions mean once described: a sentence that
// states the healthy state documents the opposite of the alert condition.
#include <catch2/catch.hpp>

#include "config/config.hpp"
#include "model/describe_runbook.hpp"
#include "runbook_test_support.hpp"

namespace {

using rbc::threshold::Op;

// The documented comparisons of the first section of `markdown`.
std::vector<std::pair<Op, double>> documented(const std::string& markdown) {
  auto read = rbc::runbook::test::read_text(markdown);
  const rbc::model::RunbookInfo info =
      rbc::model::describe_runbook(std::move(read.file), read.source, rbc::config::default_config());
  REQUIRE_FALSE(info.sections.empty());
  std::vector<std::pair<Op, double>> out;
  for (const auto& t : info.sections.front().thresholds) out.emplace_back(t.comparison.op, t.comparison.value);
  return out;
}

std::string section(const std::string& condition) {
  return "## CompactMultipleRunning\n\n**Condition:** " + condition + "\n";
}

}  // namespace

TEST_CASE("a healthy-state sentence documents the opposite comparison", "[model][runbook]") {
  CHECK(documented(section("No more than one compactor should be running at once.")) ==
        std::vector<std::pair<Op, double>>{{Op::gt, 1}});
  CHECK(documented(section("Latency should stay below 200ms.")) ==
        std::vector<std::pair<Op, double>>{{Op::ge, 200}});
  CHECK(documented(section("At least 3 replicas must be ready")) ==
        std::vector<std::pair<Op, double>>{{Op::lt, 3}});
}

TEST_CASE("an alert-condition sentence keeps its comparison", "[model][runbook]") {
  CHECK(documented(section("Error rate above 5% should be investigated.")) ==
        std::vector<std::pair<Op, double>>{{Op::gt, 5}});
  CHECK(documented(section("More than 1 instance running for 5 minutes")) ==
        std::vector<std::pair<Op, double>>{{Op::gt, 1}});
  // The sentence ends at the full stop: the next sentence's "should" is not this one's.
  CHECK(documented(section("Disk usage > 90%. Operators should act quickly.")) ==
        std::vector<std::pair<Op, double>>{{Op::gt, 90}});
}
