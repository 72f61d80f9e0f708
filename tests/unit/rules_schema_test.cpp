// Rule-file schema checks (promtool 2.42 rulefmt semantics): each check
// fires on a bad file and stays silent on the good variant.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "rules/load.hpp"

using rbc::Diagnostics;
using rbc::SourceFile;
namespace rules = rbc::rules;

namespace {

struct Result {
  Diagnostics diags;
  rules::LoadedFile file;
  // "code@line:col" for every diagnostic, in report order.
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const auto& d : diags.items())
      out.push_back(d.code + "@" + std::to_string(d.span.begin.line) + ":" +
                    std::to_string(d.span.begin.column));
    return out;
  }
  bool mentions(const std::string& text) const {
    for (const auto& d : diags.items())
      if (d.message.find(text) != std::string::npos) return true;
    return false;
  }
};

// Kept alive for the LoadedFile's views.
std::vector<std::unique_ptr<SourceFile>> g_sources;

Result load(const std::string& text) {
  g_sources.push_back(std::make_unique<SourceFile>("t.yml", text));
  Result r;
  r.file = rules::load_rule_file(*g_sources.back(), r.diags);
  return r;
}

using V = std::vector<std::string>;

std::string one_rule(const std::string& fields) {
  return "groups:\n- name: g\n  rules:\n  - " + fields;
}

}  // namespace

TEST_CASE("rules: a good file loads into the model silently", "[rules]") {
  const Result r = load(
      "groups:\n- name: g\n  interval: 1m\n  limit: 10\n  rules:\n"
      "  - alert: HighLoad\n    expr: up == 0\n    for: 5m\n    keep_firing_for: 1m\n"
      "    labels: {severity: page, n: 1}\n    annotations:\n      summary: '{{ $labels.job }} down'\n"
      "  - record: job:up:sum\n    expr: sum by (job) (up)\n    for: 0s\n");
  CHECK(r.codes() == V{});
  REQUIRE(r.file.ok);
  REQUIRE(r.file.kind == rules::FileKind::rule_file);
  const auto all = rules::all_rules(r.file);
  REQUIRE(all.size() == 2);
  const rules::Group& g = *all[0].group;
  CHECK(g.name.value == "g");
  CHECK(g.interval->ms == 60000);
  CHECK(*g.limit == 10);
  const rules::Rule& a = *all[0].rule;
  CHECK(a.kind == rules::RuleKind::alerting);
  CHECK(a.name.value == "HighLoad");
  CHECK(a.name.span.begin == rbc::Position{6, 12});
  CHECK(a.expr.value == "up == 0");
  CHECK(a.for_duration->ms == 300000);
  CHECK(a.keep_firing_for->ms == 60000);
  REQUIRE(a.labels.size() == 2);
  CHECK(a.labels[1].value.value == "1");
  CHECK(a.annotations[0].name.value == "summary");
  CHECK(a.index == 1);
  CHECK(all[1].rule->kind == rules::RuleKind::recording);
  CHECK(all[1].rule->index == 2);
}

TEST_CASE("rules: empty and group-less files pass as promtool does", "[rules]") {
  CHECK(load("").codes() == V{});
  CHECK(load("# nothing\n").codes() == V{});
  CHECK(load("groups: []\n").codes() == V{});
  CHECK(load("groups:\n").codes() == V{});
  CHECK(load("groups:\n- name: a\n").codes() == V{});
  CHECK(load("groups:\n- name: a\n  rules:\n").codes() == V{});
}

TEST_CASE("rules: top-level shape", "[rules]") {
  CHECK(load("- a\n").codes() == V{"rule/schema@1:1"});
  CHECK(load("hello\n").codes() == V{"rule/schema@1:1"});
  CHECK(load("groups: 3\n").codes() == V{"rule/schema@1:9"});
  CHECK(load("groups: []\nfoo: 1\n").codes() == V{"rule/schema@2:1"});
  CHECK(load("groups:\n- 3\n").codes() == V{"rule/schema@2:3"});
}

