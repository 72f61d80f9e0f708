// Metrics metadata (rbc.yaml server.metadata): exposition dumps, the
// /api/v1/metadata JSON, and bad files reported at their place.
#include <catch2/catch.hpp>

#include <string>

#include "config/config.hpp"
#include "load/metrics_metadata.hpp"

using rbc::load::MetricType;
using rbc::load::MetricTypes;

namespace {

struct Parsed {
  MetricTypes types;
  rbc::Diagnostics diags;
};

Parsed parse(const std::string& text) {
  Parsed out;
  const rbc::SourceFile source("/repo/metrics.txt", text);
  rbc::load::parse_metrics_metadata(source, out.types, out.diags);
  return out;
}

std::string type_of(const Parsed& p, const std::string& name) {
  auto it = p.types.find(name);
  return it == p.types.end() ? "-" : rbc::load::metric_type_name(it->second);
}

std::string first_problem(const Parsed& p) {
  if (p.diags.items().empty()) return "";
  const rbc::Diagnostic& d = p.diags.items().front();
  CHECK(d.code == "config/invalid");
  return std::to_string(d.span.begin.line) + ":" + std::to_string(d.span.begin.column) + " " + d.message;
}

}  // namespace

TEST_CASE("metadata: text exposition types families and their series", "[metadata]") {
  const Parsed p = parse(
      "# HELP http_requests_total Requests.\n"
      "# TYPE http_requests_total counter\n"
      "http_requests_total{code=\"200\"} 3\n"
      "# TYPE queue_length gauge\n"
      "queue_length 1\n"
      "# TYPE latency_seconds histogram\n"
      "latency_seconds_bucket{le=\"1\"} 2\n"
      "# TYPE rpc_seconds summary\n"
      "  # TYPE jobs counter\n"  // OpenMetrics: family without _total
      "jobs_total 4\n"
      "plain_series{a=\"b\"} 1\n"
      "# EOF\n");
  CHECK(p.diags.items().empty());
  CHECK(type_of(p, "http_requests_total") == "counter");
  CHECK(type_of(p, "queue_length") == "gauge");
  CHECK(type_of(p, "latency_seconds") == "histogram");
  CHECK(type_of(p, "latency_seconds_bucket") == "counter");
  CHECK(type_of(p, "latency_seconds_count") == "counter");
  CHECK(type_of(p, "rpc_seconds_sum") == "counter");
  CHECK(type_of(p, "rpc_seconds_bucket") == "-");
  CHECK(type_of(p, "jobs_total") == "counter");
  CHECK(type_of(p, "plain_series") == "untyped");
}

TEST_CASE("metadata: bad TYPE lines are config/invalid at their place", "[metadata]") {
  CHECK(first_problem(parse("# TYPE x countr\n")) ==
        "1:10 metrics metadata: unknown metric type 'countr' for 'x'; expected counter, gauge, histogram, summary "
        "or untyped");
  CHECK(first_problem(parse("ok 1\n# TYPE 9x gauge\n")) ==
        "2:8 metrics metadata: '# TYPE' needs a metric name ([a-zA-Z_:][a-zA-Z0-9_:]*), not '9x'");
  // The bad line is skipped; the rest is read.
  const Parsed p = parse("# TYPE a wrong\n# TYPE b gauge\n");
  CHECK(p.diags.items().size() == 1);
  CHECK(type_of(p, "b") == "gauge");
}

TEST_CASE("metadata: /api/v1/metadata JSON", "[metadata]") {
  const Parsed p = parse(
      "{\"status\":\"success\",\"data\":{\n"
      "  \"http_requests_total\":[{\"type\":\"counter\",\"help\":\"a \\\"b\\\" \\u00e9\",\"unit\":\"\"}],\n"
      "  \"go_goroutines\":[{\"type\":\"gauge\",\"help\":\"\",\"unit\":\"\"}],\n"
      "  \"apiserver_latency\":[{\"type\":\"histogram\",\"help\":\"\",\"unit\":\"\"}]}}\n");
  CHECK(p.diags.items().empty());
  CHECK(type_of(p, "http_requests_total") == "counter");
  CHECK(type_of(p, "go_goroutines") == "gauge");
  CHECK(type_of(p, "apiserver_latency_bucket") == "counter");
  // The bare data object works too.
  CHECK(type_of(parse("{\"up\": [{\"type\": \"gauge\"}]}"), "up") == "gauge");
}

TEST_CASE("metadata: broken JSON never crashes and says where", "[metadata]") {
  CHECK(first_problem(parse("{\"status\":\"success\",\"data\":{\"x\":[{\"type\":\"counter\"}]}")) ==
        "1:54 metrics metadata: expected ',' or '}' in JSON object");
  CHECK(first_problem(parse("{\"status\":\"error\",\"error\":\"boom\"}")) ==
        "1:11 metrics metadata: the API answer has status 'error', not 'success'");
  CHECK(first_problem(parse("{\"x\": [{\"type\": \"meter\"}]}")) ==
        "1:17 metrics metadata: unknown metric type 'meter' for 'x'");
  CHECK(first_problem(parse("{\"x\": 3}")) ==
        "1:7 metrics metadata: the metadata of 'x' must be a list of {type, help, unit}");
  CHECK(first_problem(parse("{\"x\": [1]}")) == "1:8 metrics metadata: metadata entry of 'x' has no \"type\" string");
  CHECK(first_problem(parse("{\"x\": \"unterminated")) == "1:20 metrics metadata: unterminated JSON string");
  CHECK(first_problem(parse("{} trailing")) == "1:4 metrics metadata: unexpected text after the JSON document");
  // Deep nesting is refused, not recursed into.
  const std::string deep = "{\"x\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  CHECK(first_problem(parse(deep)).find("nested too deeply") != std::string::npos);
  CHECK(parse("").diags.items().empty());
}

TEST_CASE("metadata: server section of rbc.yaml", "[metadata][config]") {
  rbc::Diagnostics diags;
  const rbc::SourceFile source("/repo/rbc.yaml",
                               "server:\n  scrape_interval: 30s\n  retention: 15d\n  metadata: m/meta.json\n"
                               "  external_labels: {cluster: eu, replica: 1}\n");
  const rbc::config::Config config = rbc::config::load_config(source, diags);
  CHECK(diags.items().empty());
  CHECK(config.server.scrape_interval_ms == 30'000);
  CHECK(config.server.retention_ms == 15LL * 24 * 3600 * 1000);
  CHECK_FALSE(config.server.evaluation_interval_ms.has_value());
  CHECK(config.server.metadata_path == "/repo/m/meta.json");
  REQUIRE(config.server.external_labels.size() == 2);
  CHECK(config.server.external_labels[1] == std::pair<std::string, std::string>("replica", "1"));
  CHECK(config.server.span.begin == rbc::Position{1, 1});
}
