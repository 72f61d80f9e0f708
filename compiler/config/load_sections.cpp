#include "config/load_sections.hpp"

#include <algorithm>
#include <array>
#include <filesystem>

namespace rbc::config::detail {
namespace {

// Words compare by their ASCII letters and digits, case-insensitively,
// which is how severity_values matches them ("SEV-1" == "sev1").
std::string word_key(std::string_view word) {
  std::string key;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') key += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += c;
  }
  return key;
}

struct WordOwner {
  std::string key;
  std::string level;
};

// Adds `word` to `level` unless another level already uses it.
void add_word(Reader& in, yaml::NodeId node, const std::string& word, SeverityLevel& level,
              std::vector<WordOwner>& owners, bool listed) {
  const std::string key = word_key(word);
  if (key.empty()) {
    in.error(node, "severity word '" + word + "' has no ASCII letter or digit; rbc matches words by those");
    return;
  }
  auto owner = std::find_if(owners.begin(), owners.end(), [&](const WordOwner& o) { return o.key == key; });
  if (owner != owners.end()) {
    if (owner->level != level.value) {
      in.error(node, "severity word '" + word + "' already stands for '" + owner->level + "'");
    } else if (listed) {
      level.words.push_back(word);  // repeated in its own level ("critical: [Critical]"): harmless
    }
    return;
  }
  owners.push_back({key, level.value});
  if (listed) level.words.push_back(word);
}

std::optional<Severity> severity_name(std::string_view text) {
  if (text == "error") return Severity::error;
  if (text == "warning") return Severity::warning;
  if (text == "info") return Severity::info;
  return std::nullopt;
}

bool is_code_name(std::string_view code) {
  const std::size_t slash = code.find('/');
  if (slash == 0 || slash == std::string_view::npos || slash + 1 == code.size()) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '/';
  }) && code.find('/', slash + 1) == std::string_view::npos;
}

// `options:` of one code: key -> scalar or list of scalars, as written.
void read_options(Reader& in, yaml::NodeId node, const std::string& where, CodeSetting& setting) {
  if (!in.is_mapping(node)) {
    in.type_error(node, "'" + where + ".options'", "a mapping of option name -> value or list of values");
    return;
  }
  for (const yaml::KeyValue& kv : in.pairs(node, where + ".options")) {
    const std::string key(in.key_text(kv.key));
    const std::string what = "'" + where + ".options." + key + "'";
    CheckOption option;
    option.span = in.tree().span(kv.key);
    const yaml::NodeId value = in.tree().resolve(kv.value);
    if (in.is_sequence(value)) {
      option.list = true;
      for (yaml::NodeId item : in.tree().items(value)) {
        if (in.is_mapping(item) || in.is_sequence(item) || in.is_null(item))
          in.type_error(item, "each entry of " + what, "a value");
        else option.values.emplace_back(in.tree().value(in.tree().resolve(item)));
      }
    } else if (in.is_mapping(value) || in.is_null(value)) {
      in.type_error(kv.value, what, "a value or a list of values");
      continue;
    } else {
      option.values.emplace_back(in.tree().value(value));
    }
    setting.options.insert_or_assign(key, std::move(option));
  }
}

void read_code_mapping(Reader& in, yaml::NodeId node, std::string_view code, CodeSetting& setting) {
  static constexpr std::array<std::string_view, 4> kKeys{"enabled", "severity", "locked", "options"};
  const std::string where = "checks." + std::string(code);
  for (const yaml::KeyValue& kv : in.pairs(node, where)) {
    const std::string_view key = in.key_text(kv.key);
    if (key == "enabled") {
      setting.enabled = in.boolean(kv.value, "'" + where + ".enabled'");
    } else if (key == "severity") {
      const auto text = in.string(kv.value, "'" + where + ".severity'");
      if (!text) continue;
      setting.severity = severity_name(*text);
      if (!setting.severity) {
        in.error(kv.value, "'" + where + ".severity' must be error, warning or info, not '" + *text + "'");
      }
    } else if (key == "locked") {
      setting.locked = in.boolean(kv.value, "'" + where + ".locked'").value_or(false);
    } else if (key == "options") {
      read_options(in, kv.value, where, setting);
    } else {
      in.unknown_key(kv.key, kKeys, where);
    }
  }
}

// `CODE: off`, `CODE: false`, `CODE: warning` or `CODE: {enabled, severity,
// locked, options}`.
std::optional<CodeSetting> read_code(Reader& in, yaml::NodeId node, std::string_view code) {
  CodeSetting setting;
  if (in.is_mapping(node)) {
    read_code_mapping(in, node, code, setting);
    return setting;
  }
  const yaml::NodeId target = in.tree().resolve(node);
  if (in.tree().node(target).kind == yaml::NodeKind::scalar && !in.is_null(node)) {
    const std::string_view text = in.tree().value(target);
    if (auto on = switch_value(text)) {
      setting.enabled = *on;
      return setting;
    }
    if (auto severity = severity_name(text)) {
      setting.severity = *severity;
      return setting;
    }
  }
  in.type_error(node, "'checks." + std::string(code) + "'",
                "off, on, error, warning, info or a mapping with enabled/severity");
  return std::nullopt;
}

}  // namespace

