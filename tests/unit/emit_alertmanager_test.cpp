// alertmanager.yml: amtool 0.25 accepts what rbc emits for every sample,
// and `amtool config routes test` sends every alert of every sample to
// exactly the channels its runbook documents (computed here independently
// of the emitter). Samples whose routing the runbook reader does not read
// yet get a hand-built Routing transcribed from their runbook.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "checks/check.hpp"
#include "cli/check_pipeline.hpp"
#include "emit/alertmanager.hpp"
#include "emit/alertmanager_match.hpp"
#include "runbook/routing.hpp"
#include "support/process.hpp"

namespace fs = std::filesystem;
using rbc::model::ChannelKind;

namespace {

struct HandChannel {
  ChannelKind kind;
  std::string name;
  std::string text;
  std::uint32_t line;
};

struct HandRoute {
  std::vector<std::string> severities;
  std::string category;
  std::vector<std::string> channels;  // names
  std::optional<std::int64_t> response_ms;
  std::optional<std::int64_t> escalation_ms;
  std::uint32_t line;
};

constexpr std::int64_t kMin = 60000;

rbc::model::Routing hand_routing(const std::string& file, const std::vector<HandChannel>& channels,
                                 const std::vector<HandRoute>& routes) {
  rbc::model::Routing routing;
  for (const HandChannel& c : channels) {
    rbc::model::Channel channel;
    channel.kind = c.kind;
    channel.name = c.name;
    channel.text = c.text;
    channel.file = file;
    channel.span = {{c.line, 1}, {c.line, 2}};
    routing.channels.push_back(channel);
  }
  for (const HandRoute& r : routes) {
    rbc::model::DocumentedRoute route;
    route.severities = r.severities;
    route.category = r.category;
    for (const std::string& name : r.channels) {
      for (std::size_t i = 0; i < channels.size(); ++i)
        if (channels[i].name == name) route.channels.push_back(i);
    }
    route.response_ms = r.response_ms;
    route.escalation_ms = r.escalation_ms;
    route.text = "documented route";
    route.file = file;
    route.span = {{r.line, 1}, {r.line, 2}};
    routing.routes.push_back(route);
  }
  return routing;
}

// What each sample's runbook documents, transcribed by hand.
rbc::model::Routing sample_routing(const std::string& sample, const std::string& runbook) {
  using K = ChannelKind;
  if (sample == "threads-agent") {
    return hand_routing(runbook,
                        {{K::pagerduty, "pagerduty", "PagerDuty (immediate escalation)", 10},
                         {K::slack, "slack-alerts-warnings", "Slack #alerts-warnings", 15},
                         {K::email, "email-business-stakeholders", "Email to business stakeholders", 20}},
                        {{{"critical"}, "", {"pagerduty"}, 5 * kMin, 15 * kMin, 9},
                         {{"warning"}, "", {"slack-alerts-warnings"}, 30 * kMin, 120 * kMin, 14},
                         {{}, "business", {"email-business-stakeholders"}, 120 * kMin, 1440 * kMin, 19},
                         {{}, "infrastructure", {"slack-alerts-warnings", "email-business-stakeholders"},
                          60 * kMin, std::nullopt, 24}});
  }
  if (sample == "cryptofunk") {
    return hand_routing(runbook,
                        {{K::slack, "slack-cryptofunk-critical", "Slack #cryptofunk-critical", 23},
                         {K::slack, "slack-cryptofunk-alerts", "Slack #cryptofunk-alerts", 32}},
                        {{{"critical"}, "", {"slack-cryptofunk-critical"}, 15 * kMin, 30 * kMin, 19},
                         {{"warning"}, "", {"slack-cryptofunk-alerts"}, 60 * kMin, std::nullopt, 28}});
  }
  if (sample == "testwatcher") {
    return hand_routing(runbook,
                        {{K::pagerduty, "pagerduty", "PagerDuty schedule", 412},
                         {K::slack, "slack-alerts-critical", "#alerts-critical", 415},
                         {K::slack, "slack-alerts-warning", "#alerts-warning", 416},
                         {K::slack, "slack-alerts-info", "#alerts-info", 417}},
                        {{{"critical"}, "", {"pagerduty", "slack-alerts-critical"}, 5 * kMin, std::nullopt, 407},
                         {{"warning"}, "", {"slack-alerts-warning"}, 30 * kMin, std::nullopt, 408},
                         {{"info"}, "", {"slack-alerts-info"}, std::nullopt, std::nullopt, 409}});
  }
  if (sample == "aragora") {
    return hand_routing(runbook,
                        {{K::pagerduty, "pagerduty", "Immediate page", 24}, {K::slack, "slack", "Slack alert", 26}},
                        {{{"critical"}, "", {"pagerduty"}, 15 * kMin, 15 * kMin, 24},
                         {{"warning", "critical"}, "", {"slack"}, 120 * kMin, std::nullopt, 26}});
  }
  // agent-node: SLACK_WEBHOOK_URL and ALERT_EMAIL_TO in its alert configuration.
  return hand_routing(runbook,
                      {{K::slack, "slack", "SLACK_WEBHOOK_URL", 394},
                       {K::email, "email-oncall", "ALERT_EMAIL_TO=oncall@example.com", 402}},
                      {{{"critical"}, "", {"slack", "email-oncall"}, std::nullopt, std::nullopt, 394},
                       {{"warning"}, "", {"slack"}, std::nullopt, std::nullopt, 394}});
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::map<std::string, std::string> labels_of(const rbc::model::RuleInfo& rule) {
  std::map<std::string, std::string> labels;
  for (const auto& [key, value] : rule.labels) labels[key.value] = value.value;
  labels["alertname"] = rule.name.value;
  return labels;
}

// The receivers a rule's runbook documents for it, in the order the
// documented routes first name them; "rbc-default" when none.
std::string expected_receivers(const rbc::model::Project& project, const rbc::model::RuleInfo& rule) {
  const auto labels = labels_of(rule);
  const rbc::model::Routing& routing = project.routing;
  std::set<std::string> reached;
  std::vector<std::string> order;
  for (const rbc::model::DocumentedRoute& route : routing.routes) {
    for (std::size_t c : route.channels)
      if (std::find(order.begin(), order.end(), routing.channels[c].name) == order.end())
        order.push_back(routing.channels[c].name);
    bool severity_ok = route.severities.empty();
    const auto sev = labels.find(project.config.severity_label);
    if (!severity_ok && sev != labels.end()) {
      for (const std::string& v : rbc::config::severity_values(project.config, sev->second))
        severity_ok = severity_ok || std::count(route.severities.begin(), route.severities.end(), v) > 0;
    }
    const auto cat = labels.find("category");
    const bool category_ok =
        route.category.empty() || (cat != labels.end() && lower(cat->second) == lower(route.category));
    if (!severity_ok || !category_ok) continue;
    for (std::size_t c : route.channels) reached.insert(routing.channels[c].name);
  }
  std::string out;
  for (const std::string& name : order)
    if (reached.count(name)) out += (out.empty() ? "" : ",") + name;
  return out.empty() ? "rbc-default" : out;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool have_amtool() { return rbc::test::run_command("command -v amtool >/dev/null 2>&1").status == 0; }

struct Emitted {
  rbc::cli::CheckRun run;
  rbc::emit::OutputFile file;
  rbc::Diagnostics diags;
};

// Every runbook's routing, merged in file order (what the pipeline does once
// it reads routing).
rbc::model::Routing read_sample_routing(const rbc::cli::CheckRun& run) {
  rbc::model::Routing merged;
  for (const auto& rb : run.project.runbooks) {
    const auto source = run.sources.find(rb.path);
    if (source == run.sources.end() || !source->second) continue;
    rbc::model::Routing one = rbc::runbook::read_routing(*source->second, run.project.config);
    const std::size_t offset = merged.channels.size();
    for (auto& route : one.routes) {
      for (std::size_t& c : route.channels) c += offset;
      merged.routes.push_back(std::move(route));
    }
    for (auto& channel : one.channels) merged.channels.push_back(std::move(channel));
  }
  return merged;
}

enum class Source { read, hand };

Emitted emit_sample(const std::string& sample, Source source = Source::hand) {
  Emitted e;
  rbc::cli::CheckRequest request;
  request.paths = {rbc::test::data_path("../../samples/" + sample)};
  request.run_checks = false;
  e.run = rbc::cli::run_check(request);
  if (source == Source::hand) {
    std::string runbook;
    for (const auto& rb : e.run.project.runbooks) runbook = rb.path;
    e.run.project.routing = sample_routing(sample, runbook);
  } else if (!rbc::emit::documents_routing(e.run.project.routing)) {
    e.run.project.routing = read_sample_routing(e.run);
  }
  const rbc::Diagnostics none;
  const rbc::emit::BuildInput input{e.run.project, [](std::string_view) { return nullptr; }, none};
  e.file = rbc::emit::emit_alertmanager(input, e.diags);
  return e;
}

std::string write_temp(const std::string& name, const std::string& content) {
  const fs::path dir = fs::temp_directory_path() / "rbc-emit-alertmanager-test";
  fs::create_directories(dir);
  const fs::path path = dir / name;
  std::ofstream(path) << content;
  return path.string();
}

}  // namespace

TEST_CASE("alertmanager: amtool accepts each sample and routes every alert to its documented receivers",
          "[emit][alertmanager]") {
  if (!have_amtool()) FAIL("amtool (Debian prometheus-alertmanager) is needed");
  std::size_t alerts = 0;
  std::size_t routed_by_reader = 0;
  const Source source = GENERATE(Source::hand, Source::read);
  for (const std::string sample : {"threads-agent", "cryptofunk", "aragora", "testwatcher", "agent-node"}) {
    INFO(sample << (source == Source::hand ? " (hand-built routing)" : " (routing read from the runbook)"));
    const Emitted e = emit_sample(sample, source);
    CHECK(e.file.path == "alertmanager.yml");
    const std::string config = write_temp(sample + ".yml", e.file.content);
    INFO(e.file.content);
    const auto check = rbc::test::run_command("amtool check-config " + shell_quote(config) + " 2>&1");
    INFO(check.out);
    REQUIRE(check.status == 0);
    std::set<std::string> distinct;
    for (const rbc::model::RuleInfo& rule : e.run.project.rules) {
      if (!rule.alerting) continue;
      ++alerts;
      std::string args;
      for (const auto& [k, v] : labels_of(rule)) args += " " + shell_quote(k + "=" + v);
      const std::string expected = expected_receivers(e.run.project, rule);
      distinct.insert(expected);
      const auto test = rbc::test::run_command("amtool config routes test --config.file=" + shell_quote(config) +
                                               " --verify.receivers=" + shell_quote(expected) + args + " 2>&1");
      INFO(rule.name.value << " expects " << expected << "; amtool: " << test.out);
      CHECK(test.status == 0);
    }
    if (source == Source::hand) CHECK(distinct.size() >= 2);  // the sample exercises more than one route
    if (distinct.size() >= 2) ++routed_by_reader;
  }
  CHECK(alerts >= 50);
  CHECK(routed_by_reader >= 3);
}

TEST_CASE("alertmanager: timing from the documented response and escalation times", "[emit][alertmanager]") {
  const auto t5 = rbc::emit::route_timing(5 * kMin, 15 * kMin);
  CHECK(t5.group_wait_ms == 30000);
  CHECK(t5.group_interval_ms == 150000);
  CHECK(t5.repeat_interval_ms == 15 * kMin);
  const auto slow = rbc::emit::route_timing(120 * kMin, std::nullopt);
  CHECK(slow.group_wait_ms == kMin);
  CHECK(slow.group_interval_ms == 5 * kMin);
  CHECK(slow.repeat_interval_ms == 240 * kMin);
  const auto fast = rbc::emit::route_timing(kMin, 30000);
  CHECK(fast.group_wait_ms == 10000);
  CHECK(fast.repeat_interval_ms == fast.group_interval_ms);  // never below group_interval
  const auto none = rbc::emit::route_timing(std::nullopt, std::nullopt);
  CHECK(none.group_wait_ms == 30000);
  CHECK(none.repeat_interval_ms == 240 * kMin);
}

TEST_CASE("alertmanager: rbc.yaml receivers are bound, secrets stay files, output is stable", "[emit][alertmanager]") {
  Emitted e = emit_sample("threads-agent");
  const std::string yaml =
      "receivers:\n"
      "  pagerduty:\n    pagerduty:\n      routing_key_file: /etc/am/pd.key\n      routing_key: s3cr3t-key\n"
      "    webhook:\n      url: http://bridge:pa55word@pd-bridge.example.com:8080/hook\n      send_resolved: false\n"
      "  slack-alerts-warnings:\n    slack:\n      api_url_file: /etc/am/slack.url\n      channel: '#alerts-warnings'\n"
      "  email-business-stakeholders:\n    email:\n      to: biz@example.com\n      from: am@example.com\n"
      "      smarthost: smtp.example.com:587\n      auth_password: hunter2\n"
      "  ops-hook:\n    webhook:\n      url: https://hooks.example.com/am\n";
  rbc::Diagnostics config_diags;
  rbc::model::Project& project = e.run.project;
  const std::string root = project.config.root;
  project.config = rbc::config::load_config(rbc::SourceFile(root + "/rbc.yaml", yaml), config_diags);
  project.config.root = root;
  // Three inline secrets: warned about, never copied.
  REQUIRE(config_diags.items().size() == 3);
  for (const auto& d : config_diags.items()) {
    CHECK(d.severity == rbc::Severity::warning);
    CHECK(d.code == "config/inline-secret");
  }
  project.config.build.inhibit = false;
  const rbc::emit::BuildInput input{project, [](std::string_view) { return nullptr; }, config_diags};
  rbc::Diagnostics diags;
  const auto out = rbc::emit::emit_alertmanager(input, diags);
  INFO(out.content);
  CHECK(out.content.find("s3cr3t") == std::string::npos);
  CHECK(out.content.find("hunter2") == std::string::npos);
  CHECK(out.content.find("pa55word") == std::string::npos);
  // The inline password became a file reference; the URL's password moved to basic auth.
  CHECK(out.content.find("        auth_password_file: \"/etc/alertmanager/secrets/"
                         "email-business-stakeholders-email-auth_password\"\n") != std::string::npos);
  CHECK(out.content.find("    webhook_configs:\n"
                         "      - url: \"http://pd-bridge.example.com:8080/hook\"\n"
                         "        http_config:\n"
                         "          basic_auth:\n"
                         "            username: \"bridge\"\n"
                         "            password_file: \"/etc/alertmanager/secrets/pagerduty-webhook-url_password\"\n"
                         "        send_resolved: false\n") != std::string::npos);
  CHECK(out.content.find("routing_key_file: \"/etc/am/pd.key\"") != std::string::npos);
  CHECK(out.content.find("api_url_file: \"/etc/am/slack.url\"") != std::string::npos);
  CHECK(out.content.find("inhibit_rules") == std::string::npos);
  CHECK(out.content.find("runbook.md:9:") != std::string::npos);  // the route says where it comes from
  // ops-hook names no documented channel.
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message.find("'ops-hook'") != std::string::npos);
  rbc::Diagnostics again;
  CHECK(rbc::emit::emit_alertmanager(input, again).content == out.content);
  if (have_amtool()) {
    const auto check = rbc::test::run_command("amtool check-config " + shell_quote(write_temp("bound.yml", out.content)) + " 2>&1");
    INFO(check.out);
    CHECK(check.status == 0);
  }
}

TEST_CASE("alertmanager: placeholders, inhibit rules and the default receiver", "[emit][alertmanager]") {
  const Emitted e = emit_sample("testwatcher");
  const std::string& text = e.file.content;
  INFO(text);
  CHECK(text.find("PLACEHOLDER") != std::string::npos);
  CHECK(text.find("  - name: \"slack-alerts-critical\"\n") != std::string::npos);
  CHECK(text.find("receiver: \"rbc-default\"") != std::string::npos);
  CHECK(text.find("source_matchers: ['severity=\"critical\"']") != std::string::npos);
  CHECK(text.find("target_matchers: ['severity=\"warning\"']") != std::string::npos);
  CHECK(text.find("group_wait: 30s") != std::string::npos);
  CHECK(e.diags.items().empty());
}

// The route/* fixtures with the routing read from their runbooks, as the
// pipeline will once it reads routing (then checks_fixtures_test covers them
// through `rbc check` too).
TEST_CASE("route checks fire on their fixtures and stay silent on the others", "[checks][route]") {
  for (const std::string code : {"route/unrouted", "route/unused"}) {
    for (const std::string kind : {"fires", "silent"}) {
      std::string dir = code;
      dir[dir.find('/')] = '-';
      INFO(code << " " << kind);
      rbc::cli::CheckRequest request;
      request.paths = {rbc::test::data_path("checks/" + dir + "/" + kind)};
      request.run_checks = false;
      rbc::cli::CheckRun run = rbc::cli::run_check(request);
      if (!rbc::emit::documents_routing(run.project.routing)) run.project.routing = read_sample_routing(run);
      REQUIRE(rbc::emit::documents_routing(run.project.routing));
      rbc::Diagnostics diags;
      rbc::checks::run_checks(run.project, diags);
      std::size_t found = 0;
      for (const auto& d : diags.items()) {
        if (d.code != code) continue;
        ++found;
        INFO(d.message);
        CHECK(d.severity == rbc::Severity::warning);
        CHECK(d.span.begin.line > 0);
      }
      CHECK((found > 0) == (kind == "fires"));
    }
  }
}

TEST_CASE("route checks stay silent when no routing is documented", "[checks][route]") {
  rbc::cli::CheckRequest request;
  request.paths = {rbc::test::data_path("checks/route-unrouted/fires/rules.yml")};
  request.run_checks = false;
  rbc::cli::CheckRun run = rbc::cli::run_check(request);
  run.project.routing = {};
  rbc::Diagnostics diags;
  rbc::checks::run_checks(run.project, diags);
  for (const auto& d : diags.items()) CHECK_FALSE(d.code.starts_with("route/"));
}
