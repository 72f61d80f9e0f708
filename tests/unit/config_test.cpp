// rbc.yaml: defaults, loading, every config/invalid path with its position,
// find_config, globs, and agreement with schemas/rbc.schema.json.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "support/process.hpp"

namespace fs = std::filesystem;
using rbc::config::Config;

namespace {

struct Loaded {
  Config config;
  rbc::Diagnostics diags;
};

Loaded load_text(const std::string& text, const std::string& path = "/repo/rbc.yaml") {
  Loaded out;
  const rbc::SourceFile source(path, text);
  out.config = rbc::config::load_config(source, out.diags);
  return out;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Loaded load_data(const std::string& relative) {
  const fs::path path = fs::path(RBC_TEST_DATA) / "config" / relative;
  return load_text(read(path), path.string());
}

// "line:column message" of each diagnostic; anything but a config/invalid
// error says so: "line:column warning [config/inline-secret] message".
std::vector<std::string> described(const rbc::Diagnostics& diags) {
  std::vector<std::string> out;
  for (const rbc::Diagnostic& d : diags.items()) {
    std::string kind;
    if (d.code != "config/invalid" || d.severity != rbc::Severity::error)
      kind = std::string(d.severity == rbc::Severity::warning ? "warning" : "not an error") + " [" + d.code + "] ";
    out.push_back(std::to_string(d.span.begin.line) + ":" + std::to_string(d.span.begin.column) + " " + kind +
                  d.message);
  }
  return out;
}

std::vector<fs::path> yaml_files(const std::string& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(RBC_TEST_DATA) / "config" / folder)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("config: defaults", "[config]") {
  const Config c = rbc::config::default_config();
  CHECK(c.path.empty());
  CHECK(c.severity_label == "severity");
  CHECK(c.runbook_annotations == std::vector<std::string>{"runbook_url", "runbook"});
  REQUIRE(c.severities.size() == 3);
  CHECK(c.severities[0].value == "critical");
  CHECK(c.severities[1].value == "warning");
  CHECK(c.severities[2].value == "info");
  CHECK(c.url_mappings.empty());
  CHECK(c.rule_paths.empty());
  CHECK(c.runbook_paths.empty());
  CHECK(c.codes.empty());
}

TEST_CASE("config: empty and comment-only files are all defaults", "[config]") {
  for (const char* text : {"", "# nothing\n", "---\n", "~\n", "---\n...\n"}) {
    INFO(text);
    const Loaded l = load_text(text);
    CHECK(l.diags.items().empty());
    CHECK(l.config.path == "/repo/rbc.yaml");
    CHECK(l.config.root == "/repo");
    CHECK(l.config.severity_label == "severity");
    CHECK(l.config.severities.size() == 3);
  }
}

TEST_CASE("config: every key of the full example", "[config]") {
  const Loaded l = load_data("valid/full.yaml");
  CHECK(described(l.diags).empty());
  const Config& c = l.config;
  CHECK(c.root == (fs::path(RBC_TEST_DATA) / "config" / "valid").lexically_normal().string());
  CHECK(c.severity_label == "level");
  CHECK(c.runbook_annotations == std::vector<std::string>{"runbook_url", "playbook"});
  REQUIRE(c.severities.size() == 3);  // file order, defaults replaced
  CHECK(c.severities[0].value == "page");
  CHECK(c.severities[0].words == std::vector<std::string>{"Critical", "P1", "SEV1", "wake me up"});
  CHECK(c.severities[1].value == "ticket");
  CHECK(c.severities[1].words == std::vector<std::string>{"Warning", "P2", "P3"});
  CHECK(c.severities[2].value == "fyi");
  CHECK(c.severities[2].words.empty());
  REQUIRE(c.url_mappings.size() == 2);
  CHECK(c.url_mappings[0].prefix == "https://github.com/example/ops/blob/main/runbooks/");
  CHECK(c.url_mappings[0].folder == c.root + "/runbooks/");
  CHECK(c.url_mappings[1].folder == c.root + "/docs/wiki/");
  CHECK(c.rule_paths == std::vector<std::string>{"rules/**/*.yml", "alerts"});
  CHECK(c.runbook_paths == std::vector<std::string>{"runbooks/*.md"});
  REQUIRE(c.codes.size() == 5);
  CHECK(c.codes.at("rule/duplicate").enabled == false);
  CHECK_FALSE(c.codes.at("rule/duplicate").severity.has_value());
  CHECK_FALSE(c.codes.at("promql/parse").enabled.has_value());
  CHECK(c.codes.at("promql/parse").severity == rbc::Severity::error);
  CHECK(c.codes.at("runbook/missing").enabled == true);
  CHECK(c.codes.at("runbook/missing").severity == rbc::Severity::warning);
  CHECK(c.codes.at("link/unmapped-url").enabled == false);
  CHECK(c.codes.at("runbook/severity-mismatch").severity == rbc::Severity::info);
  // The configured vocabulary is what severity_values uses.
  CHECK(rbc::config::severity_values(c, "P2 - Warning") == std::vector<std::string>{"ticket"});
  CHECK(rbc::config::severity_values(c, "fyi") == std::vector<std::string>{"fyi"});
}

TEST_CASE("config: YAML 1.1 switches and null word lists", "[config]") {
  const Loaded a = load_data("valid/yaml11-switches.yaml");
  CHECK(described(a.diags).empty());
  CHECK(a.config.codes.at("rule/duplicate").enabled == false);
  CHECK(a.config.codes.at("rule/template").enabled == true);
  CHECK(a.config.codes.at("promql/parse").enabled == true);
  const Loaded b = load_data("valid/severities-null-words.yaml");
  CHECK(described(b.diags).empty());
  REQUIRE(b.config.severities.size() == 3);
  CHECK(b.config.severities[2].value == "info");
  CHECK(b.config.runbook_annotations.empty());
}

TEST_CASE("config: url_mappings folders are absolute and normalised", "[config]") {
  const Loaded l = load_text("url_mappings:\n  - {prefix: 'https://x/', path: ../shared/./rb}\n"
                             "  - {prefix: 'https://y/', path: /abs/dir}\n  - {prefix: 'https://z/', path: .}\n",
                             "/repo/sub/rbc.yaml");
  CHECK(described(l.diags).empty());
  REQUIRE(l.config.url_mappings.size() == 3);
  CHECK(l.config.url_mappings[0].folder == "/repo/shared/rb/");
  CHECK(l.config.url_mappings[1].folder == "/abs/dir/");
  CHECK(l.config.url_mappings[2].folder == "/repo/sub/");
}

TEST_CASE("config: every invalid example is reported at its position", "[config]") {
  struct Expect {
    const char* file;
    std::vector<std::string> diags;
  };
  const std::vector<Expect> expected = {
      {"unknown-key.yaml", {"1:1 unknown key 'severity_lable': did you mean 'severity_label'?"}},
      {"label-list.yaml", {"2:17 'severity_label' must be a string, not a list"}},
      {"label-not-a-name.yaml", {"1:17 'severity_label' must be a label name ([a-zA-Z_][a-zA-Z0-9_]*), not 'my-label'"}},
      {"label-no-value.yaml", {"1:16 'severity_label' has no value; expected a string"}},
      {"annotations-not-list.yaml", {"1:22 'runbook_annotations' must be a list of annotation names, not a string"}},
      {"annotation-not-a-name.yaml",
       {"1:36 each entry of 'runbook_annotations' must be a label name ([a-zA-Z_][a-zA-Z0-9_]*), not 'runbook url'"}},
      {"severities-list.yaml",
       {"1:13 'severities' must be a mapping of severity value -> list of words, not a list"}},
      {"severity-word-number.yaml", {"2:18 each word of 'severities.critical' must be a string, not a number (quote it)"}},
      {"severities-empty.yaml", {"1:13 'severities' must name at least one severity value"}},
      {"severity-word-emoji.yaml",
       {"2:14 severity word '\xf0\x9f\x94\xb4' has no ASCII letter or digit; rbc matches words by those"}},
      {"severity-words-string.yaml", {"2:13 'severities.critical' must be a list of words, not a string"}},
      {"url-mapping-no-path.yaml", {"2:5 url_mappings entry needs 'path'"}},
      {"url-mapping-unknown-key.yaml",
       {"3:5 unknown key 'folder' in url_mappings entry; expected one of: prefix, path, ignore_case",
        "2:5 url_mappings entry needs 'path'"}},
      {"url-prefix-not-url.yaml", {"2:13 'url_mappings.prefix' must be a URL (scheme://...), not 'github.com/org/repo'"}},
      {"url-mappings-not-list.yaml", {"2:3 'url_mappings' must be a list of {prefix, path} mappings, not a mapping"}},
      {"rules-absolute.yaml",
       {"1:9 entries of 'rules' are relative to the rbc.yaml folder; '/etc/prometheus/rules' is absolute"}},
      {"runbooks-string.yaml", {"1:11 'runbooks' must be a list of paths or globs, not a string"}},
      {"checks-bad-code.yaml", {"2:3 'Duplicate' is not a diagnostic code (group/name, e.g. rule/duplicate)"}},
      {"checks-bad-value.yaml",
       {"2:19 'checks.rule/duplicate' must be off, on, error, warning, info or a mapping with enabled/severity, not a "
        "string"}},
      {"checks-unknown-subkey.yaml",
       {"3:5 unknown key 'enable' in checks.rule/duplicate: did you mean 'enabled'?"}},
      {"checks-bad-severity.yaml", {"3:15 'checks.rule/duplicate.severity' must be error, warning or info, not 'fatal'"}},
      {"checks-enabled-not-bool.yaml", {"3:14 'checks.rule/duplicate.enabled' must be true or false, not 'sometimes'"}},
      {"checks-no-value.yaml",
       {"2:18 'checks.rule/duplicate' has no value; expected off, on, error, warning, info or a mapping with "
        "enabled/severity"}},
      {"not-a-mapping.yaml", {"1:1 rbc.yaml must be a mapping of settings, not a list"}},
      {"two-documents.yaml", {"2:1 rbc.yaml must hold one YAML document; the others are ignored"}},
      {"receivers-bad-number.yaml", {"5:19 'receivers.hook.webhook.max_alerts' must be a whole number, not a string"}},
      {"receivers-list.yaml",
       {"2:3 'receivers' must be a mapping of channel receiver names to their integrations, not a list"}},
      {"receivers-missing-key.yaml",
       {"3:5 'receivers.pagerduty.pagerduty' needs 'routing_key_file' (Events API v2) or 'service_key_file'; the "
        "channel keeps a placeholder receiver"}},
      {"receivers-unknown-kind.yaml",
       {"3:5 unknown key 'telegram' in 'receivers.ops'; expected one of: pagerduty, slack, email, opsgenie, webhook"}},
      {"receivers-inline-secret.yaml",
       {"5:7 warning [config/inline-secret] inline secret 'api_key' in 'receivers.opsgenie.opsgenie' is not copied into alertmanager.yml; it "
        "refers to 'api_key_file: /etc/alertmanager/secrets/opsgenie-opsgenie-api_key' instead: write the secret "
        "to that file on the Alertmanager host and remove it from rbc.yaml (or set 'api_key_file' yourself)"}},
      {"receivers-url-password.yaml",
       {"5:12 warning [config/inline-secret] the password in 'url' is not copied into alertmanager.yml; the URL is emitted without credentials "
        "and 'http_config.basic_auth' reads the password from "
        "'/etc/alertmanager/secrets/ops-hook-webhook-url_password': write it to that file on the Alertmanager "
        "host and remove it from rbc.yaml"}},
      {"build-secrets-dir-relative.yaml",
       {"2:16 'build.secrets_dir' must be an absolute folder on the Alertmanager host, not 'secrets'"}},
      {"server-duration-number.yaml", {"2:20 'server.scrape_interval' must be a string, not a number (quote it)"}},
      {"server-duration-words.yaml",
       {"2:14 'server.retention' must be a Prometheus duration such as 30s, 1m or 15d, not '15 days'"}},
      {"server-duration-zero.yaml",
       {"2:20 'server.scrape_interval' must be a Prometheus duration such as 30s, 1m or 15d, not '0s'"}},
      {"server-label-name.yaml",
       {"3:5 external label names must be label names ([a-zA-Z_][a-zA-Z0-9_]*), not 'bad-name'"}},
      {"server-labels-list.yaml",
       {"2:20 'server.external_labels' must be a mapping of label name to value, not a list"}},
      {"server-metadata-absolute.yaml",
       {"2:13 'server.metadata' is relative to the rbc.yaml folder; '/etc/metrics.txt' is absolute"}},
      {"server-scalar.yaml", {"1:9 'server' must be a mapping of server facts, not a string"}},
      {"limits-zero.yaml", {"2:21 'limits.max_file_size_mb' must be a whole number from 1 to 1048576, not '0'"}},
      {"limits-unknown-key.yaml",
       {"2:3 unknown key 'max_size' in limits; expected one of: max_file_size_mb, max_files"}},
      {"server-unknown-key.yaml",
       {"2:3 unknown key 'scrape' in server; expected one of: scrape_interval, evaluation_interval, retention, "
        "external_labels, metadata"}},
  };
  std::set<std::string> covered;
  for (const Expect& e : expected) {
    INFO(e.file);
    covered.insert(e.file);
    const Loaded l = load_data(std::string("invalid/") + e.file);
    CHECK(described(l.diags) == e.diags);
  }
  // YAML syntax errors: position of libyaml's error, defaults kept.
  for (const char* file : {"not-yaml.yaml", "tab-indent.yaml"}) {
    INFO(file);
    covered.insert(file);
    const Loaded l = load_data(std::string("invalid/") + file);
    const auto d = described(l.diags);
    REQUIRE(d.size() == 1);
    CHECK(d[0].find("rbc.yaml is not valid YAML: ") != std::string::npos);
    CHECK(l.config.severity_label == "severity");
  }
  CHECK(described(load_data("invalid/not-yaml.yaml").diags)[0].starts_with("3:1 "));
  CHECK(described(load_data("invalid/tab-indent.yaml").diags)[0] ==
        "2:1 rbc.yaml is not valid YAML: found character that cannot start any token (while scanning for the next "
        "token); YAML does not allow tabs for indentation: use spaces");
  // Every file in invalid/ has its expectation here.
  for (const fs::path& file : yaml_files("invalid")) CHECK(covered.count(file.filename().string()) == 1);
}

TEST_CASE("config: problems only load_config can see", "[config]") {
  SECTION("a repeated key: the first one counts") {
    const Loaded l = load_text("severity_label: a\nseverity_label: b\n");
    CHECK(described(l.diags) == std::vector<std::string>{
                                    "2:1 key 'severity_label' appears twice in rbc.yaml; only the first is used"});
    CHECK(l.config.severity_label == "a");
  }
  SECTION("a word of two severities") {
    const Loaded l = load_text("severities:\n  critical: [P1, sev-2]\n  warning: [SEV2, Critical]\n");
    CHECK(described(l.diags) ==
          std::vector<std::string>{"3:13 severity word 'SEV2' already stands for 'critical'",
                                   "3:19 severity word 'Critical' already stands for 'critical'"});
    CHECK(l.config.severities[1].words.empty());
  }
  SECTION("a word repeated within its own severity is fine") {
    const Loaded l = load_text("severities:\n  critical: [Critical, crit, CRIT]\n");
    CHECK(described(l.diags).empty());
  }
  SECTION("a key that is not a string") {
    const Loaded l = load_text("[a]: 1\n");
    CHECK(described(l.diags) == std::vector<std::string>{"1:1 keys in rbc.yaml must be strings, not a list"});
  }
}

TEST_CASE("config: one bad setting keeps the others", "[config]") {
  const Loaded l = load_text(
      "severity_label: 7\nrunbook_annotations: [playbook, 5]\nrules: [ok/*.yml, '']\n"
      "severities:\n  page: [P1]\n  '': [x]\nchecks:\n  rule/duplicate: off\n  rule/schema: maybe\n"
      "colour: blue\n");
  CHECK(described(l.diags) ==
        std::vector<std::string>{
            "1:17 'severity_label' must be a string, not a number (quote it)",
            "2:33 each entry of 'runbook_annotations' must be a string, not a number (quote it)",
            "3:19 each entry of 'rules' must not be empty",
            "6:3 a severity value must not be empty",
            "9:16 'checks.rule/schema' must be off, on, error, warning, info or a mapping with enabled/severity, "
            "not a string",
            "10:1 unknown key 'colour'; expected one of: severity_label, runbook_annotations, severities, "
            "url_mappings, rules, runbooks, checks, build, receivers, server, limits",
        });
  CHECK(l.config.severity_label == "severity");
  CHECK(l.config.runbook_annotations == std::vector<std::string>{"playbook"});
  CHECK(l.config.rule_paths == std::vector<std::string>{"ok/*.yml"});
  REQUIRE(l.config.severities.size() == 1);
  CHECK(l.config.severities[0].value == "page");
  CHECK(l.config.codes.size() == 1);
}

TEST_CASE("config: spans cover the offending node", "[config]") {
  const Loaded l = load_text("severity_lable: x\nrules: \"abc\"\n");
  REQUIRE(l.diags.items().size() == 2);
  CHECK(l.diags.items()[0].span.end == rbc::Position{1, 15});
  CHECK(l.diags.items()[1].span.begin == rbc::Position{2, 8});
  CHECK(l.diags.items()[1].span.end == rbc::Position{2, 13});
  CHECK(l.diags.items()[0].file == "/repo/rbc.yaml");
}

TEST_CASE("config: hostile input never crashes", "[config]") {
  const std::vector<std::string> inputs = {
      "a: &a [*a]\n", "&x a: *x\n", "severities: &s {critical: *s}\n", "checks: {rule/x: {severity: *y}}\n",
      std::string(5000, '['), std::string("\0\xff\xfe", 3), "rules: !!binary aGVsbG8=\n",
      "severities:\n  critical: [!!str 1, !!int x]\n", "? [a]\n: b\n", "url_mappings: [[], {}, ~, 1]\n",
      "severity_label: *undefined\n", "\xef\xbb\xbfseverity_label: a\n", "checks:\n  a/b/c: off\n  /x: on\n",
  };
  for (const std::string& text : inputs) {
    INFO(text.substr(0, 60));
    const Loaded l = load_text(text);
    CHECK(l.config.severities.size() >= 1);
  }
  // Aliases are followed.
  const Loaded l = load_text("rules: &r [a/*.yml]\nrunbooks: *r\n");
  CHECK(l.diags.items().empty());
  CHECK(l.config.runbook_paths == std::vector<std::string>{"a/*.yml"});
}

TEST_CASE("config: matches_glob", "[config][glob]") {
  using rbc::config::matches_glob;
  CHECK(matches_glob("rules/*.yml", "rules/a.yml"));
  CHECK_FALSE(matches_glob("rules/*.yml", "rules/sub/a.yml"));
  CHECK(matches_glob("rules/**/*.yml", "rules/a.yml"));
  CHECK(matches_glob("rules/**/*.yml", "rules/x/y/a.yml"));
  CHECK_FALSE(matches_glob("rules/**/*.yml", "other/a.yml"));
  CHECK(matches_glob("**/*.md", "a/b/c.md"));
  CHECK(matches_glob("**/*.md", "c.md"));
  CHECK(matches_glob("**", "any/thing/at/all"));
  CHECK(matches_glob("rules/**", "rules/a/b"));
  CHECK_FALSE(matches_glob("rules/**", "rules"));
  CHECK(matches_glob("a?c", "abc"));
  CHECK_FALSE(matches_glob("a?c", "a/c"));
  CHECK(matches_glob("*.y*ml", "x.yaml"));
  CHECK(matches_glob("*.y*ml", "x.yml"));
  CHECK(matches_glob("team-[ab]/*.yml", "team-a/x.yml"));
  CHECK_FALSE(matches_glob("team-[ab]/*.yml", "team-c/x.yml"));
  CHECK(matches_glob("team-[!ab]/*.yml", "team-c/x.yml"));
  CHECK(matches_glob("v[0-9].yml", "v7.yml"));
  CHECK(matches_glob("odd[", "odd["));
  CHECK(matches_glob("./rules/a.yml", "rules/a.yml"));
  CHECK(matches_glob("**/a*b", "x/ab/acb"));  // needs backtracking past an earlier `*`
  CHECK_FALSE(matches_glob("", "a"));
  CHECK(matches_glob("", ""));
  // Pathological patterns stay fast (memoised).
  CHECK_FALSE(matches_glob("*a*a*a*a*a*a*a*a*a*a*a*a*b", std::string(200, 'a')));
  CHECK_FALSE(matches_glob("**/**/**/**/**/**/**/**/x", std::string(100, '/')));
}

TEST_CASE("config: path_selected", "[config][glob]") {
  using rbc::config::path_selected;
  const std::vector<std::string> specs{"rules", "teams/*/alerts/", "extra/*.yml"};
  CHECK(path_selected(specs, "rules/a.yml"));
  CHECK(path_selected(specs, "rules/deep/a.yml"));
  CHECK(path_selected(specs, "./teams/db/alerts/x.yaml"));
  CHECK(path_selected(specs, "extra/a.yml"));
  CHECK_FALSE(path_selected(specs, "extra/a.yaml"));
  CHECK_FALSE(path_selected(specs, "rulesets/a.yml"));
  CHECK_FALSE(path_selected({}, "rules/a.yml"));
  CHECK(path_selected({"."}, "anything.yml"));
}

namespace {

// A scratch tree under the build's temp folder, removed afterwards.
struct ScratchDir {
  fs::path root;
  ScratchDir() {
    root = fs::temp_directory_path() / ("rbc-config-test-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  void file(const fs::path& relative) const {
    fs::create_directories((root / relative).parent_path());
    std::ofstream(root / relative) << "";
  }
};

}  // namespace

TEST_CASE("config: find_config walks up to the repository top", "[config]") {
  ScratchDir tmp;
  tmp.file("outer/rbc.yaml");          // above the repository: never used
  tmp.file("outer/repo/.git/HEAD");    // repository top
  tmp.file("outer/repo/a/b/c/x.yml");  // no rbc.yaml in a/b/c
  using rbc::config::find_config;
  const fs::path repo = tmp.root / "outer/repo";
  CHECK_FALSE(find_config((repo / "a/b/c").string()).has_value());
  tmp.file("outer/repo/rbc.yaml");
  CHECK(find_config((repo / "a/b/c").string()) == (repo / "rbc.yaml").string());
  CHECK(find_config((repo / "a/b/c/x.yml").string()) == (repo / "rbc.yaml").string());  // a file: its folder
  CHECK(find_config((repo / "a/b/c/").string()) == (repo / "rbc.yaml").string());
  tmp.file("outer/repo/a/rbc.yaml");  // the nearest one wins
  CHECK(find_config((repo / "a/b/c").string()) == (repo / "a/rbc.yaml").string());
  // .git as a file (worktrees, submodules) also marks the top.
  tmp.file("outer/sub/.git");
  tmp.file("outer/sub/d/y.yml");
  CHECK_FALSE(find_config((tmp.root / "outer/sub/d").string()).has_value());
  // Without any .git the search goes on to the file system root.
  tmp.file("plain/rbc.yaml");
  tmp.file("plain/p/q/z.yml");
  CHECK(find_config((tmp.root / "plain/p/q").string()) == (tmp.root / "plain/rbc.yaml").string());
  // A folder named rbc.yaml is not a config file.
  fs::create_directories(tmp.root / "dirs/rbc.yaml");
  fs::create_directories(tmp.root / "dirs/.git");
  CHECK_FALSE(find_config((tmp.root / "dirs").string()).has_value());
}

TEST_CASE("config: find_config keeps relative paths relative", "[config]") {
  ScratchDir tmp;
  tmp.file("repo/.git/HEAD");
  tmp.file("repo/rbc.yaml");
  tmp.file("repo/rules/r.yml");
  const fs::path old = fs::current_path();
  fs::current_path(tmp.root / "repo");
  const auto here = rbc::config::find_config("rules");
  const auto dot = rbc::config::find_config(".");
  fs::current_path(old);
  CHECK(here == std::optional<std::string>("rbc.yaml"));
  CHECK(dot == std::optional<std::string>("rbc.yaml"));
}

TEST_CASE("config: schema and load_config agree on every example", "[config][schema]") {
  const fs::path schema = fs::path(RBC_TEST_DATA) / "../../schemas/rbc.schema.json";
  std::string command = "python3 - '" + schema.string() + "'";
  const auto valid = yaml_files("valid");
  const auto invalid = yaml_files("invalid");
  for (const auto& f : valid) command += " '" + f.string() + "'";
  for (const auto& f : invalid) command += " '" + f.string() + "'";
  // PyYAML reads the file, jsonschema validates it; YAML syntax errors count
  // as rejections.
  command += R"( 2>&1 <<'RBC_PY'
import json, sys
import jsonschema, yaml
validator = jsonschema.Draft202012Validator(json.load(open(sys.argv[1], encoding="utf-8")))
for path in sys.argv[2:]:
    try:
        ok = validator.is_valid(yaml.safe_load(open(path, encoding="utf-8")))
    except yaml.YAMLError:
        ok = False
    print(("valid " if ok else "invalid ") + path)
RBC_PY
)";
  const auto result = rbc::test::run_command(command);
  INFO(result.out);
  REQUIRE(result.status == 0);  // needs python3, python3-jsonschema, python3-yaml
  for (const auto& f : valid) {
    INFO(f);
    CHECK(("\n" + result.out).find("\nvalid " + f.string() + "\n") != std::string::npos);
    CHECK(load_data("valid/" + f.filename().string()).diags.items().empty());
  }
  for (const auto& f : invalid) {
    INFO(f);
    CHECK(result.out.find("invalid " + f.string() + "\n") != std::string::npos);
    CHECK_FALSE(load_data("invalid/" + f.filename().string()).diags.items().empty());
  }
  CHECK(valid.size() >= 5);
  CHECK(invalid.size() >= 20);
}

TEST_CASE("config: receivers keep settings in file order", "[config]") {
  const Loaded l = load_data("valid/receivers.yaml");
  CHECK(l.diags.items().empty());
  REQUIRE(l.config.receivers.size() == 6);
  const rbc::config::ReceiverBinding& pd = l.config.receivers[0];
  CHECK(pd.name == "pagerduty");
  CHECK(pd.span.begin == rbc::Position{3, 3});
  REQUIRE(pd.integrations.size() == 1);
  CHECK(pd.integrations[0].kind == "pagerduty");
  REQUIRE(pd.integrations[0].settings.size() == 2);
  CHECK(pd.integrations[0].settings[0].key == "routing_key_file");
  CHECK(pd.integrations[0].settings[1].value == "true");
  CHECK_FALSE(pd.integrations[0].settings[1].text);
  // A user name alone in a URL is no secret; ':' and '@' after the host are not credentials.
  REQUIRE(l.config.receivers[3].integrations.size() == 1);
  REQUIRE(l.config.receivers[3].integrations[0].settings.size() == 2);
  CHECK(l.config.receivers[3].integrations[0].settings[0].value ==
        "https://alertmanager@hooks.example.com:8443/alertmanager?x=a:b@c");
  CHECK(l.config.receivers[4].integrations[0].kind == "opsgenie");
  CHECK(l.config.receivers[5].integrations.size() == 2);  // slack and email together
}

namespace {

std::string settings_text(const rbc::config::ReceiverIntegration& integration) {
  std::string out;
  for (const auto& s : integration.settings) out += s.key + "=" + s.value + "\n";
  return out;
}

}  // namespace

TEST_CASE("config: an inline secret is reported and becomes a file reference", "[config]") {
  // No file key given: a reference under the default secrets_dir, the value gone.
  const Loaded pd = load_text("receivers:\n  pd:\n    pagerduty:\n      routing_key: abc\n      severity: info\n");
  REQUIRE(pd.diags.items().size() == 1);
  const rbc::Diagnostic& d = pd.diags.items()[0];
  CHECK(d.code == "config/inline-secret");
  CHECK(d.severity == rbc::Severity::warning);
  CHECK(d.span.begin == rbc::Position{4, 7});
  CHECK(d.message.find("'routing_key_file: /etc/alertmanager/secrets/pd-pagerduty-routing_key'") !=
        std::string::npos);
  REQUIRE(pd.config.receivers[0].integrations.size() == 1);
  CHECK(settings_text(pd.config.receivers[0].integrations[0]) ==
        "routing_key_file=/etc/alertmanager/secrets/pd-pagerduty-routing_key\nseverity=info\n");

  // build.secrets_dir moves the reference even when it comes after receivers;
  // the receiver name cannot lead the path out of the folder.
  const Loaded moved = load_text(
      "receivers:\n  ../../x y:\n    slack:\n      api_url: https://hooks.slack.com/services/T/B/C\n"
      "build:\n  secrets_dir: /run/secrets/\n");
  REQUIRE(moved.diags.items().size() == 1);
  CHECK(settings_text(moved.config.receivers[0].integrations[0]) ==
        "api_url_file=/run/secrets/-.-..-x-y-slack-api_url\n");

  // The file key is given too: it wins, the inline value is dropped.
  const Loaded both = load_text("receivers:\n  pd:\n    pagerduty:\n      routing_key: abc\n"
                                "      routing_key_file: /k\n");
  REQUIRE(both.diags.items().size() == 1);
  CHECK(both.diags.items()[0].message.find("'routing_key_file' is given and used") != std::string::npos);
  CHECK(settings_text(both.config.receivers[0].integrations[0]) == "routing_key_file=/k\n");

  // No file form in Alertmanager 0.25 (email auth_secret): dropped.
  const Loaded cram = load_text("receivers:\n  mail:\n    email:\n      to: a@example.com\n      auth_secret: s3\n");
  REQUIRE(cram.diags.items().size() == 1);
  CHECK(cram.diags.items()[0].message.find("no file form") != std::string::npos);
  CHECK(settings_text(cram.config.receivers[0].integrations[0]) == "to=a@example.com\n");

  // A password inside a URL: cut out, read from a file through basic auth.
  const Loaded url = load_text("receivers:\n  hook:\n    webhook:\n"
                               "      url: https://am%40corp:p%3Ass@hooks.example.com/x?y=1\n");
  REQUIRE(url.diags.items().size() == 1);
  CHECK(url.diags.items()[0].code == "config/inline-secret");
  CHECK(settings_text(url.config.receivers[0].integrations[0]) ==
        "url=https://hooks.example.com/x?y=1\n"
        "http_config.basic_auth.username=am@corp\n"
        "http_config.basic_auth.password_file=/etc/alertmanager/secrets/hook-webhook-url_password\n");

  for (const Loaded* l : {&pd, &moved, &both, &cram, &url}) {
    for (const auto& b : l->config.receivers)
      for (const auto& i : b.integrations) {
        const std::string text = settings_text(i);
        CHECK(text.find("abc") == std::string::npos);
        CHECK(text.find("s3") == std::string::npos);
        CHECK(text.find("p%3Ass") == std::string::npos);
        CHECK(text.find("services/T/B/C") == std::string::npos);
      }
  }
}

TEST_CASE("config: build.secrets_dir must be absolute", "[config]") {
  const Loaded relative = load_data("invalid/build-secrets-dir-relative.yaml");
  REQUIRE(relative.diags.items().size() == 1);
  CHECK(relative.diags.items()[0].message ==
        "'build.secrets_dir' must be an absolute folder on the Alertmanager host, not 'secrets'");
  CHECK(relative.config.build.secrets_dir == "/etc/alertmanager/secrets");
}

TEST_CASE("config: limits", "[config]") {
  const Loaded defaults = load_text("");
  CHECK(defaults.config.limits.max_file_bytes == std::size_t{64} << 20);
  CHECK(defaults.config.limits.max_files == 100000);
  const Loaded set = load_data("valid/limits.yaml");
  CHECK(set.diags.items().empty());
  CHECK(set.config.limits.max_file_bytes == std::size_t{8} << 20);
  CHECK(set.config.limits.max_files == 500);
}
