#include "rules/yaml_values.hpp"

#include <charconv>
#include <cmath>
#include <limits>

namespace rbc::rules {
namespace {

using yaml::NodeKind;
using yaml::ScalarStyle;

constexpr std::string_view kTagPrefix = "tag:yaml.org,2002:";

bool is_plain(const yaml::Tree& tree, yaml::NodeId id) {
  return tree.node(id).style == ScalarStyle::plain && tree.tag(id).empty();
}

bool is_bool(std::string_view v) {
  return v == "true" || v == "True" || v == "TRUE" || v == "false" || v == "False" || v == "FALSE";
}

// strconv.ParseInt(s, 0, 64) after yaml.v3 removed "_".
std::optional<std::int64_t> parse_go_int(std::string_view text) {
  std::string s;
  for (char c : text)
    if (c != '_') s.push_back(c);
  std::string_view v(s);
  bool negative = false;
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    negative = v[0] == '-';
    v.remove_prefix(1);
  }
  int base = 10;
  if (v.size() > 2 && v[0] == '0' && (v[1] == 'x' || v[1] == 'X')) base = 16, v.remove_prefix(2);
  else if (v.size() > 2 && v[0] == '0' && (v[1] == 'o' || v[1] == 'O')) base = 8, v.remove_prefix(2);
  else if (v.size() > 2 && v[0] == '0' && (v[1] == 'b' || v[1] == 'B')) base = 2, v.remove_prefix(2);
  else if (v.size() > 1 && v[0] == '0') base = 8, v.remove_prefix(1);
  if (v.empty()) return std::nullopt;
  std::uint64_t magnitude = 0;
  const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), magnitude, base);
  if (ec != std::errc() || ptr != v.data() + v.size()) return std::nullopt;
  if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0))
    return std::nullopt;
  return negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
}

std::optional<double> parse_yaml_float(std::string_view v) {
  if (v == ".inf" || v == ".Inf" || v == ".INF" || v == "+.inf" || v == "+.Inf" || v == "+.INF")
    return std::numeric_limits<double>::infinity();
  if (v == "-.inf" || v == "-.Inf" || v == "-.INF") return -std::numeric_limits<double>::infinity();
  if (v == ".nan" || v == ".NaN" || v == ".NAN") return std::numeric_limits<double>::quiet_NaN();
  // YAML 1.2 core float: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
  std::size_t i = 0;
  if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
  const std::size_t digits_start = i;
  while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
  bool any = i > digits_start;
  if (i < v.size() && v[i] == '.') {
    ++i;
    const std::size_t f = i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
    any = any || i > f;
  }
  if (!any) return std::nullopt;
  if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
    ++i;
    if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
    const std::size_t e = i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
    if (i == e) return std::nullopt;
  }
  if (i != v.size()) return std::nullopt;
  std::string s(v.substr(v[0] == '+' ? 1 : 0));
  return std::strtod(s.c_str(), nullptr);
}

}  // namespace

std::string_view short_tag(const yaml::Tree& tree, yaml::NodeId id) {
  id = tree.resolve(id);
  const yaml::Node& n = tree.node(id);
  if (n.kind == NodeKind::sequence) return "!!seq";
  if (n.kind == NodeKind::mapping) return "!!map";
  const std::string_view tag = tree.tag(id);
  if (tag.starts_with(kTagPrefix)) {
    const std::string_view name = tag.substr(kTagPrefix.size());
    if (name == "str") return "!!str";
    if (name == "int") return "!!int";
    if (name == "float") return "!!float";
    if (name == "bool") return "!!bool";
    if (name == "null") return "!!null";
  }
  if (!is_plain(tree, id)) return "!!str";
  if (tree.is_null(id)) return "!!null";
  const std::string_view v = tree.value(id);
  if (is_bool(v)) return "!!bool";
  if (parse_go_int(v)) return "!!int";
  if (parse_yaml_float(v)) return "!!float";
  return "!!str";
}