TEST_CASE("rules: unknown fields at group and rule level", "[rules]") {
  const Result r = load("groups:\n- name: a\n  partial_response_strategy: abort\n  rules:\n"
                        "  - alert: A\n    expr: up\n    annotation: {}\n");
  CHECK(r.codes() == V{"rule/schema@3:3", "rule/schema@7:5"});
  CHECK(r.mentions("unknown field \"partial_response_strategy\" in rule group; Prometheus 2.42 "
                   "rejects it (Thanos Ruler only)"));
  CHECK(r.mentions("did you mean \"annotations\"?"));
  CHECK(r.diags.items()[0].group == "a");
  CHECK(r.diags.items()[1].rule == "A");
  CHECK(load("groups:\n- name: a\n  labels: {a: b}\n").codes() == V{"rule/schema@3:3"});
}

TEST_CASE("rules: duplicate mapping keys", "[rules]") {
  CHECK(load(one_rule("alert: A\n    alert: B\n    expr: up\n")).codes() == V{"rule/schema@5:5"});
  CHECK(load(one_rule("alert: A\n    expr: up\n    labels: {a: 1, a: 2}\n")).codes() ==
        V{"rule/schema@6:20"});
}

TEST_CASE("rules: alert xor record, expr required", "[rules]") {
  CHECK(load(one_rule("expr: up\n")).codes() == V{"rule/schema@4:5"});
  CHECK(load(one_rule("alert: ''\n    expr: up\n")).codes() == V{"rule/schema@4:12"});
  CHECK(load(one_rule("alert: A\n    record: b\n    expr: up\n")).codes() == V{"rule/schema@5:13"});
  CHECK(load(one_rule("alert: A\n")).codes() == V{"rule/schema@4:5"});
  CHECK(load(one_rule("alert: A\n    expr: [up]\n")).codes() == V{"rule/schema@5:11"});
  CHECK(load(one_rule("alert: A\n    expr: ''\n")).codes() == V{"rule/schema@5:11"});
  // yaml.Node semantics: "~" is a non-empty name, a number is an expression.
  CHECK(load(one_rule("alert: ~\n    expr: 1\n")).codes() == V{});
  // yaml.v3 drops null list entries: promtool finds 0 rules, 0 groups.
  CHECK(load("groups:\n- name: a\n  rules:\n  -\n").codes() == V{});
  CHECK(load("groups:\n-\n- ~\n").codes() == V{});
}

TEST_CASE("rules: group names", "[rules]") {
  CHECK(load("groups:\n- name: ''\n").codes() == V{"rule/schema@2:9"});
  CHECK(load("groups:\n- rules: []\n").codes() == V{"rule/schema@2:3"});
  CHECK(load("groups:\n- name: a\n- name: b\n- name: a\n").codes() == V{"rule/schema@4:9"});
  CHECK(load("groups:\n- name: 5\n").codes() == V{});
  CHECK(load("groups:\n- name: [a]\n").codes().front() == "rule/schema@2:9");
}

TEST_CASE("rules: durations follow model.ParseDuration", "[rules]") {
  for (const char* ok : {"0", "0s", "1ms", "01m", "1h30m", "1y2w3d4h5m6s7ms", "292y", "~"}) {
    INFO(ok);
    CHECK(load(one_rule(std::string("alert: A\n    expr: up\n    for: ") + ok + "\n")).codes() == V{});
  }
  for (const char* bad : {"''", "5", "1.5h", "-1m", "1m1h", "00", "1d 1h", "293y", "[1]"}) {
    INFO(bad);
    CHECK(load(one_rule(std::string("alert: A\n    expr: up\n    for: ") + bad + "\n")).codes() ==
          V{"rule/schema@6:10"});
  }
  CHECK(load("groups:\n- name: a\n  interval: 1x\n").codes() == V{"rule/schema@3:13"});
  CHECK(load("groups:\n- name: a\n  interval: 0\n").codes() == V{});
  CHECK(load(one_rule("alert: A\n    expr: up\n    keep_firing_for: 5\n")).codes() ==
        V{"rule/schema@6:22"});
}

