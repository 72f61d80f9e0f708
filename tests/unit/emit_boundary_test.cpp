// Boundary tests of `rbc build`: the generated promtool unit tests pass the
// real promtool against the emitted rule files of every sample, cover most
// alerts, fail when a threshold moves (so they can fail at all), and the
// pieces (evaluator, templates) agree with Prometheus on known values.
#include <catch2/catch.hpp>

#include "support/output_files.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/check_pipeline.hpp"
#include "emit/boundary.hpp"
#include "emit/boundary_eval.hpp"
#include "emit/boundary_template.hpp"
#include "emit/rules.hpp"
#include "promql/parse.hpp"
#include "support/process.hpp"

namespace fs = std::filesystem;
using rbc::test::run_command;

namespace {

std::string sample_dir(const std::string& name) {
  return fs::weakly_canonical(fs::path(RBC_TEST_DATA) / ".." / ".." / "samples" / name).string();
}

fs::path fresh_dir(const std::string& name) { return rbc::test::fresh_dir("rbc-emit-boundary", name); }

using rbc::test::write_all;

struct Built {
  rbc::cli::CheckRun run;
  std::vector<rbc::emit::OutputFile> rules;
  rbc::emit::BoundaryResult tests;
};

// What `rbc build` does for these two emitters.
Built build(const std::string& dir, const std::string& format = "prometheus") {
  Built b;
  b.run = rbc::cli::run_check({.paths = {dir}, .run_checks = false, .config_path = {}});
  b.run.project.config.build.rules_format = format;
  const auto lookup = [&](std::string_view path) -> const rbc::SourceFile* {
    auto it = b.run.sources.find(path);
    return it == b.run.sources.end() ? nullptr : it->second.get();
  };
  const rbc::emit::BuildInput input{b.run.project, lookup, b.run.diagnostics};
  rbc::Diagnostics diags;
  b.rules = rbc::emit::emit_rules(input, diags);
  b.tests = rbc::emit::emit_boundary_tests(input, b.rules);
  return b;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

rbc::test::CommandResult promtool_test(const fs::path& dir) {
  return run_command("cd '" + dir.string() + "' && promtool test rules tests/*.yml 2>&1");
}

}  // namespace

TEST_CASE("boundary tests of every sample pass promtool test rules", "[emit][boundary][promtool]") {
  struct Expect {
    const char* sample;
    std::size_t min_covered;
  };
  // Measured coverage at the time of writing; a drop is a regression.
  const Expect samples[] = {{"threads-agent", 7}, {"cryptofunk", 10}, {"aragora", 15}, {"testwatcher", 11},
                            {"agent-node", 4},    {"webshop", 5},     {"kubernetes", 2}};
  for (const auto& s : samples) {
    INFO(s.sample);
    const Built b = build(sample_dir(s.sample));
    const auto report = rbc::emit::boundary_report(b.tests);
    INFO(joined(report));
    WARN(s.sample << ": " << joined(report));
    REQUIRE_FALSE(b.tests.files.empty());
    const fs::path dir = fresh_dir(s.sample);
    write_all(dir, b.rules);
    write_all(dir, b.tests.files);
    const auto result = promtool_test(dir);
    INFO(result.out);
    CHECK(result.status == 0);
    CHECK(b.tests.covered >= s.min_covered);
    CHECK(b.tests.covered + b.tests.uncovered.size() == b.tests.alerts);
  }
}

TEST_CASE("boundary tests fail when a threshold moves", "[emit][boundary][promtool]") {
  const Built b = build(sample_dir("aragora"));
  const fs::path dir = fresh_dir("moved");
  write_all(dir, b.rules);
  write_all(dir, b.tests.files);
  REQUIRE(promtool_test(dir).status == 0);
  // Move one threshold a little: `> 30` becomes `> 31` in the replication lag alert.
  const fs::path rules = dir / "rules" / "rules.yml";
  std::ifstream in(rules);
  std::stringstream text;
  text << in.rdbuf();
  std::string content = text.str();
  const std::string before = "pg_replication_lag_seconds > 30";
  const auto at = content.find(before);
  REQUIRE(at != std::string::npos);
  content.replace(at, before.size(), "pg_replication_lag_seconds > 31");
  std::ofstream(rules, std::ios::binary) << content;
  const auto moved = promtool_test(dir);
  INFO(moved.out);
  CHECK(moved.status != 0);
  CHECK(moved.out.find("PostgreSQLReplicationLag") != std::string::npos);
}

TEST_CASE("boundary tests are deterministic and name the emitted rule files", "[emit][boundary]") {
  const Built a = build(sample_dir("webshop"));
  const Built b = build(sample_dir("webshop"));
  REQUIRE(a.tests.files.size() == b.tests.files.size());
  for (std::size_t i = 0; i < a.tests.files.size(); ++i) {
    CHECK(a.tests.files[i].path == b.tests.files[i].path);
    CHECK(a.tests.files[i].content == b.tests.files[i].content);
    CHECK(a.tests.files[i].path.rfind("tests/", 0) == 0);
    CHECK(a.tests.files[i].content.find("\n  - \"../rules/") != std::string::npos);
  }
  const auto report = rbc::emit::boundary_report(a.tests);
  REQUIRE_FALSE(report.empty());
  CHECK(report[0] == "boundary tests: " + std::to_string(a.tests.covered) + " of " +
                         std::to_string(a.tests.alerts) + " alerts");
}

TEST_CASE("PrometheusRule files kept as they are get no boundary tests", "[emit][boundary]") {
  const Built b = build(sample_dir("kubernetes"), "keep");
  CHECK(b.tests.covered == 0);
  REQUIRE_FALSE(b.tests.uncovered.empty());
  CHECK(b.tests.uncovered[0].reason.find("PrometheusRule") != std::string::npos);
}

TEST_CASE("boundary evaluator: rate extrapolation, matching, aggregation", "[emit][boundary]") {
  using namespace rbc::emit::boundary;
  const auto parsed = rbc::promql::parse(
      "sum by (job) (rate(req_total{code=~\"5..\"}[5m])) / sum by (job) (rate(req_total[5m])) > 0.05");
  REQUIRE(parsed.expr);
  std::vector<Series> series{{{{"__name__", "req_total"}, {"code", "500"}, {"job", "api"}}, SeriesKind::counter, 6},
                             {{{"__name__", "req_total"}, {"code", "200"}, {"job", "api"}}, SeriesKind::counter, 54}};
  // Steady state: 6 of 60 per step are errors.
  auto r = evaluate(*parsed.expr, series, 600000, 60000);
  REQUIRE(r.ok);
  REQUIRE(r.samples.size() == 1);
  CHECK(r.samples[0].labels == Labels{{"job", "api"}});
  CHECK(r.samples[0].value == Approx(0.1));
  // One sample only: no rate yet.
  CHECK(evaluate(*parsed.expr, series, 0, 60000).samples.empty());
  // A counter from zero: the first minutes extrapolate only back to zero.
  const auto rate = rbc::promql::parse("rate(req_total{code=\"500\"}[5m])");
  r = evaluate(*rate.expr, series, 60000, 60000);
  REQUIRE(r.samples.size() == 1);
  CHECK(r.samples[0].value == Approx(6.0 / 300));
  const auto hist = rbc::promql::parse("histogram_quantile(0.9, rate(x_bucket[5m])) > 1");
  r = evaluate(*hist.expr, series, 600000, 60000);
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("histogram_quantile") != std::string::npos);
}

