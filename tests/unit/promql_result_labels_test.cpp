// The one label analysis the lints rest on (promql/result_labels.hpp): what
// labels an expression's result can carry, must carry, and with which
// values; template/label-dropped, template/alertname, promql/impossible,
// rule/dependency and rule/duplicate all ask it.
#include <catch2/catch.hpp>

#include <string>

#include "promql/parse.hpp"
#include "promql/result_labels.hpp"

namespace {

using rbc::promql::ResultLabels;
using Kind = ResultLabels::Kind;
using Set = rbc::promql::LabelNames;

ResultLabels labels_of(const std::string& expr) {
  const rbc::promql::ParseResult parsed = rbc::promql::parse(expr);
  REQUIRE(parsed.expr);
  return rbc::promql::result_labels(*parsed.expr);
}

// "label=value" / "label=~pattern" ... for every pin, in label order.
std::vector<std::string> pins_of(const std::string& expr) {
  static const char* kOps[] = {"=", "=~", "!=", "!~"};
  std::vector<std::string> out;
  for (const auto& [label, pins] : labels_of(expr).pins)
    for (const auto& pin : pins) out.push_back(label + kOps[static_cast<int>(pin.kind)] + pin.value);
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("selectors require their non-empty matchers' labels and bound nothing", "[promql][labels]") {
  const auto f = labels_of(R"(up{job="api", env="", zone=~".+", dc=~"a|"})");
  CHECK(f.kind == Kind::any);
  CHECK(f.must == Set{"job", "zone"});
  CHECK(f.cause == nullptr);
  CHECK(pins_of(R"(up{job="api", zone=~".+", dc!="x", env!~"a|b"})") ==
        V{"dc!=x", "env!~a|b", "job=api", "zone=~.+"});
}

TEST_CASE("aggregations bound the labels to their grouping", "[promql][labels]") {
  const auto by = labels_of(R"(sum by (job) (up{job="a", instance="b"}))");
  CHECK(by.kind == Kind::only);
  CHECK(by.names == Set{"job"});
  CHECK(by.must == Set{"job"});
  CHECK(pins_of(R"(sum by (job) (up{job="a", instance="b"}))") == V{"job=a"});
  const auto without = labels_of(R"(sum without (instance) (up{job="a", instance="b"}))");
  CHECK(without.kind == Kind::all_but);
  CHECK(without.names == Set{"instance"});
  CHECK(without.must == Set{"job"});
  CHECK_FALSE(without.may_carry("instance"));
  CHECK(without.may_carry("zone"));
  CHECK_FALSE(labels_of("topk(3, sum by (job) (up))").may_carry("instance"));
  CHECK(labels_of("topk by (job) (3, up)").may_carry("instance"));
  CHECK(pins_of(R"(sum(x{type="api"}))").empty());
  // count_values without its own grouping keeps only the new label, always set.
  const auto counted = labels_of(R"(count_values("version", sum by (job) (up)))");
  CHECK(counted.names == Set{"version"});
  CHECK(counted.must == Set{"version"});
  CHECK(labels_of(R"(count_values(("v"), up))").names == Set{"v"});
}

TEST_CASE("functions keep, add or drop labels", "[promql][labels]") {
  CHECK(labels_of("rate(x{job=\"a\"}[5m])").must == Set{"job"});
  const auto relabelled = labels_of(R"x(label_replace(sum by (job) (up{job="a"}), "job", "$1", "x", "(.*)"))x");
  CHECK(relabelled.names == Set{"job"});
  CHECK(relabelled.must.empty());  // rewritten, maybe to ""
  CHECK(relabelled.pins.empty());  // its value is no longer the matcher's
  const auto host = labels_of(R"x(label_replace(sum by (job) (up), ("host"), "$1", "job", "(.*)"))x");
  CHECK(host.names == Set{"host", "job"});
  CHECK_FALSE(labels_of("histogram_quantile(0.9, sum by (le, job) (rate(x[5m])))").may_carry("le"));
  CHECK(labels_of("vector(1)").names.empty());
  CHECK(labels_of("vector(1)").kind == Kind::only);
  CHECK(labels_of("scalar(up) * 2").kind == Kind::only);
}

TEST_CASE("absent() keeps equality matchers in Prometheus's order", "[promql][labels]") {
  const auto a = labels_of(R"(absent(up{job="a", env=~"x", zone=""}))");
  CHECK(a.names == Set{"job"});
  CHECK(a.must == Set{"job"});
  CHECK(pins_of(R"(absent(up{job="a", env=~"x"}))") == V{"job=a"});
  // Matched twice, or by another operator after an equality: dropped.
  CHECK(labels_of(R"(absent(up{job="a", job="b"}))").names.empty());
  CHECK(labels_of(R"(absent(up{job="a", job!="b"}))").names.empty());
  CHECK(labels_of(R"(absent(up{job!="b", job="a"}))").names == Set{"job"});
  CHECK(labels_of(R"(absent_over_time(up{job="a"}[5m]))").names == Set{"job"});
}

TEST_CASE("binary operations follow vector matching", "[promql][labels]") {
  const auto on = labels_of(R"(up{job="a", instance="b"} / on(instance) up)");
  CHECK(on.kind == Kind::only);
  CHECK(on.names == Set{"instance"});
  CHECK(on.must == Set{"instance"});
  CHECK(pins_of(R"(up{job="a", instance="b"} / on(instance) up)") == V{"instance=b"});
  const auto ignoring = labels_of(R"(up{job="a", instance="b"} / ignoring(instance) up)");
  CHECK(ignoring.kind == Kind::all_but);
  CHECK(ignoring.must == Set{"job"});
  CHECK(pins_of(R"(up{job="a", instance="b"} / ignoring(instance) up)") == V{"job=a"});
  const auto left = labels_of(R"(sum by (job) (up) * on(job) group_left(team) info{team="x"})");
  CHECK(left.names == Set{"job", "team"});
  CHECK(left.must == Set{"team"});
  const auto either = labels_of(R"(sum by (job) (up{job="a"}) or sum by (job, env) (up{job="b"}))");
  CHECK(either.names == Set{"env", "job"});
  CHECK(either.must == Set{"job"});
  CHECK(either.pins.empty());  // a series may come from either side
  CHECK(labels_of(R"(sum by (job) (up) and on() up{instance="a"})").names == Set{"job"});
  CHECK(labels_of(R"(up{job="a"} * 2)").must == Set{"job"});
  CHECK(labels_of(R"(up{a="1"} or sum without (b) (x))").kind == Kind::any);
  CHECK(labels_of(R"(up{a="1"} or sum without (b) (x))").must.empty());
}

TEST_CASE("the cause is the node that last narrowed the labels", "[promql][labels]") {
  const std::string text = "histogram_quantile(0.9, sum by (le) (rate(x[5m])))";
  const rbc::promql::ParseResult parsed = rbc::promql::parse(text);
  REQUIRE(parsed.expr);
  const ResultLabels r = rbc::promql::result_labels(*parsed.expr);
  REQUIRE(r.cause != nullptr);
  CHECK(r.cause->kind == rbc::promql::Kind::Call);  // removing le narrowed it last
  CHECK(r.names.empty());
}

TEST_CASE("a rule's own labels go on top of its result", "[promql][labels]") {
  ResultLabels r = labels_of(R"(sum by (job, env) (up{env="prod"}))");
  r.set_label("team", "db");
  r.set_label("env", "");
  CHECK(r.names == Set{"job", "team"});
  CHECK(r.must == Set{"team"});
  CHECK(r.pins.empty());
}

TEST_CASE("mentions_label looks at every part of the expression", "[promql][labels]") {
  const auto mentions = [](const std::string& expr, const char* label) {
    const rbc::promql::ParseResult parsed = rbc::promql::parse(expr);
    REQUIRE(parsed.expr);
    return rbc::promql::mentions_label(*parsed.expr, label);
  };
  CHECK(mentions(R"(ALERTS{alertname="x"})", "alertname"));
  CHECK(mentions(R"x(label_replace(up, "alertname", "$1", "job", "(.*)"))x", "alertname"));
  CHECK(mentions("sum by (alertname) (x) * on(team) group_left(owner) y", "owner"));
  CHECK_FALSE(mentions("sum by (job) (rate(x[5m]))", "alertname"));
}

TEST_CASE("deep nesting gives up instead of recursing without bound", "[promql][labels]") {
  std::string expr = "up";
  for (int i = 0; i < 5000; ++i) expr = "(" + expr + ")";
  CHECK(labels_of(expr).kind == Kind::any);
  CHECK(labels_of("sum by (job) " + expr).kind == Kind::only);  // the outer aggregation still bounds it
}
