// The rule emitter of `rbc build`: emitted rule files pass the real
// promtool, every documented alert links to its runbook section, the
// output is stable, odd formatting survives, and `rbc check` accepts the
// emitted rules next to a site stub.
#include <catch2/catch.hpp>

#include "support/output_files.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "cli/check_pipeline.hpp"
#include "emit/rules.hpp"
#include "emit/rules_text.hpp"
#include "model/url.hpp"
#include "rules/load.hpp"
#include "support/process.hpp"

namespace fs = std::filesystem;
using rbc::test::data_path;
using rbc::test::run_command;

namespace {

const char* const kSamples[] = {"threads-agent", "cryptofunk", "aragora", "testwatcher",
                                "agent-node",    "webshop",    "kubernetes"};

std::string sample_dir(const std::string& name) {
  return fs::weakly_canonical(fs::path(RBC_TEST_DATA) / ".." / ".." / "samples" / name).string();
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct Emitted {
  rbc::cli::CheckRun run;
  std::vector<rbc::emit::OutputFile> files;
  rbc::Diagnostics diags;
};

// Reads a project as `rbc build` does, adjusts its build settings, emits.
Emitted emit(const std::string& dir, const std::string& format = "keep", bool normalize = false,
             const std::string& site_url = "") {
  Emitted e;
  e.run = rbc::cli::run_check({.paths = {dir}, .run_checks = false, .config_path = {}});
  e.run.project.config.build.rules_format = format;
  e.run.project.config.build.normalize_severity = normalize;
  if (!site_url.empty()) e.run.project.config.build.site_url = site_url;
  const auto lookup = [&](std::string_view path) -> const rbc::SourceFile* {
    auto it = e.run.sources.find(path);
    return it == e.run.sources.end() ? nullptr : it->second.get();
  };
  const rbc::emit::BuildInput input{e.run.project, lookup, e.run.diagnostics};
  e.files = rbc::emit::emit_rules(input, e.diags);
  return e;
}

std::string messages(const rbc::Diagnostics& diags) {
  std::string out;
  for (const rbc::Diagnostic& d : diags.items()) out += d.file + ": " + d.message + "\n";
  return out;
}

fs::path fresh_dir(const std::string& name) { return rbc::test::fresh_dir("rbc-emit-rules", name); }

using rbc::test::write_all;

// annotation values of the alerts in an emitted text, by alert name.
std::map<std::string, std::map<std::string, std::string>> alert_annotations(const std::string& path,
                                                                             const std::string& text) {
  const rbc::SourceFile source(path, text);
  rbc::Diagnostics diags;
  const rbc::rules::LoadedFile file = rbc::rules::load_rule_file(source, diags, {.keep_ast = false});
  REQUIRE(file.ok);
  std::map<std::string, std::map<std::string, std::string>> out;
  for (const rbc::rules::RuleRef& ref : rbc::rules::all_rules(file)) {
    if (ref.rule->kind != rbc::rules::RuleKind::alerting) continue;
    auto& annotations = out[std::string(ref.rule->name.value)];
    for (const auto& pair : ref.rule->annotations)
      annotations[std::string(pair.name.value)] = std::string(pair.value.value);
  }
  return out;
}

}  // namespace

TEST_CASE("emitted rules of every sample pass promtool check rules", "[emit][rules][promtool]") {
  for (const char* sample : kSamples) {
    INFO(sample);
    const Emitted e = emit(sample_dir(sample), "prometheus", true);
    CHECK(messages(e.diags).empty());
    REQUIRE_FALSE(e.files.empty());
    const fs::path dir = fresh_dir(std::string("promtool-") + sample);
    write_all(dir, e.files);
    for (const auto& f : e.files) {
      INFO(f.path);
      const auto result = run_command("promtool check rules '" + (dir / f.path).string() + "' 2>&1");
      INFO(result.out);
      CHECK(result.status == 0);
    }
  }
}

TEST_CASE("every alert with a runbook section gets a runbook link; none is invented", "[emit][rules]") {
  for (const char* sample : kSamples) {
    INFO(sample);
    const Emitted e = emit(sample_dir(sample));
    CHECK(messages(e.diags).empty());
    std::map<std::string, std::map<std::string, std::string>> emitted;
    for (const auto& f : e.files) emitted.merge(alert_annotations(f.path, f.content));
    const auto& project = e.run.project;
    std::set<std::size_t> bound;
    for (const auto& b : project.bindings) bound.insert(b.rule);
    std::size_t linked = 0;
    for (std::size_t i = 0; i < project.rules.size(); ++i) {
      const auto& rule = project.rules[i];
      if (!rule.alerting) continue;
      INFO(rule.name.value);
      const auto& annotations = emitted.at(rule.name.value);
      bool has_link = false;
      for (const std::string& key : project.config.runbook_annotations) has_link = has_link || annotations.count(key);
      bool had_link = false;
      for (const auto& [name, value] : rule.annotations)
        for (const std::string& key : project.config.runbook_annotations) had_link = had_link || name.value == key;
      if (bound.count(i)) {
        CHECK(has_link);
        linked += has_link;
      } else {
        CHECK(has_link == had_link);  // no runbook: nothing added
      }
    }
    CHECK(linked > 0);
  }
}

TEST_CASE("emitting twice gives the same bytes", "[emit][rules]") {
  for (const char* sample : kSamples) {
    INFO(sample);
    for (const char* format : {"keep", "prometheus"}) {
      const Emitted a = emit(sample_dir(sample), format, true);
      const Emitted b = emit(sample_dir(sample), format, true);
      REQUIRE(a.files.size() == b.files.size());
      for (std::size_t i = 0; i < a.files.size(); ++i) {
        CHECK(a.files[i].path == b.files[i].path);
        CHECK(a.files[i].content == b.files[i].content);
      }
    }
  }
}

TEST_CASE("links: relative to the site page, or under build.site_url", "[emit][rules]") {
  const Emitted relative = emit(sample_dir("aragora"));
  REQUIRE(relative.files.size() == 1);
  CHECK(relative.files[0].path == "rules/rules.yml");
  const auto rel = alert_annotations("x", relative.files[0].content);
  // Bound by its (resolved, relative) link: pointed at the page instead.
  CHECK(rel.at("InstanceDown").at("runbook_url") == "../site/runbook.html#server-down");
  // Bound by name only: a link is added.
  CHECK(rel.at("HighMemoryUsage").at("runbook_url") == "../site/runbook.html#high-memory-usage");

  const Emitted absolute = emit(sample_dir("aragora"), "keep", false, "https://runbooks.example.org/ops");
  const auto abs = alert_annotations("x", absolute.files[0].content);
  CHECK(abs.at("HighMemoryUsage").at("runbook_url") == "https://runbooks.example.org/ops/runbook.html#high-memory-usage");

  // webshop links to its published site through url_mappings: kept as
  // written; alerts bound by name get a link to the site page.
  const Emitted webshop = emit(sample_dir("webshop"));
  const auto shop = alert_annotations("x", webshop.files[0].content);
  CHECK(shop.at("HighErrorRate").at("runbook_url") == "https://runbooks.example.com/webshop#higherrorrate");
  CHECK(shop.at("HighLatency").at("runbook_url") == "../site/webshop.html#highlatency");
}

TEST_CASE("PrometheusRule files: kept whole, or split into plain rule files", "[emit][rules]") {
  const Emitted keep = emit(sample_dir("kubernetes"));
  REQUIRE(keep.files.size() == 1);
  CHECK(keep.files[0].path == "rules/prometheus-rules.yaml");
  CHECK(keep.files[0].content.find("kind: ConfigMap") != std::string::npos);
  CHECK(keep.files[0].content.find("runbook_url: \"../site/runbooks/KubePodCrashLooping.html") != std::string::npos);

  const Emitted split = emit(sample_dir("kubernetes"), "prometheus");
  REQUIRE(split.files.size() == 2);
  CHECK(split.files[0].path == "rules/prometheus-rules.kube-pods.yml");
  CHECK(split.files[1].path == "rules/prometheus-rules.kube-nodes.yml");
  CHECK(split.files[0].content.starts_with("groups:\n  - name: kubernetes-pods\n"));
  CHECK(split.files[1].content.find("ConfigMap") == std::string::npos);
}

TEST_CASE("odd formatting round-trips with only the intended insertions (golden)", "[emit][rules][golden]") {
  const Emitted e = emit(data_path("emit_rules/odd"), "keep", true);
  REQUIRE(e.files.size() == 1);
  if (std::getenv("RBC_UPDATE_GOLDEN")) std::ofstream(data_path("emit_rules/odd.expected.yml"), std::ios::binary) << e.files[0].content;
  const std::string expected = read_text(data_path("emit_rules/odd.expected.yml"));
  const std::string report = messages(e.diags);
  INFO(report);
  CHECK(e.files[0].content == expected);
  // The alert whose labels are shared through an anchor is reported, not edited.
  CHECK(report.find("AnchorHolder\": label severity=critical not written: ") != std::string::npos);
  CHECK(e.diags.count(rbc::Severity::error) == 0);
  const fs::path dir = fresh_dir("golden");
  write_all(dir, e.files);
  const auto result = run_command("promtool check rules '" + (dir / e.files[0].path).string() + "' 2>&1");
  INFO(result.out);
  CHECK(result.status == 0);
}

TEST_CASE("CRLF line ends are kept in inserted lines", "[emit][rules]") {
  const fs::path dir = fresh_dir("crlf-project");
  std::ofstream(dir / "rules.yml", std::ios::binary)
      << "groups:\r\n- name: g\r\n  rules:\r\n  - alert: DiskFull\r\n    expr: vector(1)\r\n";
  std::ofstream(dir / "runbook.md", std::ios::binary) << "# Runbook\n\n## DiskFull\n\nSeverity: Critical\n";
  const Emitted e = emit(dir.string());
  REQUIRE(e.files.size() == 1);
  CHECK(e.files[0].content ==
        "groups:\r\n- name: g\r\n  rules:\r\n  - alert: DiskFull\r\n    expr: vector(1)\r\n"
        "    annotations:\r\n      runbook_url: \"../site/runbook.html#diskfull\"\r\n");
}

TEST_CASE("rbc check accepts the emitted rules next to a site stub", "[emit][rules][cli]") {
  for (const char* sample : kSamples) {
    INFO(sample);
    const Emitted e = emit(sample_dir(sample), "keep", true);
    const fs::path dir = fresh_dir(std::string("check-") + sample);
    write_all(dir, e.files);
    // An empty page wherever a relative link points.
    for (const auto& f : e.files) {
      for (const auto& [name, annotations] : alert_annotations(f.path, f.content)) {
        auto it = annotations.find("runbook_url");
        if (it == annotations.end() || rbc::model::url::is_absolute_url(it->second)) continue;
        const auto ref = rbc::model::url::split_reference(it->second);
        const fs::path page = (dir / f.path).parent_path() / rbc::model::url::percent_decode(ref.base);
        fs::create_directories(page.parent_path());
        std::ofstream(page) << "";
      }
    }
    const auto result =
        run_command("cd '" + dir.string() + "' && '" + RBC_BINARY + "' check --color never rules 2>&1");
    INFO(result.out);
    CHECK(result.status == 0);
    // No runbook or link problem, nor any other error or warning (the
    // webshop's published links are an info: rbc.yaml's url_mappings stay behind).
    CHECK(result.out.find(" 0 errors, 0 warnings") != std::string::npos);
    CHECK(result.out.find("error:") == std::string::npos);
    CHECK(result.out.find("warning:") == std::string::npos);
  }
}

TEST_CASE("rule text helpers", "[emit][rules]") {
  using namespace rbc::emit;
  CHECK(apply_edits("abcdef", {{4, 5, "X"}, {1, 1, "1"}, {1, 1, "2"}}) == "a12bcdXf");
  CHECK(double_quoted("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"");
  CHECK(single_quoted("it's") == "'it''s'");
  CHECK(plain_safe("critical"));
  CHECK_FALSE(plain_safe("yes"));
  CHECK_FALSE(plain_safe("1"));
  CHECK_FALSE(plain_safe("a b"));
  CHECK(newline_of("a\r\nb") == "\r\n");
  CHECK(line_end("ab\r\ncd", 0) == 2);
}

namespace {

// A one-file project: `rules` under a group, a runbook documenting A..D.
Emitted emit_snippet(const std::string& name, const std::string& rules) {
  const fs::path dir = fresh_dir("snippet-" + name);
  std::ofstream(dir / "rules.yml", std::ios::binary) << "groups:\n- name: g\n  rules:\n" << rules;
  std::ofstream(dir / "runbook.md") << "# Runbook\n\n## AlphaDown\n\nSeverity: Critical\n\n## BetaDown\n\n## GammaDown\n\n## DeltaDown\n";
  return emit(dir.string(), "keep", true);
}

}  // namespace

TEST_CASE("rule shapes: every edit reads back, or is reported and left out", "[emit][rules]") {
  const std::pair<const char*, const char*> cases[] = {
      {"empty-flow", "  - alert: AlphaDown\n    expr: up\n    annotations: {}\n"},
      {"tilde", "  - alert: AlphaDown\n    expr: up\n    annotations: ~\n"},
      {"null-last", "  - alert: AlphaDown\n    expr: up\n    annotations:\n"},
      {"tagged", "  - alert: AlphaDown\n    expr: up\n    annotations: !!map\n      summary: s\n"},
      {"quoted-key", "  - alert: AlphaDown\n    expr: up\n    \"annotations\":\n      'summary': s # c\n"},
      {"no-eol", "  - alert: AlphaDown\n    expr: up\n    labels:\n      severity: P1"},
      {"doc-end", "  - alert: AlphaDown\n    expr: up\n...\n"},
      {"comments", "  - alert: AlphaDown\n    expr: up\n    annotations:\n      summary: s\n        # deeper comment\n# col 1\n"},
      {"strip-block", "  - alert: AlphaDown\n    expr: |-\n      up\n\n"},
      {"keep-block", "  - alert: AlphaDown\n    expr: |+\n      up\n\n  - alert: BetaDown\n    expr: up\n"},
      {"flow-rule", "  - {alert: AlphaDown, expr: up}\n  - {alert: BetaDown, expr: up, labels: {severity: P1}, annotations: {}}\n"},
      {"flow-seq", "    [{alert: AlphaDown, expr: up}]\n"},
      {"alias-rule", "  - &r {alert: AlphaDown, expr: up}\n  - *r\n"},
      {"shared-annotations", "  - alert: AlphaDown\n    expr: up\n    annotations: &s {summary: s}\n  - alert: BetaDown\n    expr: up\n"
                             "    annotations: *s\n"},
      {"merged-rule", "  - &r\n    alert: GammaDown\n    expr: up\n  - <<: *r\n    alert: DeltaDown\n"},
      {"tab-value", "  - alert: AlphaDown\n    expr:\tup\n    annotations:\n      summary:\ts\n"},
      {"crlf-mixed", "  - alert: AlphaDown\r\n    expr: up\n"},
      {"unicode", "  - alert: AlphaDown\n    expr: up\n    annotations:\n      summary: \"\xc3\xa9t\xc3\xa9\"\n"},
  };
  for (const auto& [name, rules] : cases) {
    INFO(name);
    const Emitted e = emit_snippet(name, rules);
    INFO(messages(e.diags));
    CHECK(e.diags.count(rbc::Severity::error) == 0);
    REQUIRE(e.files.size() == 1);
    const fs::path dir = fresh_dir(std::string("snippet-out-") + name);
    write_all(dir, e.files);
    const auto result = run_command("promtool check rules '" + (dir / e.files[0].path).string() + "' 2>&1");
    INFO(e.files[0].content);
    INFO(result.out);
    CHECK(result.status == 0);
    // Each documented alert has a link unless a warning says why not.
    const auto annotations = alert_annotations(e.files[0].path, e.files[0].content);
    for (const auto& [alert, values] : annotations) {
      INFO(alert);
      const bool reported = messages(e.diags).find("\"" + alert + "\"") != std::string::npos;
      CHECK((values.count("runbook_url") == 1 || reported));
    }
  }
}

TEST_CASE("a rule file that does not load is emitted as it is", "[emit][rules]") {
  const Emitted e = emit_snippet("broken", "  - alert: AlphaDown\n    expr: up(\n");
  REQUIRE(e.files.size() == 1);
  CHECK(e.files[0].content == "groups:\n- name: g\n  rules:\n  - alert: AlphaDown\n    expr: up(\n");
  CHECK(messages(e.diags).find("not rewritten") != std::string::npos);
}
