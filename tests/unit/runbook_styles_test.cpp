// The runbook reader on small Markdown cases: one per style of writing an
// alert section, and one per trap that must not become an alert.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "runbook_test_support.hpp"

using namespace rbc;
using namespace rbc::runbook;
using namespace rbc::runbook::test;

using Names = std::vector<std::string>;

namespace {

const Section& only_section(const Read& r) {
  REQUIRE(r.file.sections.size() == 1);
  return r.file.sections[0];
}

std::vector<std::string> texts(const std::vector<Field>& fields) {
  std::vector<std::string> out;
  for (const Field& f : fields) out.push_back(f.label + "=" + f.text);
  return out;
}

}  // namespace

TEST_CASE("style: heading that is the alert name, decorated", "[runbook][styles]") {
  SECTION("code span and an em dash description") {
    const Read r = read_text("# Runbook\n\n## `KafkaLag` — consumer lag\n\n**Severity:** warning\n");
    const Section& s = only_section(r);
    CHECK(alert_names(r.file) == Names{"KafkaLag"});
    CHECK(span_text(r.source, s.alerts[0].span) == "KafkaLag");
    CHECK(texts(s.severity) == std::vector<std::string>{"Severity=warning"});
  }
  SECTION("several names and a severity parenthesis") {
    const Read r = read_text("### DeepSeekAPIDown / PerplexityAPIDown (Critical)\n**Symptom**: x\n");
    const Section& s = only_section(r);
    CHECK(alert_names(r.file) == Names{"DeepSeekAPIDown", "PerplexityAPIDown"});
    CHECK(texts(s.severity) == std::vector<std::string>{"Severity=Critical"});
    CHECK(span_text(r.source, s.severity[0].span) == "Critical");
  }
  SECTION("a bare CamelCase heading under an alerts heading") {
    const Read r = read_text("# Alerts\n\n## HighThrottleRate\n\nSome prose.\n\n## Other things\n");
    CHECK(alert_names(r.file) == Names{"HighThrottleRate"});
  }
  SECTION("a bare CamelCase heading with no alert context is not an alert") {
    const Read r = read_text("# Project exports\n\n## SendTimeoutError\n\nThe upload failed.\n");
    CHECK(r.file.sections.empty());
  }
  SECTION("emoji around the name") {
    const Read r = read_text("## \xF0\x9F\x9A\xA8 ServiceDown \xF0\x9F\x9A\xA8\n- Severity: critical\n");
    CHECK(alert_names(r.file) == Names{"ServiceDown"});
  }
}

TEST_CASE("style: name in an Alert field, text after it is a condition", "[runbook][styles]") {
  const std::string md =
      "## Server Down\n\n**Severity:** P1 - Critical\n\n"
      "**Alert:** `InstanceDown` - Target instance not responding\n";
  const Read r = read_text(md);
  const Section& s = only_section(r);
  CHECK(alert_names(r.file) == Names{"InstanceDown"});
  CHECK(s.alerts[0].source == NameSource::field);
  CHECK(span_text(r.source, s.alerts[0].span) == "InstanceDown");
  CHECK(texts(s.conditions) == std::vector<std::string>{"Alert=Target instance not responding"});
  CHECK(offsets_exact(r.source, s.conditions[0]));
  CHECK(s.heading == "Server Down");
  CHECK(s.anchor == "server-down");
}

TEST_CASE("style: name in a code span of the first paragraph", "[runbook][styles]") {
  const Read r = read_text("## Disk filling up\n\nThe `NodeDiskFilling` alert fires when a disk fills.\n");
  const Section& s = only_section(r);
  CHECK(alert_names(r.file) == Names{"NodeDiskFilling"});
  CHECK(s.alerts[0].source == NameSource::code_span);
  CHECK(span_text(r.source, s.alerts[0].span) == "NodeDiskFilling");
  // A code span that is a metric or a command is not a name.
  CHECK(read_text("## Disk\n\nThe alert uses `node_filesystem_avail_bytes`.\n").file.sections.empty());
  CHECK(read_text("## Disk\n\nRun `kubectl get pods` first.\n").file.sections.empty());
}