std::optional<std::string> tag_conflict(const yaml::Tree& tree, yaml::NodeId id) {
  id = tree.resolve(id);
  if (tree.node(id).kind != NodeKind::scalar) return std::nullopt;
  const std::string_view tag = tree.tag(id);
  if (!tag.starts_with(kTagPrefix)) return std::nullopt;
  const std::string_view wanted = tag.substr(kTagPrefix.size());
  if (wanted != "null" && wanted != "bool" && wanted != "int" && wanted != "float") return std::nullopt;
  // The text resolves as if it were plain, whatever its quoting.
  const std::string_view v = tree.value(id);
  std::string_view natural = "str";
  if (v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL") natural = "null";
  else if (is_bool(v)) natural = "bool";
  else if (parse_go_int(v)) natural = "int";
  else if (parse_yaml_float(v)) natural = "float";
  if (natural == wanted || (wanted == "float" && natural == "int")) return std::nullopt;
  return "cannot decode !!" + std::string(natural) + " `" + std::string(v) + "` as a !!" + std::string(wanted);
}

std::optional<std::string_view> as_string(const yaml::Tree& tree, yaml::NodeId id) {
  id = tree.resolve(id);
  if (tree.node(id).kind != NodeKind::scalar) return std::nullopt;
  if (tree.is_null(id)) return std::string_view();
  return tree.value(id);
}

std::string_view node_value(const yaml::Tree& tree, yaml::NodeId id) {
  const yaml::Node& n = tree.node(id);
  if (n.kind == NodeKind::sequence || n.kind == NodeKind::mapping) return {};
  return tree.value(id);
}

std::optional<std::int64_t> as_int(const yaml::Tree& tree, yaml::NodeId id) {
  id = tree.resolve(id);
  const std::string_view tag = short_tag(tree, id);
  if (tag == "!!null") return 0;
  const std::string_view v = tree.value(id);
  if (tag == "!!int") return parse_go_int(v);
  if (tag == "!!float") {
    const auto f = parse_yaml_float(v);
    if (!f || std::isnan(*f) || *f >= 9.2233720368547758e18 || *f < -9.2233720368547758e18) return std::nullopt;
    return static_cast<std::int64_t>(*f);
  }
  return std::nullopt;
}

DurationResult parse_duration(std::string_view text) {
  if (text == "0") return {};
  if (text.empty()) return {0, "empty duration string"};
  const std::string invalid = "not a valid duration string: \"" + std::string(text) + "\"";
  struct Unit {
    std::string_view suffix;
    std::int64_t ms;
  };
  constexpr Unit kUnits[] = {{"y", 365LL * 24 * 3600 * 1000}, {"w", 7LL * 24 * 3600 * 1000},
                             {"d", 24LL * 3600 * 1000},       {"h", 3600LL * 1000},
                             {"m", 60LL * 1000},              {"s", 1000},
                             {"ms", 1}};
  std::size_t pos = 0;
  std::size_t next_unit = 0;
  DurationResult result;
  bool overflow = false;
  constexpr std::int64_t kMaxMs = std::numeric_limits<std::int64_t>::max() / 1'000'000;  // time.Duration in ms
  while (pos < text.size()) {
    const std::size_t digits = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == digits) return {0, invalid};
    const std::string_view number = text.substr(digits, pos - digits);
    std::size_t u = next_unit;
    // "m" must not swallow the "m" of "ms".
    while (u < std::size(kUnits)) {
      const std::string_view suffix = kUnits[u].suffix;
      const bool is_m_of_ms = suffix == "m" && text.compare(pos, 2, "ms") == 0;
      if (!is_m_of_ms && text.compare(pos, suffix.size(), suffix) == 0) break;
      ++u;
    }
    if (u == std::size(kUnits)) return {0, invalid};
    pos += kUnits[u].suffix.size();
    next_unit = u + 1;
    std::uint64_t n = 0;
    const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), n);
    if (ec != std::errc() || ptr != number.data() + number.size() ||
        n > static_cast<std::uint64_t>(kMaxMs / kUnits[u].ms)) {
      overflow = true;
      continue;
    }
    result.ms += static_cast<std::int64_t>(n) * kUnits[u].ms;
    if (result.ms > kMaxMs) overflow = true;
  }
  if (overflow) return {0, "duration out of range"};
  return result;
}

std::vector<yaml::KeyValue> mapping_pairs(const yaml::Tree& tree, yaml::NodeId mapping) {
  std::vector<yaml::KeyValue> explicit_pairs;
  std::vector<yaml::KeyValue> merged;
  for (std::size_t i = 0; i < tree.pair_count(mapping); ++i) {
    const yaml::KeyValue kv = tree.pair(mapping, i);
    const yaml::NodeId key = tree.resolve(kv.key);
    const bool merge = tree.node(key).kind == NodeKind::scalar && tree.value(key) == "<<" &&
                       (is_plain(tree, key) || tree.tag(key) == "tag:yaml.org,2002:merge");
    if (!merge) {
      explicit_pairs.push_back(kv);
      continue;
    }
    const yaml::NodeId value = tree.resolve(kv.value);
    std::vector<yaml::NodeId> sources;
    if (tree.node(value).kind == NodeKind::mapping) sources.push_back(value);
    if (tree.node(value).kind == NodeKind::sequence)
      for (yaml::NodeId item : tree.items(value)) sources.push_back(tree.resolve(item));
    for (yaml::NodeId src : sources) {
      if (tree.node(src).kind != NodeKind::mapping) continue;
      for (const yaml::KeyValue& inner : mapping_pairs(tree, src)) merged.push_back(inner);
    }
  }
  if (merged.empty()) return explicit_pairs;
  std::vector<yaml::KeyValue> out;
  for (const yaml::KeyValue& kv : merged) {
    const auto key = as_string(tree, kv.key);
    bool overridden = false;
    for (const yaml::KeyValue& e : explicit_pairs)
      if (key && as_string(tree, e.key) == key) overridden = true;
    for (const yaml::KeyValue& o : out)
      if (key && as_string(tree, o.key) == key) overridden = true;
    if (!overridden) out.push_back(kv);
  }
  out.insert(out.end(), explicit_pairs.begin(), explicit_pairs.end());
  return out;
}

}  // namespace rbc::rules
