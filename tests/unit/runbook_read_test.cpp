// The runbook reader on the five seed runbooks: every alert each one
// documents (and nothing else), with its severity and condition texts.
#include <catch2/catch.hpp>

#include "support/seeds.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "runbook_test_support.hpp"

using namespace rbc;
using namespace rbc::runbook;
using namespace rbc::runbook::test;

namespace {

struct Expected {
  std::vector<std::string> names;
  std::string severity;
  std::vector<std::string> conditions;  // "Label=text"
};

std::string seed(const char* name) { return rbc::test::seed_path(name); }

void check_seed(const std::string& path, const std::vector<Expected>& expected,
                NameSource source) {
  const Read r = read_path(path);
  INFO(path);
  REQUIRE(r.file.sections.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Section& s = r.file.sections[i];
    const Expected& e = expected[i];
    INFO("section " << i << " at line " << s.line);
    std::vector<std::string> names;
    for (const AlertName& a : s.alerts) {
      names.push_back(a.name);
      CHECK(a.source == source);
      if (source != NameSource::words) CHECK(span_text(r.source, a.span) == a.name);
    }
    CHECK(names == e.names);
    REQUIRE(s.severity.size() == 1);
    CHECK(s.severity[0].text == e.severity);
    CHECK(offsets_exact(r.source, s.severity[0]));
    std::vector<std::string> conditions;
    for (const Field& f : s.conditions) {
      conditions.push_back(f.label + "=" + f.text);
      CHECK(offsets_exact(r.source, f));
    }
    CHECK(conditions == e.conditions);
  }
  CHECK(r.diags.items().empty());
}

}  // namespace

TEST_CASE("seed 000: alert-name headings with bold fields; channel sections are not alerts",
          "[runbook]") {
  const std::vector<Expected> expected = {
      {{"ServiceDown"}, "Critical", {"Description=Service instance is down for >1 minute"}},
      {{"HighErrorRate"}, "Critical", {"Description=Service error rate >5% for 5 minutes"}},
      {{"DatabaseConnectionFailure"}, "Critical",
       {"Description=No active database connections detected"}},
      {{"CeleryQueueDepthHigh"}, "Critical",
       {"Description=Celery queue >1000 messages for 2+ minutes"}},
      {{"HighLatency"}, "Warning", {"Description=p95 latency >2s for 10 minutes"}},
      {{"HighTokenCost"}, "Warning", {"Description=OpenAI costs >$5/hour for 15 minutes"}},
      {{"LowEngagementRate"}, "Warning (Business)",
       {"Description=Engagement rate <4% for 30 minutes"}},
      {{"HighCostPerFollow"}, "Warning (Business)",
       {"Description=Cost per follow >$0.02 for 30 minutes"}},
  };
  check_seed(seed("000_f82eccf5e82eee56.txt"), expected, NameSource::heading);
}

TEST_CASE("seed 001: several names per heading; severity levels are not alerts", "[runbook]") {
  const std::vector<Expected> expected = {
      {{"CircuitBreakerOpen"}, "Warning (can escalate to Critical)",
       {"Description=A circuit breaker has opened for a critical service (exchange, LLM, or "
        "database)."}},
      {{"HighErrorRate"}, "Critical",
       {"Description=Error rate exceeds threshold (>5% for 5 minutes)."}},
      {{"TradingSessionFailure"}, "Critical",
       {"Description=Trading session failed to start or crashed."}},
      {{"PositionLimitExceeded"}, "Warning (escalates to Critical if repeated)",
       {"Description=Position size or exposure exceeded configured limits."}},
      {{"MaxDrawdownExceeded"}, "Critical",
       {"Description=Portfolio drawdown exceeded maximum threshold."}},
      {{"AgentDown", "AgentUnhealthy"}, "Warning",
       {"Description=Trading agent is not responding or failing health checks."}},
      {{"AgentHighLatency"}, "Warning",
       {"Description=Agent decision-making taking longer than expected (>5 seconds)."}},
      {{"HighMemoryUsage", "HighCPUUsage"}, "Warning",
       {"Description=Pod memory or CPU usage exceeding 80%."}},
      {{"DiskSpaceWarning"}, "Warning",
       {"Description=Persistent volume disk usage exceeding 80%."}},
  };
  check_seed(seed("001_54d55be18301f74b.txt"), expected, NameSource::heading);
}

TEST_CASE("seed 002: headings in words, the name in an **Alert:** field", "[runbook]") {
  const std::vector<Expected> expected = {
      {{"InstanceDown"}, "P1 - Critical",
       {"Alert=Target instance not responding to health checks"}},
      {{"HighCPUUsage"}, "P2 - High", {"Alert=CPU > 80% for 5 minutes"}},
      {{"HighMemoryUsage"}, "P2 - High", {"Alert=Memory > 85% for 5 minutes"}},
      {{"DiskSpaceLow"}, "P2 - High", {"Alert=Disk usage > 85%"}},
      {{"NetworkLatencyHigh"}, "P3 - Medium", {"Alert=Latency > 100ms to database"}},
      {{"PostgreSQLConnectionsExhausted"}, "P1 - Critical", {"Alert=Connections > 90% of max"}},
      {{"PostgreSQLReplicationLag"}, "P2 - High", {"Alert=Lag > 30 seconds"}},
      {{"PostgreSQLDeadlocks"}, "P2 - High", {"Alert=Deadlock detected"}},
      {{"RedisMemoryFull"}, "P1 - Critical", {"Alert=Memory > 95% of maxmemory"}},
      {{"RedisSentinelFailover"}, "P2 - High", {"Alert=Master changed"}},
      {{"HighErrorRate"}, "P1 - Critical", {"Alert=Error rate > 5% for 5 minutes"}},
      {{"APILatencyHigh"}, "P2 - High", {"Alert=p95 latency > 2 seconds"}},
      {{"DebateTimeout"}, "P3 - Medium", {"Alert=Debate exceeded time limit"}},
      {{"AgentQuotaExceeded"}, "P3 - Medium", {"Alert=API provider quota limit reached"}},
      {{"AuthFailuresSpike"}, "P2 - High", {"Alert=> 100 failures in 5 minutes"}},
      {{"RateLimitTriggered"}, "P3 - Medium", {"Alert=Rate limit exceeded"}},
      {{"CertificateExpiringSoon"}, "P2 - High", {"Alert=Certificate expires in < 14 days"}},
  };
  check_seed(seed("002_a71f3dfa39d2be98.txt"), expected, NameSource::field);
}