TEST_CASE("style: heading in words, only with alert fields", "[runbook][styles]") {
  const Read r = read_text(
      "## Alerts\n\n### AI Provider Errors Alert\n\n**Severity**: Critical  \n"
      "**Trigger**: AI provider error rate > 10% for 5 minutes\n\n"
      "### Phase 1: Detection\n\n**Severity**: none\n\n### Log Analysis\n\nText.\n");
  CHECK(alert_names(r.file) == Names{"AIProviderErrors"});
  const Section& s = r.file.sections[0];
  CHECK(s.alerts[0].source == NameSource::words);
  CHECK(texts(s.conditions) ==
        std::vector<std::string>{"Trigger=AI provider error rate > 10% for 5 minutes"});
  // Symptoms alone do not make "Issue: ..." or a phrase an alert.
  CHECK(read_text("### Issue: Service Won't Start\n\n**Symptoms**: crashes\n").file.sections.empty());
  CHECK(read_text("### Service Won't Start\n\n**Symptoms**: crashes\n").file.sections.empty());
  CHECK(read_text("### Database Connection Errors\n\n**Symptoms**: errors\n").file.sections.empty());
}

TEST_CASE("style: list-item fields, both bold colon placements, synonyms", "[runbook][styles]") {
  const Read r = read_text(
      "## QueueStuck\n- Priority: high\n- **Fires when**: queue depth > 100 for 10m\n\n"
      "## CacheMissing\n\n**Level:** warning\n\n**Condition:** no cache for 5m\n");
  REQUIRE(r.file.sections.size() == 2);
  CHECK(texts(r.file.sections[0].severity) == std::vector<std::string>{"Priority=high"});
  CHECK(texts(r.file.sections[0].conditions) ==
        std::vector<std::string>{"Fires when=queue depth > 100 for 10m"});
  CHECK(texts(r.file.sections[1].severity) == std::vector<std::string>{"Level=warning"});
  CHECK(texts(r.file.sections[1].conditions) ==
        std::vector<std::string>{"Condition=no cache for 5m"});
  for (const Section& s : r.file.sections) {
    for (const Field& f : s.conditions) CHECK(offsets_exact(r.source, f));
  }
}

TEST_CASE("style: plain text of fields (emphasis dropped, code kept, spaces folded)",
          "[runbook][styles]") {
  const std::string md = "### SlowQueries\n**Description**: p99 of `query_duration`   is *above*\n**2s**\n";
  const Read r = read_text(md);
  const Section& s = only_section(r);
  REQUIRE(s.conditions.size() == 1);
  CHECK(s.conditions[0].text == "p99 of query_duration is above");
  CHECK(offsets_exact(r.source, s.conditions[0]));
  const std::size_t at = s.conditions[0].text.find("above");
  CHECK(md.substr(s.conditions[0].offsets[at], 5) == "above");
}

TEST_CASE("style: page per alert", "[runbook][styles]") {
  SECTION("front matter alert key") {
    const Read r = read_text("---\nalert: KubePodCrashLooping\nseverity: warning\nfor: 15m\n---\n"
                             "# Pods crash\n\nText.\n",
                             "pods.md");
    const Section& s = only_section(r);
    CHECK(alert_names(r.file) == Names{"KubePodCrashLooping"});
    CHECK(s.alerts[0].source == NameSource::front_matter);
    CHECK(span_text(r.source, s.alerts[0].span) == "KubePodCrashLooping");
    CHECK(texts(s.severity) == std::vector<std::string>{"severity=warning"});
    CHECK(texts(s.conditions) == std::vector<std::string>{"for=15m"});
    CHECK(r.file.title == "Pods crash");
  }
  SECTION("title in words that spell the file name") {
    const Read r = read_text("---\ntitle: CPU Throttling High\n---\n# CPU Throttling High\n\n"
                             "## Meaning\n\nx\n## Impact\n\ny\n",
                             "kubernetes/CPUThrottlingHigh.md");
    CHECK(alert_names(r.file) == Names{"CPUThrottlingHigh"});
    CHECK(r.file.title == "CPU Throttling High");
  }
  SECTION("H1 name with a decoration, Meaning/Impact sections") {
    const Read r = read_text("# KubeVirtDown [Deprecated]\n\n## Meaning\n\nx\n\n## Mitigation\n\ny\n",
                             "KubeVirtDown.md");
    const Section& s = only_section(r);
    CHECK(alert_names(r.file) == Names{"KubeVirtDown"});
    CHECK(s.level == 0);
    CHECK(s.anchor == "kubevirtdown-deprecated");
  }
  SECTION("README, _index and pages in words are not alerts") {
    CHECK(read_text("# RedisCache\n\n## Overview\n\n**Description**: the cache\n\n"
                    "* **Alerts**: https://alerts.example.net\n",
                    "README.md")
              .file.sections.empty());
    CHECK(read_text("---\ntitle: node\n---\n", "node/_index.md").file.sections.empty());
    CHECK(read_text("# Access the Toolbox\n\nSteps.\n", "helpers/accessToolbox.md").file.sections.empty());
    CHECK(read_text("# PostgreSQL\n\nNotes.\n", "postgresql.md").file.sections.empty());
  }
}