TEST_CASE("boundary templates print values as Prometheus does", "[emit][boundary]") {
  using namespace rbc::emit::boundary;
  CHECK(go_float(123456789) == "1.23456789e+08");
  CHECK(go_float(0.000012) == "1.2e-05");
  CHECK(go_float(100000) == "100000");
  CHECK(go_float(0.149) == "0.149");
  const Labels labels{{"job", "api"}};
  CHECK(expand_template("{{ $labels.job }} at {{ $value | humanizePercentage }}", labels, 0.0503).text ==
        "api at 5.03%");
  CHECK(expand_template("{{ $value | humanize }}", labels, 1234567).text == "1.235M");
  CHECK(expand_template("{{ $value | humanize1024 }}", labels, 2048).text == "2ki");
  CHECK(expand_template("{{ $value | humanizeDuration }}", labels, 3725).text == "1h 2m 5s");
  CHECK(expand_template("{{ $value | printf \"%.2f\" }}%", labels, 3.14159).text == "3.14%");
  CHECK(expand_template("{{ printf \"%.0f\" $value }}", labels, 2.5).text == "2");
  CHECK(expand_template("[{{ $labels.missing }}]", labels, 1).text == "[]");  // as promtool prints it
  CHECK_FALSE(expand_template("{{ range $x := . }}{{ end }}", labels, 1).ok);
}