TEST_CASE("rules: explicit tags must match the text, as yaml.v3 demands", "[rules]") {
  CHECK(load(one_rule("alert: A\n    expr: up\n    for: !!null 5m\n")).codes() == V{"rule/schema@6:17"});
  CHECK(load(one_rule("alert: A\n    expr: up\n    for: !!str 5m\n")).codes() == V{});
  CHECK(load("groups:\n- name: !!int x\n").codes() == V{"rule/schema@2:15"});
  CHECK(load("groups:\n- name: a\n  limit: !!float 5\n").codes() == V{});
  CHECK(load("groups:\n- name: a\n  limit: !!int '5'\n").codes() == V{});
  CHECK(load("groups:\n- name: a\n  limit: !!bool yes\n").codes() == V{"rule/schema@3:17"});
}

TEST_CASE("rules: limit is a Go int", "[rules]") {
  for (const char* ok : {"3", "0x10", "1_000", "-3", "1.7", "~"}) {
    INFO(ok);
    CHECK(load(std::string("groups:\n- name: a\n  limit: ") + ok + "\n").codes() == V{});
  }
  for (const char* bad : {"'5'", "abc", "true", "[1]"}) {
    INFO(bad);
    CHECK(load(std::string("groups:\n- name: a\n  limit: ") + bad + "\n").codes() ==
          V{"rule/schema@3:10"});
  }
}

TEST_CASE("rules: recording rules may not have alerting fields; names must be metric names",
          "[rules]") {
  CHECK(load(one_rule("record: a\n    expr: up\n    annotations: {a: b}\n")).codes() ==
        V{"rule/schema@6:5"});
  CHECK(load(one_rule("record: a\n    expr: up\n    annotations: {}\n")).codes() == V{});
  CHECK(load(one_rule("record: a\n    expr: up\n    for: 1m\n")).codes() == V{"rule/schema@6:5"});
  CHECK(load(one_rule("record: a\n    expr: up\n    for: 0s\n")).codes() == V{});
  CHECK(load(one_rule("record: a\n    expr: up\n    keep_firing_for: 1m\n")).codes() ==
        V{"rule/schema@6:5"});
  CHECK(load(one_rule("record: 'a b'\n    expr: up\n")).codes() == V{"rule/schema@4:13"});
  CHECK(load(one_rule("record: '1a'\n    expr: up\n")).codes() == V{"rule/schema@4:13"});
  CHECK(load(one_rule("record: 'a:b_c1'\n    expr: up\n")).codes() == V{});
  // Alert names may be any non-empty string.
  CHECK(load(one_rule("alert: 'Cert-manager down (x>80%)'\n    expr: up\n")).codes() == V{});
}

TEST_CASE("rules: label and annotation names and values", "[rules]") {
  CHECK(load(one_rule("alert: A\n    expr: up\n    labels: {0a: x}\n")).codes() ==
        V{"rule/schema@6:14"});
  CHECK(load(one_rule("alert: A\n    expr: up\n    labels: {__name__: x}\n")).codes() ==
        V{"rule/schema@6:14"});
  CHECK(load(one_rule("alert: A\n    expr: up\n    annotations: {__name__: x, 0x: y}\n")).codes() ==
        V{"rule/schema@6:32"});
  CHECK(load(one_rule("alert: A\n    expr: up\n    labels: {a: 1, b: true, c: null}\n")).codes() ==
        V{});
  CHECK(load(one_rule("alert: A\n    expr: up\n    labels: {a: {b: c}}\n")).codes() ==
        V{"rule/schema@6:17"});
  CHECK(load(one_rule("alert: A\n    expr: up\n    labels: [a]\n")).codes() ==
        V{"rule/schema@6:13"});
}

