// Metrics metadata: the text exposition reader and the shared parts.
#include "load/metrics_metadata.hpp"

#include <array>

#include "load/read_file.hpp"

namespace rbc::load {
namespace {

constexpr std::array<std::pair<std::string_view, MetricType>, 8> kTypeNames{{
    {"counter", MetricType::counter},
    {"gauge", MetricType::gauge},
    {"histogram", MetricType::histogram},
    {"summary", MetricType::summary},
    {"untyped", MetricType::untyped},
    {"info", MetricType::info},
    {"stateset", MetricType::stateset},
    {"gaugehistogram", MetricType::gaugehistogram},
}};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool is_name_char(char c, bool first) {
  const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  return letter || (!first && c >= '0' && c <= '9');
}

bool is_metric_name(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (!is_name_char(name[i], i == 0)) return false;
  }
  return true;
}

std::size_t skip_spaces(std::string_view line, std::size_t pos) {
  while (pos < line.size() && is_space(line[pos])) ++pos;
  return pos;
}

// Splits off the next whitespace-separated word of `line` from `pos`.
std::string_view next_word(std::string_view line, std::size_t& pos) {
  pos = skip_spaces(line, pos);
  const std::size_t start = pos;
  while (pos < line.size() && !is_space(line[pos])) ++pos;
  return line.substr(start, pos - start);
}

// `# TYPE name type`; other comments (`# HELP`, `# UNIT`, `# EOF`) carry no type.
void read_type_line(const SourceFile& source, std::size_t line_start, std::string_view line, MetricTypes& types,
                    Diagnostics& diags) {
  std::size_t pos = 1;
  if (next_word(line, pos) != "TYPE") return;
  const std::size_t name_at = skip_spaces(line, pos);
  const std::string_view name = next_word(line, pos);
  const std::size_t type_at = skip_spaces(line, pos);
  const std::string_view type_word = next_word(line, pos);
  if (!is_metric_name(name)) {
    metadata_problem(source, line_start + name_at,
                     "'# TYPE' needs a metric name ([a-zA-Z_:][a-zA-Z0-9_:]*), not '" + std::string(name) + "'",
                     diags);
    return;
  }
  const std::optional<MetricType> type = metric_type_from_name(type_word);
  if (!type) {
    metadata_problem(source, line_start + type_at,
                     "unknown metric type '" + std::string(type_word) + "' for '" + std::string(name) +
                         "'; expected counter, gauge, histogram, summary or untyped",
                     diags);
    return;
  }
  add_family(types, name, *type);
}

// A sample line names a series; without a `# TYPE` it is untyped.
void read_sample_line(std::string_view line, MetricTypes& types) {
  std::size_t end = 0;
  while (end < line.size() && is_name_char(line[end], end == 0)) ++end;
  if (end == 0) return;
  types.emplace(std::string(line.substr(0, end)), MetricType::untyped);
}

void parse_exposition(const SourceFile& source, MetricTypes& types, Diagnostics& diags) {
  const std::string& text = source.text();
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    std::size_t indent = 0;
    while (indent < line.size() && is_space(line[indent])) ++indent;
    line.remove_prefix(indent);
    if (!line.empty() && line.front() == '#') {
      read_type_line(source, start + indent, line, types, diags);
    } else if (!line.empty()) {
      read_sample_line(line, types);
    }
    start = end + 1;
  }
}

}  // namespace

const char* metric_type_name(MetricType type) {
  for (const auto& [name, value] : kTypeNames) {
    if (value == type) return name.data();
  }
  return "untyped";
}

std::optional<MetricType> metric_type_from_name(std::string_view name) {
  for (const auto& [text, value] : kTypeNames) {
    if (text == name) return value;
  }
  // OpenMetrics spells untyped "unknown".
  if (name == "unknown") return MetricType::untyped;
  return std::nullopt;
}

void add_family(MetricTypes& types, std::string_view name, MetricType type) {
  const std::string base(name);
  // A typed family replaces an untyped guess from an earlier sample line.
  const auto set = [&](const std::string& series, MetricType t) {
    auto [it, inserted] = types.emplace(series, t);
    if (!inserted && it->second == MetricType::untyped) it->second = t;
  };
  set(base, type);
  switch (type) {
    case MetricType::counter:
      if (!base.ends_with("_total")) set(base + "_total", MetricType::counter);
      break;
    case MetricType::histogram:
      set(base + "_bucket", MetricType::counter);
      [[fallthrough]];
    case MetricType::summary:
      set(base + "_sum", MetricType::counter);
      set(base + "_count", MetricType::counter);
      break;
    case MetricType::gaugehistogram:
      set(base + "_bucket", MetricType::gauge);
      set(base + "_gsum", MetricType::gauge);
      set(base + "_gcount", MetricType::gauge);
      break;
    default:
      break;
  }
}

void metadata_problem(const SourceFile& source, std::size_t offset, std::string message, Diagnostics& diags) {
  Diagnostic d;
  d.code = "config/invalid";
  d.file = source.path();
  const Position at = source.position_at(offset);
  d.span = {at, {at.line, at.column + 1}};
  d.message = "metrics metadata: " + std::move(message);
  diags.add(std::move(d));
}

void parse_metrics_metadata(const SourceFile& source, MetricTypes& types, Diagnostics& diags) {
  const std::string& text = source.text();
  std::size_t first = 0;
  while (first < text.size() && (is_space(text[first]) || text[first] == '\n')) ++first;
  if (first < text.size() && text[first] == '{') {
    parse_metadata_json(source, types, diags);
  } else {
    parse_exposition(source, types, diags);
  }
}

std::optional<SourceFile> read_metrics_metadata(const std::string& path, MetricTypes& types, Diagnostics& diags) {
  if (path.empty()) return std::nullopt;
  std::optional<SourceFile> source = read_file(path, diags, TextKind::other);
  if (!source) return std::nullopt;
  parse_metrics_metadata(*source, types, diags);
  return source;
}

}  // namespace rbc::load
