// read_routing: the channels and routes each seed runbook documents
// (expectations written by hand from reading the pages), synthetic styles,
// pages that document no routing, and hostile input.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "report/routing_json.hpp"
#include "runbook/routing.hpp"
#include "runbook/routing_text.hpp"

namespace {

using rbc::model::Routing;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Routing read_text(const std::string& text, const std::string& path = "runbook.md") {
  const rbc::SourceFile source(path, text);
  return rbc::runbook::read_routing(source, rbc::config::default_config());
}

Routing read_sample(const std::string& system) {
  const std::string path = std::string(RBC_SOURCE_DIR) + "/samples/" + system + "/runbook.md";
  return read_text(slurp(path), path);
}

Routing read_data(const std::string& name) {
  const std::string path = std::string(RBC_TEST_DATA) + "/routing/" + name;
  return read_text(slurp(path), path);
}

// "name kind target" per channel.
std::vector<std::string> channels(const Routing& r) {
  std::vector<std::string> out;
  for (const auto& c : r.channels) {
    out.push_back(c.name + " " + rbc::model::channel_kind_text(c.kind) + " " + c.target);
  }
  return out;
}

std::string ms_text(const std::optional<std::int64_t>& ms) { return ms ? std::to_string(*ms) : "-"; }

// "severities | category | channel names | response ms | escalation ms".
std::vector<std::string> routes(const Routing& r) {
  std::vector<std::string> out;
  for (const auto& route : r.routes) {
    std::string sev;
    for (const auto& s : route.severities) sev += (sev.empty() ? "" : ",") + s;
    std::string names;
    for (std::size_t c : route.channels) names += (names.empty() ? "" : ",") + r.channels.at(c).name;
    out.push_back((sev.empty() ? "*" : sev) + " | " + route.category + " | " + names + " | " +
                  ms_text(route.response_ms) + " | " + ms_text(route.escalation_ms));
  }
  return out;
}

constexpr std::int64_t kMin = 60000;
std::string min(std::int64_t n) { return std::to_string(n * kMin); }

}  // namespace

TEST_CASE("routing: seed 000 (threads-agent) channel sections and contacts", "[routing]") {
  const Routing r = read_sample("threads-agent");
  CHECK(channels(r) == std::vector<std::string>{
                           "pagerduty pagerduty ",
                           "slack-alerts-warnings slack #alerts-warnings",
                           // "Email to business stakeholders" -> the Business Stakeholders contact
                           "email-business-threads-agent-com email business@threads-agent.com",
                           // "Slack + Email" names neither channel nor address
                           "slack slack ",
                           "email email ",
                           "slack-engineering slack #engineering",
                           "email-ops-threads-agent-com email ops@threads-agent.com",
                       });
  CHECK(routes(r) == std::vector<std::string>{
                         "critical |  | pagerduty | " + min(5) + " | " + min(15),
                         "warning |  | slack-alerts-warnings | " + min(30) + " | " + min(120),
                         "* | business | email-business-threads-agent-com | " + min(120) + " | -",
                         "* | infrastructure | slack,email | " + min(60) + " | -",
                     });
  // Positions: the route at its heading, the channel where it is named.
  REQUIRE(r.routes.size() == 4);
  CHECK(r.routes[0].span.begin.line == 9);
  CHECK(r.channels[1].span.begin.line == 15);
  CHECK(r.channels[1].span.begin.column == 22);
  CHECK(r.channels[1].text == "#alerts-warnings");
}

TEST_CASE("routing: seed 001 (cryptofunk) severity sections and notification channels", "[routing]") {
  const Routing r = read_sample("cryptofunk");
  CHECK(channels(r) == std::vector<std::string>{
                           "slack-cryptofunk-critical slack #cryptofunk-critical",
                           "slack-cryptofunk-alerts slack #cryptofunk-alerts",
                           "slack-cryptofunk-trading slack #cryptofunk-trading",
                           "slack-cryptofunk-agents slack #cryptofunk-agents",
                           "slack-cryptofunk-ops slack #cryptofunk-ops",
                           "email-team-example-com email team@example.com",
                           "email-oncall-example-com email oncall@example.com",
                       });
  CHECK(routes(r) == std::vector<std::string>{
                         // "Immediate (within 15 minutes)"; "Escalate ... within 30 minutes"
                         "critical |  | slack-cryptofunk-critical,email-oncall-example-com | " + min(15) + " | " + min(30),
                         "warning |  | slack-cryptofunk-alerts | " + min(60) + " | -",
                         // Info: "Best effort" and no channel in its section -> only the list's route
                         "critical,warning,info |  | slack-cryptofunk-alerts | - | -",
                         "* | trading | slack-cryptofunk-trading | - | -",
                         "* | agent-health | slack-cryptofunk-agents | - | -",
                         "* | system | slack-cryptofunk-ops | - | -",
                         "* | circuit-breaker | slack-cryptofunk-ops | - | -",
                         "* |  | email-team-example-com | - | -",  // "Regular alerts"
                     });
}

