// rbc.yaml: the optional project configuration (JSON Schema in
// schemas/rbc.schema.json). Every field has a default, so a repository
// without rbc.yaml gets the documented behaviour.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/source.hpp"

namespace rbc::config {

// Canonical severity label value -> words a runbook may use for it.
struct SeverityLevel {
  std::string value;               // "critical"
  std::vector<std::string> words;  // "Critical", "crit", "P1", "SEV1", "page"
};

struct UrlMapping {
  std::string prefix;  // "https://github.com/org/runbooks/blob/main/"
  std::string folder;  // "runbooks/", relative to the rbc.yaml folder (made absolute on load)
  // The published site serves these paths whatever their letter case (Hugo
  // lower-cases page URLs): a link that matches a file only when case is
  // ignored resolves cleanly.
  bool ignore_case = false;
};

// One option of a check under `checks: {code: {options: {...}}}`: a scalar
// or a list of scalars, as written.
struct CheckOption {
  std::vector<std::string> values;  // one entry for a scalar
  bool list = false;
  Span span;  // the option's key in rbc.yaml
};

struct CodeSetting {
  std::optional<bool> enabled;
  std::optional<Severity> severity;
  // `locked: true`: inline comments (`# rbc disable`, snooze, baseline) cannot
  // silence this code.
  bool locked = false;
  std::map<std::string, CheckOption, std::less<>> options;
  Span span;  // the code's key in rbc.yaml (for "unknown code" warnings)
};

// `server:` — facts about the Prometheus server the rules run on, so the
// checks pint asks a live server about can run offline. Unset: unknown.
struct ServerFacts {
  std::optional<std::int64_t> scrape_interval_ms;
  std::optional<std::int64_t> evaluation_interval_ms;
  std::optional<std::int64_t> retention_ms;
  std::vector<std::pair<std::string, std::string>> external_labels;  // file order
  // `metadata:` a `/metrics` exposition dump or `/api/v1/metadata` JSON,
  // absolute (resolved against root on load); "" = none.
  std::string metadata_path;
  Span span;  // the `server:` key
};

// `build:` — what `rbc build` emits.
struct BuildSettings {
  std::string out = "rbc-out";          // output folder, relative to the working directory
  std::string site_url;                 // where the HTML site is published ("" = link to sources)
  bool normalize_severity = false;      // rewrite severity labels to canonical values
  std::string rules_format = "keep";    // "keep" (PrometheusRule stays one) or "prometheus"
  bool inhibit = true;                  // emit critical-inhibits-warning rules
  // Where alertmanager.yml's `*_file` references point for secrets that
  // rbc.yaml wrote inline (the secret itself is never emitted).
  std::string secrets_dir = "/etc/alertmanager/secrets";
};

// `receivers:` — how a documented channel is delivered. Keyed by the
// channel's receiver name ("pagerduty", "slack-alerts-warnings"); each
// integration is one Alertmanager notifier with the settings rbc.yaml gives.
struct ReceiverSetting {
  std::string key;    // "routing_key_file", "channel", "send_resolved"
  std::string value;  // as written
  bool text = true;   // a string (emitted quoted); false: true/false or a number
};

struct ReceiverIntegration {
  std::string kind;  // "pagerduty", "slack", "email", "opsgenie", "webhook"
  std::vector<ReceiverSetting> settings;  // file order; inline secrets are never kept
};

struct ReceiverBinding {
  std::string name;
  std::vector<ReceiverIntegration> integrations;  // empty: not usable, a placeholder is emitted
  Span span;  // the name in rbc.yaml
};

// `limits:` — bounds on what one run reads.
struct Limits {
  std::size_t max_file_bytes = std::size_t{64} << 20;  // max_file_size_mb
  std::size_t max_files = 100000;                      // max_files
};

struct Config {
  std::string path;  // the rbc.yaml read ("" when defaults)
  std::string root;  // folder of rbc.yaml, or the checked folder
  std::string severity_label = "severity";
  std::vector<std::string> runbook_annotations = {"runbook_url", "runbook"};
  std::vector<SeverityLevel> severities;  // defaults when rbc.yaml has none
  std::vector<UrlMapping> url_mappings;
  std::vector<std::string> rule_paths;     // globs relative to root; empty: discover
  std::vector<std::string> runbook_paths;  // globs relative to root; empty: discover
  std::map<std::string, CodeSetting, std::less<>> codes;
  BuildSettings build;
  std::vector<ReceiverBinding> receivers;  // file order
  ServerFacts server;
  Limits limits;
};

Config default_config();

// Finds rbc.yaml in `start_dir` or its parents (stopping at a .git folder's
// parent or the file system root).
std::optional<std::string> find_config(const std::string& start_dir);

// Reads rbc.yaml; problems become `config/invalid` diagnostics and the
// defaults stand in for what could not be read.
Config load_config(const SourceFile& source, Diagnostics& diags);

// Severity words of a runbook field -> canonical label values.
// "P1 - Critical" -> {critical}; "Warning/Critical" -> {warning, critical};
// "Warning (can escalate to Critical)" -> {warning}; "Warning (Business)" ->
// {warning}; nothing recognised -> {}.
std::vector<std::string> severity_values(const Config& config, std::string_view text);

// --- additions (see docs/configuration.md) ---
// After load_config: `root` is the absolute, normalised folder of rbc.yaml
// (default_config() leaves it empty for the caller to fill), and every
// url_mappings folder is absolute and normalised with a trailing '/'.
// `severities` keeps file order; the defaults' order is critical, warning,
// info.

// The file name find_config looks for.
inline constexpr std::string_view kConfigFileName = "rbc.yaml";

// The built-in severity vocabulary (critical, warning, info).
std::vector<SeverityLevel> default_severities();

// Glob match of a '/'-separated relative path: `*` and `?` stay within one
// path segment, `**` crosses segments (`a/**/b` also matches `a/b`),
// `[abc]`/`[a-z]`/`[!a]` are character classes. The whole path must match.
bool matches_glob(std::string_view pattern, std::string_view path);

// True when `path` (relative to the config root, '/'-separated) is selected
// by one of `specs` (`rules:`/`runbooks:` entries): the glob matches the
// path itself or one of its parent folders, so `rules` selects everything
// under rules/. A leading "./" in a spec or the path is ignored. Empty
// `specs` select nothing (the caller discovers files instead).
bool path_selected(const std::vector<std::string>& specs, std::string_view path);

}  // namespace rbc::config