TEST_CASE("style: summary table with one row per alert", "[runbook][styles]") {
  const std::string md =
      "# Alerts\n\n## Node\n\n| Alert name | Severity | Threshold | For |\n|---|---|---|---|\n"
      "| `NodeDown` | critical | up == 0 | 5m |\n| NodeHot / NodeCold | warning | temp > 80 | 10m |\n"
      "| **P1** | x | y | z |\n";
  const Read r = read_text(md);
  REQUIRE(r.file.sections.size() == 2);
  const Section& down = r.file.sections[0];
  CHECK(alert_names(r.file) == Names{"NodeDown", "NodeHot", "NodeCold"});
  CHECK(down.line == 7);
  CHECK(down.level == 0);
  CHECK(down.heading == "Node");
  CHECK(down.anchor == "node");
  CHECK(span_text(r.source, down.alerts[0].span) == "NodeDown");
  CHECK(texts(down.severity) == std::vector<std::string>{"Severity=critical"});
  CHECK(texts(down.conditions) == std::vector<std::string>{"Threshold=up == 0", "For=5m"});
  CHECK(offsets_exact(r.source, down.conditions[0]));
}

TEST_CASE("traps: sections that are not alerts", "[runbook][styles]") {
  const char* traps[] = {
      // severity level definitions
      "## Alert Severity Levels\n\n### Critical\n- **Response Time**: Immediate\n- **Impact**: x\n",
      "### Warning\n\n**Severity**: warning\n",
      "| Severity | Response Time |\n|---|---|\n| **P1 - Critical** | 15 min |\n",
      // channel sections, escalation levels, overviews, tools
      "### Critical Alerts (PagerDuty) \xC3\xB0\xC5\xB8\xC5\xA1\xC2\xA8\n- **Channel**: PagerDuty\n",
      "### Level 1: Automatic Response\n- AlertManager sends notifications\n",
      "## Overview\n\n**Description**: what this runbook covers\n",
      "### Configuration\n\nSettings live in `config.yaml`.\n",
      "### Email\n\n- **team@example.com**: Regular alerts\n",
      "### Tools\n- Prometheus: http://localhost:9090\n",
      // headings inside fenced code and HTML are not headings
      "```\n### HighErrorRate\n**Severity**: critical\n```\n",
      "~~~markdown\n## `KafkaLag`\n~~~\n",
      // a services table with a Name column but no severity
      "| Name | Description |\n|---|---|\n| GitLabPages | static sites |\n",
      // links labelled Alerts
      "* **Alerts**: https://alerts.example.net/#/alerts\n",
  };
  for (const char* md : traps) {
    INFO(md);
    CHECK(alert_names(read_text(md).file).empty());
  }
}

TEST_CASE("sections: span to the next heading of the same or a higher level", "[runbook][styles]") {
  const std::string md =
      "# Runbook\n\n## HighLoad\n\n**Severity**: warning\n\n#### Diagnosis\n\n"
      "**Threshold**: load > 4\n\n## LowDisk\n\n**Severity**: critical\n\n# Appendix\n";
  const Read r = read_text(md);
  REQUIRE(r.file.sections.size() == 2);
  const Section& load = r.file.sections[0];
  CHECK(load.span.begin.line == 3);
  CHECK(load.span.end.line == 9);
  CHECK(texts(load.conditions) == std::vector<std::string>{"Threshold=load > 4"});
  CHECK(r.file.sections[1].span.end.line == 13);
}