TEST_CASE("rules: PromQL errors point into the YAML scalar", "[rules][promql]") {
  const Result r = load(one_rule("alert: A\n    expr: |\n      sum(rate(x[5m]))\n        / ${N}\n"));
  REQUIRE(r.codes() == V{"promql/parse@7:11"});
  CHECK(r.diags.items()[0].message == "unexpected character: '$'");
  CHECK(r.diags.items()[0].group == "g");
  CHECK(r.diags.items()[0].rule == "A");
  CHECK(load(one_rule("alert: A\n    expr: \"up{a=\\\"b\\\"} +\"\n")).codes() ==
        V{"promql/parse@5:25"});
  // yaml.Node.Value of `null` is "null": a valid metric name.
  CHECK(load(one_rule("alert: A\n    expr: null\n")).codes() == V{});
  CHECK(load(one_rule("alert: A\n    expr: ~\n")).codes() == V{"promql/parse@5:11"});
}

TEST_CASE("rules: templates are checked on alerting rules only", "[rules][template]") {
  const Result r = load(one_rule(
      "alert: A\n    expr: up\n    labels:\n      a: '{{ $foo }}'\n    annotations:\n"
      "      b: \"x {{ if }}\"\n"));
  REQUIRE(r.codes().size() == 2);
  CHECK(r.diags.items()[0].code == "rule/template");
  CHECK(r.diags.items()[0].span.begin.line == 7);
  CHECK(r.diags.items()[1].span.begin.line == 9);
  CHECK(load(one_rule("alert: A\n    expr: up\n    annotations: {a: '{{ $labels.x }} {{ $value }}'}\n"))
            .codes() == V{});
  CHECK(load(one_rule("record: a\n    expr: up\n    labels: {a: '{{ $foo }}'}\n")).codes() == V{});
}

TEST_CASE("rules: duplicate-rule lint is a warning with promtool's definition", "[rules]") {
  const Result r = load(
      "groups:\n- name: a\n  rules:\n  - alert: A\n    expr: up\n  - alert: A\n    expr: down\n"
      "- name: b\n  rules:\n  - record: r\n    expr: up\n    labels: {a: b, c: d}\n"
      "  - record: r\n    expr: up\n    labels: {c: d, a: b}\n  - record: r\n    expr: up\n");
  CHECK(r.codes() == V{"rule/duplicate@6:12", "rule/duplicate@13:13"});
  CHECK(r.file.ok);
  CHECK(r.diags.items()[0].severity == rbc::Severity::warning);
}

TEST_CASE("rules: duplicates whose series cannot overlap are not reported", "[rules]") {
  const auto twice = [](const std::string& first, const std::string& second) {
    return load("groups:\n- name: a\n  rules:\n  - record: r\n    expr: " + first +
                "\n  - record: r\n    expr: " + second + "\n")
        .codes();
  };
  // Pinned to different values: different series.
  CHECK(twice("sum by (code) (x{code=~\"2..\"})", "sum by (code) (x{code=~\"3..\"})") == V{});
  CHECK(twice("x{type=\"api\"}", "x{type=\"web\"}") == V{});
  CHECK(twice("x{type=\"api\"}", "x{type=~\"w.*\"}") == V{});
  CHECK(twice("sum by (ns) (x{ns=\"\"})", "sum by (ns) (x{ns!=\"\"})") == V{});
  CHECK(twice("x{ns=\"a\"}", "x{ns!~\"a|b\"}") == V{});
  // Overlapping or dropped by the aggregation: duplicates, as promtool says.
  CHECK(twice("x{code=~\"2..\"}", "x{code=~\"2.*\"}") == V{"rule/duplicate@6:13"});
  CHECK(twice("sum(x{type=\"api\"})", "sum(x{type=\"web\"})") == V{"rule/duplicate@6:13"});
  CHECK(twice("x{type=\"api\"}", "x{type=~\"a.*\"}") == V{"rule/duplicate@6:13"});
  CHECK(twice("rate(x[5m])", "rate(x[1m])") == V{"rule/duplicate@6:13"});
  CHECK(twice("x{ns!=\"a\"}", "x{ns!=\"b\"}") == V{"rule/duplicate@6:13"});
}

