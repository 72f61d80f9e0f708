// The label analysis the PromQL lints (promql/impossible, rule/dependency)
// rest on: what labels an expression's result can and must carry.
#include <catch2/catch.hpp>

#include <string>

#include "checks/promql_labels.hpp"
#include "promql/parse.hpp"

namespace {

rbc::checks::LabelFacts facts_of(const std::string& expr) {
  const rbc::promql::ParseResult parsed = rbc::promql::parse(expr);
  REQUIRE(parsed.expr);
  return rbc::checks::label_facts(*parsed.expr);
}

using Set = std::set<std::string>;

}  // namespace

TEST_CASE("selectors require their non-empty matchers' labels and bound nothing", "[lint][promql]") {
  const auto f = facts_of(R"(up{job="api", env="", zone=~".+", dc=~"a|"})");
  CHECK_FALSE(f.bounded);
  CHECK(f.must == Set{"job", "zone"});
}

TEST_CASE("aggregations bound the labels to their grouping", "[lint][promql]") {
  const auto by = facts_of(R"(sum by (job) (up{job="a", instance="b"}))");
  CHECK(by.bounded);
  CHECK(by.may == Set{"job"});
  CHECK(by.must == Set{"job"});
  const auto without = facts_of(R"(sum without (instance) (up{job="a", instance="b"}))");
  CHECK_FALSE(without.bounded);
  CHECK(without.must == Set{"job"});
  CHECK_FALSE(facts_of("topk(3, sum by (job) (up))").can_carry("instance"));
  CHECK(facts_of("topk by (job) (3, up)").can_carry("instance"));
  // count_values without its own grouping keeps only the new label.
  CHECK(facts_of(R"(count_values("version", sum by (job) (up)))").may == Set{"version"});
}

TEST_CASE("functions keep, add or drop labels", "[lint][promql]") {
  CHECK(facts_of("rate(x{job=\"a\"}[5m])").must == Set{"job"});
  const auto relabelled = facts_of(R"x(label_replace(sum by (job) (up), "host", "$1", "job", "(.*)"))x");
  CHECK(relabelled.may == Set{"host", "job"});
  CHECK(relabelled.must.empty());
  CHECK_FALSE(facts_of("histogram_quantile(0.9, sum by (le, job) (rate(x[5m])))").can_carry("le"));
  CHECK(facts_of(R"(absent(up{job="a", env=~"x"}))").may == Set{"job"});
  CHECK(facts_of("vector(1)").may.empty());
  CHECK(facts_of("vector(1)").bounded);
}

TEST_CASE("binary operations follow vector matching", "[lint][promql]") {
  const auto on = facts_of(R"(up{job="a", instance="b"} / on(instance) up)");
  CHECK(on.bounded);
  CHECK(on.may == Set{"instance"});
  CHECK(on.must == Set{"instance"});
  const auto ignoring = facts_of(R"(up{job="a", instance="b"} / ignoring(instance) up)");
  CHECK_FALSE(ignoring.bounded);
  CHECK(ignoring.must == Set{"job"});
  const auto left = facts_of(R"(sum by (job) (up) * on(job) group_left(team) info{team="x"})");
  CHECK(left.may == Set{"job", "team"});
  CHECK(left.must == Set{"team"});
  const auto either = facts_of(R"(sum by (job) (up{job="a"}) or sum by (job, env) (up{job="b"}))");
  CHECK(either.may == Set{"env", "job"});
  CHECK(either.must == Set{"job"});
  CHECK(facts_of(R"(sum by (job) (up) and on() up{instance="a"})").may == Set{"job"});
  CHECK(facts_of(R"(up{job="a"} * 2)").must == Set{"job"});
}

TEST_CASE("deep nesting gives up instead of recursing without bound", "[lint][promql]") {
  std::string expr = "up";
  for (int i = 0; i < 5000; ++i) expr = "(" + expr + ")";
  const auto f = facts_of("sum by (job) " + expr);
  CHECK(f.bounded);  // the outer aggregation still bounds it
}
