#include "config/read_yaml.hpp"

#include <algorithm>

#include "diag/suggest.hpp"
#include "rules/yaml_values.hpp"

namespace rbc::config::detail {

std::optional<bool> switch_value(std::string_view text) {
  static constexpr std::string_view kTrue[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"};
  static constexpr std::string_view kFalse[] = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"};
  if (std::find(std::begin(kTrue), std::end(kTrue), text) != std::end(kTrue)) return true;
  if (std::find(std::begin(kFalse), std::end(kFalse), text) != std::end(kFalse)) return false;
  return std::nullopt;
}

bool is_label_name(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

void Reader::type_error(yaml::NodeId node, std::string_view what, std::string_view expected) {
  const std::string_view kind = kind_name(node);
  if (kind == "empty") {
    error(node, std::string(what) + " has no value; expected " + std::string(expected));
    return;
  }
  const bool quote_hint = expected == "a string" && (kind == "a number" || kind == "true/false");
  error(node, std::string(what) + " must be " + std::string(expected) + ", not " + std::string(kind) +
                  (quote_hint ? " (quote it)" : ""));
}

void Reader::error(yaml::NodeId node, std::string message) {
  Diagnostic d;
  d.code = "config/invalid";
  d.severity = Severity::error;
  d.file = tree_.source().path();
  d.span = tree_.span(node);
  d.message = std::move(message);
  diags_.add(std::move(d));
}

void Reader::warning(yaml::NodeId node, std::string message, std::string_view code) {
  Diagnostic d;
  d.code = std::string(code);
  d.severity = Severity::warning;
  d.file = tree_.source().path();
  d.span = tree_.span(node);
  d.message = std::move(message);
  diags_.add(std::move(d));
}

std::string_view Reader::kind_name(yaml::NodeId node) const {
  const std::string_view tag = rules::short_tag(tree_, node);
  if (tag == "!!seq") return "a list";
  if (tag == "!!map") return "a mapping";
  if (tag == "!!int" || tag == "!!float") return "a number";
  if (tag == "!!bool") return "true/false";
  if (tag == "!!null") return "empty";
  return "a string";
}

bool Reader::is_mapping(yaml::NodeId node) const {
  return tree_.node(tree_.resolve(node)).kind == yaml::NodeKind::mapping;
}

bool Reader::is_sequence(yaml::NodeId node) const {
  return tree_.node(tree_.resolve(node)).kind == yaml::NodeKind::sequence;
}

bool Reader::is_null(yaml::NodeId node) const { return rules::short_tag(tree_, node) == "!!null"; }

std::optional<std::string> Reader::string(yaml::NodeId node, std::string_view what, bool allow_empty) {
  if (rules::short_tag(tree_, node) != "!!str") {
    type_error(node, what, "a string");
    return std::nullopt;
  }
  std::string text(tree_.value(tree_.resolve(node)));
  if (text.empty() && !allow_empty) {
    error(node, std::string(what) + " must not be empty");
    return std::nullopt;
  }
  return text;
}

std::optional<std::vector<std::string>> Reader::string_list(yaml::NodeId node, std::string_view what) {
  if (!is_sequence(node)) {
    type_error(node, what, "a list of strings");
    return std::nullopt;
  }
  std::vector<std::string> out;
  const std::string item_what = "each entry of " + std::string(what);
  for (yaml::NodeId item : tree_.items(tree_.resolve(node))) {
    if (auto text = string(item, item_what)) out.push_back(std::move(*text));
  }
  return out;
}

std::optional<bool> Reader::boolean(yaml::NodeId node, std::string_view what) {
  const yaml::NodeId target = tree_.resolve(node);
  if (tree_.node(target).kind == yaml::NodeKind::scalar) {
    if (auto b = switch_value(tree_.value(target))) return b;
  }
  if (tree_.node(target).kind == yaml::NodeKind::scalar && !is_null(node)) {
    error(node, std::string(what) + " must be true or false, not '" + std::string(tree_.value(target)) + "'");
  } else {
    type_error(node, what, "true or false");
  }
  return std::nullopt;
}

std::vector<yaml::KeyValue> Reader::pairs(yaml::NodeId mapping, std::string_view where) {
  std::vector<yaml::KeyValue> out;
  const yaml::NodeId m = tree_.resolve(mapping);
  for (std::size_t i = 0; i < tree_.pair_count(m); ++i) {
    const yaml::KeyValue kv = tree_.pair(m, i);
    if (rules::short_tag(tree_, kv.key) != "!!str") {
      error(kv.key, "keys in " + std::string(where) + " must be strings, not " + std::string(kind_name(kv.key)));
      continue;
    }
    const std::string_view name = key_text(kv.key);
    const bool repeated = std::any_of(out.begin(), out.end(), [&](const yaml::KeyValue& seen) {
      return key_text(seen.key) == name;
    });
    if (repeated) {
      error(kv.key, "key '" + std::string(name) + "' appears twice in " + std::string(where) +
                        "; only the first is used");
      continue;
    }
    out.push_back(kv);
  }
  return out;
}

void Reader::unknown_key(yaml::NodeId key, std::span<const std::string_view> known, std::string_view where) {
  const std::string_view name = key_text(key);
  std::string message = "unknown key '" + std::string(name) + "'";
  if (!where.empty()) message += " in " + std::string(where);
  if (auto best = closest_match(name, known, std::max<std::size_t>(2, name.size() / 3))) {
    message += ": did you mean '" + std::string(*best) + "'?";
  } else {
    message += "; expected one of:";
    for (std::size_t i = 0; i < known.size(); ++i) message += (i ? ", " : " ") + std::string(known[i]);
  }
  error(key, std::move(message));
}

}  // namespace rbc::config::detail