TEST_CASE("routing: seed 002 (aragora) severity table and escalation matrix", "[routing]") {
  const Routing r = read_sample("aragora");
  CHECK(channels(r) == std::vector<std::string>{
                           "pagerduty pagerduty ",
                           "slack slack ",
                           "other-ticket other ticket",
                       });
  // P2 - High and P3 - Medium both read as warning; their times differ, so
  // they stay two routes. The matrix's first step (15 min) times escalation.
  CHECK(routes(r) == std::vector<std::string>{
                         "critical |  | pagerduty | " + min(15) + " | " + min(15),
                         "warning |  | pagerduty | " + min(30) + " | " + min(15),
                         "warning |  | slack | " + min(120) + " | " + min(15),
                         "info |  | other-ticket | " + min(24 * 60) + " | " + min(15),
                     });
}

TEST_CASE("routing: seed 003 (testwatcher) escalation matrix and Slack channel list", "[routing]") {
  const Routing r = read_sample("testwatcher");
  CHECK(channels(r) == std::vector<std::string>{
                           "pagerduty pagerduty ",  // "On-call Engineer: See PagerDuty schedule"
                           "slack-alerts-critical slack #alerts-critical",
                           "slack-alerts-warning slack #alerts-warning",
                           "slack-alerts-info slack #alerts-info",
                           "slack-monitoring slack #monitoring",
                       });
  CHECK(routes(r) == std::vector<std::string>{
                         "critical |  | slack-alerts-critical | " + min(5) + " | -",
                         "warning |  | slack-alerts-warning | " + min(30) + " | -",
                         "info |  | slack-alerts-info | - | -",  // "Next business day"
                     });
}

TEST_CASE("routing: seed 004 (agent-node) documents no routing", "[routing]") {
  // "Emergency Contacts" lists placeholders ("[Slack Channel / Phone]"); the
  // SMTP/Slack settings sit in a code block.
  const Routing r = read_sample("agent-node");
  CHECK(channels(r).empty());
  CHECK(routes(r).empty());
}

TEST_CASE("routing: a Notification channels list", "[routing]") {
  const Routing r = read_data("notification-list.md");
  CHECK(channels(r) == std::vector<std::string>{
                           "pagerduty pagerduty ",
                           "slack-payments-oncall slack #payments-oncall",
                           "slack-payments-alerts slack #payments-alerts",
                           "email-payments-team-example-org email payments-team@example.org",
                           "slack-payments-db slack #payments-db",
                           "opsgenie opsgenie ",
                       });
  CHECK(routes(r) == std::vector<std::string>{
                         "critical |  | pagerduty,slack-payments-oncall | - | -",
                         "warning |  | slack-payments-alerts | - | -",
                         "info |  | email-payments-team-example-org | - | -",
                         "critical,warning | database | slack-payments-db | - | -",
                         "* | security | opsgenie | - | -",
                     });
}

TEST_CASE("routing: a Severity | Channel table", "[routing]") {
  const Routing r = read_data("severity-table.md");
  CHECK(channels(r) == std::vector<std::string>{
                           "pagerduty pagerduty ",
                           "slack-checkout-sev1 slack #checkout-sev1",
                           "slack-checkout slack #checkout",
                           "webhook webhook ",
                       });
  CHECK(routes(r) == std::vector<std::string>{
                         "critical |  | pagerduty,slack-checkout-sev1 | " + min(10) + " | " + min(20),
                         "warning |  | slack-checkout | " + min(60) + " | -",
                         "info |  | webhook | - | -",
                     });
}

TEST_CASE("routing: pages that only mention channels in passing route nothing", "[routing]") {
  const Routing r = read_data("no-routing.md");
  CHECK(channels(r).empty());
  CHECK(routes(r).empty());
  CHECK(read_text("").channels.empty());
  CHECK(read_text("# Title\n\nSee #42 and C# docs.\n").channels.empty());
}