TEST_CASE("seed 003: severity in the heading's parenthesis, Symptom fields", "[runbook]") {
  const std::vector<Expected> expected = {
      {{"TestWatcherDown"}, "Critical", {"Symptom=TestWatcher service is not running"}},
      {{"TestWatcherHighErrorRate"}, "Critical",
       {"Symptom=More than 0.1 errors per second for 5+ minutes"}},
      {{"TestWatcherQueueBacklog"}, "Warning",
       {"Symptom=More than 10 files in processing queue for 10+ minutes"}},
      {{"TestWatcherSlowTests"}, "Warning",
       {"Symptom=95th percentile test execution > 2 minutes"}},
      {{"TestCoverageDrop"}, "Critical", {"Symptom=Coverage < 70% and dropped > 5% in 1 hour"}},
      {{"TestCoverageLow"}, "Warning", {"Symptom=Coverage < 80% for 1+ hour"}},
      {{"DeepSeekAPIDown", "PerplexityAPIDown"}, "Critical",
       {"Symptom=All API calls failing for 5+ minutes"}},
      {{"APIRateLimitExceeded"}, "Critical",
       {"Symptom=Rate limits hit > 0.5 times/second for 10+ minutes"}},
      {{"APIHighErrorRate"}, "Warning", {"Symptom=> 10% of API calls failing"}},
      {{"HighCPUUsage"}, "Critical", {"Symptom=CPU usage > 90% for 5+ minutes"}},
      {{"MemoryLeakDetected"}, "Critical",
       {"Symptom=Memory growing > 10 MB/10min, > 1 GB total"}},
      {{"HighDiskUsage"}, "Warning",
       {"Symptom=Disk usage > 85%", "Threshold=Alert at 85%, critical at 95%"}},
  };
  check_seed(seed("003_8dcf69414be11204.txt"), expected, NameSource::heading);
  const Read r = read_path(seed("003_8dcf69414be11204.txt"));
  const Field& paren = r.file.sections[0].severity[0];
  CHECK(paren.label == "Severity");
  CHECK(span_text(r.source, paren.span) == "Critical");
}

TEST_CASE("seed 004: headings in words with Severity/Trigger; Issue pages are not alerts",
          "[runbook]") {
  const std::vector<Expected> expected = {
      {{"HighErrorRate"}, "Warning/Critical", {"Trigger=HTTP error rate > 5% for 5 minutes"}},
      {{"HighLatency"}, "Warning", {"Trigger=P95 latency > 2s for 5 minutes"}},
      {{"MemoryUsageHigh"}, "Warning", {"Trigger=Heap usage > 90% for 10 minutes"}},
      {{"AIProviderErrors"}, "Critical", {"Trigger=AI provider error rate > 10% for 5 minutes"}},
  };
  check_seed(seed("004_634388375e24ab68.txt"), expected, NameSource::words);
}

TEST_CASE("seed sections: heading, anchor and span up to the next heading of the same level",
          "[runbook]") {
  const Read r = read_path(seed("001_54d55be18301f74b.txt"));
  const Section& agents = r.file.sections[5];
  CHECK(agents.heading == "AgentDown / AgentUnhealthy");
  CHECK(agents.anchor == "agentdown--agentunhealthy");
  CHECK(agents.level == 3);
  CHECK(agents.line == 302);
  CHECK(agents.span.begin.line == 302);
  CHECK(agents.span.end.line == 347);  // the "---" before "### AgentHighLatency"
  CHECK(span_text(r.source, agents.alerts[1].span) == "AgentUnhealthy");
  const Read words = read_path(seed("004_634388375e24ab68.txt"));
  CHECK(words.file.sections[0].heading == "High Error Rate Alert");
  CHECK(words.file.sections[0].anchor == "high-error-rate-alert");
  // The last alert section ends on its last line before "## Common Issues and Resolution".
  CHECK(words.file.sections[3].span.end.line == 125);
}

TEST_CASE("seed 001: table of contents links and the four anchors it misses", "[runbook]") {
  const Read r = read_path(seed("001_54d55be18301f74b.txt"));
  std::vector<std::string> broken;
  for (const Link& link : r.file.links) {
    if (link.target.empty() || link.target[0] != '#') continue;
    const std::string anchor = link.target.substr(1);
    if (std::find(r.file.anchors.begin(), r.file.anchors.end(), anchor) == r.file.anchors.end()) {
      broken.push_back(anchor);
      CHECK(span_text(r.source, link.span).find(link.target) != std::string::npos);
    }
  }
  CHECK(broken == std::vector<std::string>{"circuit-breaker-alerts", "trading-alerts",
                                           "agent-health-alerts", "system-resource-alerts"});
  CHECK(std::count(r.file.anchors.begin(), r.file.anchors.end(), "1-circuit-breaker-alerts") == 1);
}
