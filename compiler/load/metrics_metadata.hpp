// Metric types from a metrics metadata file (rbc.yaml `server.metadata`):
// either a Prometheus text exposition dump (`curl .../metrics`, `# TYPE`
// lines, OpenMetrics too) or the JSON of `/api/v1/metadata`. The server
// checks use the types instead of guessing from metric names.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "diag/source.hpp"

namespace rbc::load {

enum class MetricType { counter, gauge, histogram, summary, untyped, info, stateset, gaugehistogram };

// "counter", "gauge", ... as the exposition formats spell them.
const char* metric_type_name(MetricType type);
std::optional<MetricType> metric_type_from_name(std::string_view name);

// Series name -> type. A histogram `x` also gives its `x_bucket`, `x_sum`
// and `x_count` series (counters), a summary its `x_sum` and `x_count`,
// and an OpenMetrics counter `x` its `x_total` series.
using MetricTypes = std::map<std::string, MetricType, std::less<>>;

// Adds the series of a metric family of `type` named `name` (keeps a type
// already known for a series).
void add_family(MetricTypes& types, std::string_view name, MetricType type);

// Reads `text` (a dump or JSON, told apart by the first character) into
// `types`; problems are `config/invalid` diagnostics at their place in
// `source`. Never throws.
void parse_metrics_metadata(const SourceFile& source, MetricTypes& types, Diagnostics& diags);
// The JSON form only (metrics_metadata_json.cpp).
void parse_metadata_json(const SourceFile& source, MetricTypes& types, Diagnostics& diags);

// Reads the file rbc.yaml names (`path` absolute; "" = none): io/read when
// it cannot be read. Returns the file so diagnostics can quote it.
std::optional<SourceFile> read_metrics_metadata(const std::string& path, MetricTypes& types,
                                                Diagnostics& diags);

// "config/invalid" at `offset` of `source`.
void metadata_problem(const SourceFile& source, std::size_t offset, std::string message, Diagnostics& diags);

}  // namespace rbc::load