TEST_CASE("anchors and links", "[runbook][styles]") {
  const std::string md =
      "# Title\n\n## Same\n\n## Same\n\n<a name=\"custom\"></a>\n\n<div id=\"box\">x</div>\n\n"
      "See [it](#same-1), <https://example.com/x> and [ref][r].\n\n"
      "> ### Quoted heading\n\n[r]: https://example.com/ref\n";
  const Read r = read_text(md);
  CHECK(r.file.anchors ==
        std::vector<std::string>{"title", "same", "same-1", "custom", "box", "quoted-heading"});
  REQUIRE(r.file.links.size() == 3);
  CHECK(r.file.links[0].target == "#same-1");
  CHECK(span_text(r.source, r.file.links[0].span) == "#same-1");
  CHECK(r.file.links[1].target == "https://example.com/x");
  CHECK(span_text(r.source, r.file.links[1].span).find("https://example.com/x") != std::string::npos);
  CHECK(r.file.links[2].target == "https://example.com/ref");
  CHECK(span_text(r.source, r.file.links[2].span) == "[ref][r]");
  // A link after a line break, and the same target twice on a line.
  const Read wrapped = read_text("Text [Machine Config\nOperator](https://m.io) and [a](#x) [b](#x)\n");
  REQUIRE(wrapped.file.links.size() == 3);
  CHECK(wrapped.file.links[0].span.begin.line == 2);
  CHECK(span_text(wrapped.source, wrapped.file.links[0].span) == "https://m.io");
  CHECK(wrapped.file.links[1].span.begin.column == 33);
  CHECK(wrapped.file.links[2].span.begin.column == 41);
  // Links written in raw HTML.
  const Read html = read_text("<p>See <a href=\"#same\">x</a></p>\n\nand <a href='https://e.com'>y</a>\n");
  REQUIRE(html.file.links.size() == 2);
  CHECK(html.file.links[0].target == "#same");
  CHECK(span_text(html.source, html.file.links[0].span) == "#same");
  CHECK(html.file.links[1].target == "https://e.com");
  CHECK(html.file.links[1].span.begin.line == 3);
}

TEST_CASE("style: \"Alert:\" heading prefix and fields written as subheadings",
          "[runbook][styles]") {
  const std::string md =
      "# Runbook\n\n## Alert: NodeDown (critical)\n\n### Severity\n\ncritical\n\n"
      "### Trigger\n\n`up == 0` for 5m\n\n### Steps\n\n1. ssh\n\n"
      "## Alert name: DiskFull\n\n- Severity: warning\n";
  const Read r = read_text(md);
  CHECK(alert_names(r.file) == Names{"NodeDown", "DiskFull"});
  REQUIRE(r.file.sections.size() == 2);
  const Section& down = r.file.sections[0];
  CHECK(span_text(r.source, down.alerts[0].span) == "NodeDown");
  CHECK(texts(down.severity) == std::vector<std::string>{"Severity=critical", "Severity=critical"});
  CHECK(texts(down.conditions) == std::vector<std::string>{"Trigger=up == 0 for 5m"});
  CHECK(offsets_exact(r.source, down.conditions[0]));
  CHECK(span_text(r.source, down.severity[0].span) == "critical");
}

TEST_CASE("style: one page mixing every style (tests/data/runbook/mixed_styles.md)",
          "[runbook][styles]") {
  const Read r = read_path(std::string(RBC_TEST_DATA) + "/runbook/mixed_styles.md");
  CHECK(r.diags.items().empty());
  CHECK(r.file.title == "Payments runbook");
  CHECK(alert_names(r.file) == Names{"PaymentsAPIDown", "PaymentsQueueStuck",
                                     "PaymentsLatencyHigh", "LedgerSyncFailing",
                                     "RefundErrorsHigh", "CardNetworkTimeouts"});
  std::vector<NameSource> sources;
  for (const Section& s : r.file.sections) sources.push_back(s.alerts[0].source);
  CHECK(sources == std::vector<NameSource>{NameSource::table_row, NameSource::table_row,
                                           NameSource::heading, NameSource::words,
                                           NameSource::code_span, NameSource::heading});
  const Section& latency = r.file.sections[2];
  CHECK(texts(latency.severity) == std::vector<std::string>{"Severity=warning"});
  CHECK(texts(latency.conditions) ==
        std::vector<std::string>{"Description=p99 checkout latency above 1.5s."});
  const Section& ledger = r.file.sections[3];
  CHECK(texts(ledger.severity) == std::vector<std::string>{"Priority=P2"});
  const Section& refunds = r.file.sections[4];
  CHECK(texts(refunds.conditions) ==
        std::vector<std::string>{"Threshold=2% of refunds over 10 minutes"});
  const Section& cards = r.file.sections[5];
  CHECK(texts(cards.conditions) ==
        std::vector<std::string>{"Expression=timeouts per second above 5"});
  for (const Section& s : r.file.sections) {
    for (const Field& f : s.conditions) CHECK(offsets_exact(r.source, f));
    for (const Field& f : s.severity) CHECK(offsets_exact(r.source, f));
  }
}

TEST_CASE("anchors: image alt text and inline HTML are not part of a heading's slug",
          "[runbook][styles]") {
  // The blank after the image stays (textContent " Disk usage"), as do
  // repeated blanks: github-slugger maps each space to '-'.
  const Read r = read_text("## ![icon](i.png) Disk <a name=\"d\"></a>usage\n\n## a  b `c`\n");
  CHECK(r.file.anchors == std::vector<std::string>{"-disk-usage", "d", "a--b-c"});
}