TEST_CASE("rules: plain files use only the first YAML document", "[rules]") {
  CHECK(load("groups: []\n---\ngroups: [\n").codes() == V{});
  // ... but yaml.v3 scans two tokens past its end.
  CHECK(load("groups: []\n...\n%garbage\n").codes() == V{"yaml/parse@3:9"});
  CHECK(load("groups:\n- name: a\n---\n%garbage\n").codes() == V{"yaml/parse@4:9"});
  CHECK(load("groups: []\n--- \"abc\n").codes().size() == 1);
  CHECK(load("groups: []\n...\n%YAML 1.1\n").codes() == V{});
  CHECK(load("groups: []\n---\n- \"\n").codes() == V{});
  CHECK(load("groups:\n- name: a\n---\nfoo: 1\n").codes() == V{});
  const Result bad = load("groups:\n\t- name: a\n");
  CHECK(bad.codes() == V{"yaml/parse@2:1"});
  CHECK(bad.mentions("use spaces"));
  CHECK(load("a: *b\n").codes() == V{"yaml/parse@1:4"});
}

TEST_CASE("rules: PrometheusRule objects, several per file", "[rules][k8s]") {
  const Result r = load(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n"
      "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: one\n"
      "  namespace: mon\nspec:\n  groups:\n  - name: g\n    rules:\n    - alert: A\n      expr: up\n"
      "---\nkind: PrometheusRule\nmetadata: {name: two}\nspec:\n  groups:\n  - name: g\n"
      "    partial_response_strategy: warn\n    rules:\n    - record: 'bad name'\n      expr: up\n"
      "---\nkind: PrometheusRule\nspec: {}\n");
  CHECK(r.file.kind == rules::FileKind::prometheus_rule);
  CHECK(r.codes() == V{"rule/schema@22:5", "rule/schema@24:15"});
  REQUIRE(r.file.sets.size() == 3);
  CHECK(r.file.sets[0].object_name.value == "one");
  CHECK(r.file.sets[0].object_namespace.value == "mon");
  CHECK(r.file.sets[0].document == 1);
  CHECK(r.file.sets[1].object_name.value == "two");
  CHECK(r.file.sets[2].groups.empty());
  CHECK(rules::all_rules(r.file).size() == 2);
  // Group names are unique per object, not per file.
  CHECK(!r.mentions("repeated"));
  CHECK(load("kind: PrometheusRule\nspec:\n  groups: []\n  foo: 1\n").mentions(
      "unknown field \"foo\" in PrometheusRule spec"));
}

TEST_CASE("rules: classify", "[rules][classify]") {
  const auto kind = [](const std::string& text) {
    const SourceFile src("t.yml", text);
    return rules::classify(src);
  };
  using rules::FileKind;
  CHECK(kind("groups:\n- name: a\n  rules: []\n") == FileKind::rule_file);
  CHECK(kind("groups: []\n") == FileKind::rule_file);
  CHECK(kind("groups:\n- name: a\n  services:\n  - name: x\n") == FileKind::other);
  CHECK(kind("rule_files: [a.yml]\ntests: []\n") == FileKind::other);
  CHECK(kind("apiVersion: v1\nkind: ConfigMap\n---\nkind: PrometheusRule\nspec: {}\n") ==
        FileKind::prometheus_rule);
  CHECK(kind("kind: Deployment\n") == FileKind::other);
  CHECK(kind("") == FileKind::other);
  CHECK(kind("a: [\n") == FileKind::unparsable);
  CHECK(kind("groups:\n- name: a\n  rules: []\nb: [\n") == FileKind::rule_file);
}