void read_severities(Reader& in, yaml::NodeId node, Config& config) {
  if (!in.is_mapping(node)) {
    in.type_error(node, "'severities'", "a mapping of severity value -> list of words");
    return;
  }
  std::vector<SeverityLevel> levels;
  std::vector<WordOwner> owners;
  for (const yaml::KeyValue& kv : in.pairs(node, "severities")) {
    SeverityLevel level;
    level.value = std::string(in.key_text(kv.key));
    if (level.value.empty()) {
      in.error(kv.key, "a severity value must not be empty");
      continue;
    }
    add_word(in, kv.key, level.value, level, owners, false);
    const std::string what = "'severities." + level.value + "'";
    // `info:` with no words: the value is its only word.
    if (in.is_sequence(kv.value)) {
      for (yaml::NodeId item : in.tree().items(in.tree().resolve(kv.value))) {
        if (auto word = in.string(item, "each word of " + what)) add_word(in, item, *word, level, owners, true);
      }
    } else if (!in.is_null(kv.value)) {
      in.type_error(kv.value, what, "a list of words");
    }
    levels.push_back(std::move(level));
  }
  if (levels.empty()) {
    in.error(node, "'severities' must name at least one severity value");
    return;
  }
  config.severities = std::move(levels);
}

void read_url_mappings(Reader& in, yaml::NodeId node, Config& config) {
  if (!in.is_sequence(node)) {
    in.type_error(node, "'url_mappings'", "a list of {prefix, path} mappings");
    return;
  }
  static constexpr std::array<std::string_view, 3> kKeys{"prefix", "path", "ignore_case"};
  for (yaml::NodeId item : in.tree().items(in.tree().resolve(node))) {
    if (!in.is_mapping(item)) {
      in.type_error(item, "each entry of 'url_mappings'", "a mapping with prefix and path");
      continue;
    }
    std::optional<std::string> prefix;
    std::optional<std::string> path;
    bool ignore_case = false;
    bool bad = false;
    for (const yaml::KeyValue& kv : in.pairs(item, "url_mappings entry")) {
      const std::string_view key = in.key_text(kv.key);
      if (key == "prefix") {
        prefix = in.string(kv.value, "'url_mappings.prefix'");
        bad = bad || !prefix;
        if (prefix && prefix->find("://") == std::string::npos) {
          in.error(kv.value, "'url_mappings.prefix' must be a URL (scheme://...), not '" + *prefix + "'");
          bad = true;
        }
      } else if (key == "path") {
        path = in.string(kv.value, "'url_mappings.path'");
        bad = bad || !path;
      } else if (key == "ignore_case") {
        const std::optional<bool> flag = in.boolean(kv.value, "'url_mappings.ignore_case'");
        bad = bad || !flag;
        ignore_case = flag.value_or(false);
      } else {
        in.unknown_key(kv.key, kKeys, "url_mappings entry");
      }
    }
    if (bad || !prefix || !path) {
      if (!bad && !prefix && !path) in.error(item, "url_mappings entry needs 'prefix' and 'path'");
      else if (!bad && !prefix) in.error(item, "url_mappings entry needs 'prefix'");
      else if (!bad && !path) in.error(item, "url_mappings entry needs 'path'");
      continue;
    }
    // Absolute and normalised, with a trailing '/', so that the resolver
    // can append the rest of a URL to it.
    std::string folder = (std::filesystem::path(config.root) / *path).lexically_normal().string();
    if (folder.empty() || folder.back() != '/') folder += '/';
    config.url_mappings.push_back({std::move(*prefix), std::move(folder), ignore_case});
  }
}

void read_checks(Reader& in, yaml::NodeId node, Config& config) {
  if (!in.is_mapping(node)) {
    in.type_error(node, "'checks'", "a mapping of diagnostic code -> setting");
    return;
  }
  for (const yaml::KeyValue& kv : in.pairs(node, "checks")) {
    const std::string code(in.key_text(kv.key));
    if (!is_code_name(code)) {
      in.error(kv.key, "'" + code + "' is not a diagnostic code (group/name, e.g. rule/duplicate)");
      continue;
    }
    // Whether the code exists is for the caller to say: the catalogue grows.
    if (auto setting = read_code(in, kv.value, code)) {
      setting->span = in.tree().span(kv.key);
      config.codes[code] = std::move(*setting);
    }
  }
}

}  // namespace rbc::config::detail
