// Readers of the structured rbc.yaml keys (severities, url_mappings,
// checks). Internal to the config stage.
#pragma once

#include "config/config.hpp"
#include "config/read_yaml.hpp"

namespace rbc::config::detail {

// `severities:` (canonical value -> words). Replaces the defaults when at
// least one level could be read.
void read_severities(Reader& in, yaml::NodeId node, Config& config);
// `url_mappings:` (list of {prefix, path}); folders resolved against config.root.
void read_url_mappings(Reader& in, yaml::NodeId node, Config& config);
// `checks:` (code -> off/on/severity or {enabled, severity}).
void read_build(Reader& in, yaml::NodeId value, BuildSettings& build);
void read_checks(Reader& in, yaml::NodeId node, Config& config);
// `receivers:` (channel receiver name -> {pagerduty|slack|email|webhook: settings}).
void read_receivers(Reader& in, yaml::NodeId node, Config& config);
// `server:` (scrape_interval, evaluation_interval, retention, external_labels,
// metadata); the metadata path is resolved against config.root.
void read_server(Reader& in, yaml::NodeId key, yaml::NodeId value, Config& config);

// `limits:` (max_file_size_mb, max_files), positive integers.
void read_limits(Reader& in, yaml::NodeId value, Limits& limits);

}  // namespace rbc::config::detail