TEST_CASE("routing: durations", "[routing]") {
  using rbc::runbook::duration_ms;
  CHECK(duration_ms("< 5 minutes", true) == 5 * kMin);
  CHECK(duration_ms("15 min", true) == 15 * kMin);
  CHECK(duration_ms("Within 1 hour", true) == 60 * kMin);
  CHECK(duration_ms("Immediate (within 15 minutes)", true) == 15 * kMin);
  CHECK(duration_ms("Immediate", true) == 0);
  CHECK(duration_ms("Immediate page, exec notify", false) == std::nullopt);
  CHECK(duration_ms("Best effort", true) == std::nullopt);
  CHECK(duration_ms("Next business day", true) == std::nullopt);
  CHECK(duration_ms("0-30 minutes", true) == 30 * kMin);
  CHECK(duration_ms("60+ minutes", true) == 60 * kMin);
  CHECK(duration_ms("1.5 hours", true) == 90 * kMin);
  CHECK(duration_ms("2h", true) == 120 * kMin);
  CHECK(duration_ms("If error rate > 1/s, page", false) == std::nullopt);
  CHECK(duration_ms("99999999999999999999999 minutes", true) == std::nullopt);
}

TEST_CASE("routing: categories and receiver names", "[routing]") {
  const auto config = rbc::config::default_config();
  using V = std::vector<std::string>;
  CHECK(rbc::runbook::category_values(config, "Trading-specific alerts") == V{"trading"});
  CHECK(rbc::runbook::category_values(config, "Agent health alerts") == V{"agent-health"});
  CHECK(rbc::runbook::category_values(config, "System and circuit breaker alerts") == V{"system", "circuit-breaker"});
  CHECK(rbc::runbook::category_values(config, "Critical alerts only (@channel mentions)").empty());
  CHECK(rbc::runbook::name_slug("#alerts.warnings") == "alerts-warnings");
  // Two targets that slug alike still get distinct receiver names.
  const Routing r = read_text("## Notification channels\n\n- #a.b: warning alerts\n- #a-b: critical alerts\n");
  CHECK(channels(r) == std::vector<std::string>{"slack-a-b slack #a.b", "slack-a-b-2 slack #a-b"});
}

TEST_CASE("routing: inspect text and JSON forms", "[routing]") {
  const Routing r = read_data("severity-table.md");
  const std::string text = rbc::report::routing_text(r);
  CHECK(text.find("route critical -> pagerduty slack-checkout-sev1; response 10m; escalation 20m") != std::string::npos);
  rbc::JsonWriter json(false);
  rbc::report::write_routing(json, r);
  CHECK(json.str().find("\"response_ms\":3600000") != std::string::npos);
  CHECK(json.str().find("\"escalation_ms\":null") != std::string::npos);
  CHECK(rbc::report::duration_text(5400000) == "1h30m");
}

TEST_CASE("routing: hostile input neither crashes nor hangs", "[routing]") {
  std::vector<std::string> pages = {
      std::string(20000, '>') + " #chan: critical alerts\n",
      std::string(5000, '-') + "\n",
      "## Notification channels\n" + std::string(3000, ' ') + "- " + std::string(100000, '#') + "\n",
      "## Contacts\n- a@b: " + std::string(50000, '@') + "\n",
      "### Critical\n- Response Time: " + std::string(5000, '9') + " minutes\n- Channel: #x\n",
      "| Severity | Channel |\n|---|---|\n| critical |\n| | |\n",
      "\xEF\xBB\xBF---\nbad: [yaml\n---\n## Escalation\n- critical: page\n",
  };
  std::string nested = "## Escalation contacts\n";
  for (int i = 0; i < 2000; ++i) nested += std::string(static_cast<std::size_t>(i % 40) * 2, ' ') + "- #c" + std::to_string(i) + ": critical alerts\n";
  pages.push_back(nested);
  for (const std::string& page : pages) {
    const auto start = std::chrono::steady_clock::now();
    const Routing r = read_text(page);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
    for (const auto& route : r.routes) {
      for (std::size_t c : route.channels) CHECK(c < r.channels.size());
    }
  }
}

TEST_CASE("routing: corpus pages document no routing and never crash", "[routing][corpus]") {
  const std::filesystem::path corpus = std::filesystem::path(RBC_SHARED_DIR) / "corpus";
  if (!std::filesystem::exists(corpus)) return;
  std::size_t pages = 0;
  std::size_t with_channels = 0;
  std::size_t operator_channels = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
    ++pages;
    const Routing r = read_text(slurp(entry.path().string()), entry.path().string());
    if (!r.channels.empty()) ++with_channels;
    if (entry.path().string().find("prometheus-operator-runbooks") != std::string::npos) {
      operator_channels += r.channels.size();
    }
  }
  INFO(pages << " corpus pages, " << with_channels << " with channels");
  CHECK(pages > 500);
  CHECK(operator_channels == 0);
  CHECK(with_channels == 0);  // measured: no corpus page documents routing in these shapes
}
