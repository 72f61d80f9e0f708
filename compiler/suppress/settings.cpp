#include <string>
#include <vector>

#include "checks/check.hpp"
#include "diag/codes.hpp"
#include "diag/suggest.hpp"
#include "suppress/suppress.hpp"

namespace rbc::suppress {
namespace {

void warn(Diagnostics& diags, const config::Config& config, Span span, std::string message) {
  Diagnostic d;
  d.code = "config/invalid";
  d.severity = Severity::warning;
  d.file = config.path;
  d.span = span;
  d.message = std::move(message);
  diags.add(std::move(d));
}

std::string suggestion(std::string_view word, std::span<const std::string_view> names) {
  const auto guess = closest_match(word, names, 3);
  return guess ? ": did you mean '" + std::string(*guess) + "'?" : "";
}

void check_options(const std::string& code, const config::CodeSetting& setting, const config::Config& config,
                   Diagnostics& diags) {
  if (setting.options.empty()) return;
  const checks::Check* check = checks::find_check(code);
  std::vector<std::string_view> keys;
  if (check != nullptr)
    for (const checks::OptionInfo& option : check->options) keys.push_back(option.key);
  for (const auto& [key, option] : setting.options) {
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    std::string message = code + " has no option '" + key + "'";
    if (keys.empty()) {
      message += "; it takes no options";
    } else if (std::string guess = suggestion(key, keys); !guess.empty()) {
      message += guess;
    } else {
      message += "; its options are";
      for (std::size_t i = 0; i < keys.size(); ++i) message += (i ? ", " : " ") + std::string(keys[i]);
    }
    warn(diags, config, option.span, message + " (the option is ignored)");
  }
}

}  // namespace

void check_settings(const config::Config& config, Diagnostics& diags) {
  std::vector<std::string_view> codes;
  for (const CodeInfo& info : all_codes()) codes.push_back(info.code);
  for (const auto& [code, setting] : config.codes) {
    if (find_code(code) == nullptr) {
      const std::string guess = suggestion(code, codes);
      warn(diags, config, setting.span,
           "unknown code '" + code + "' under checks" +
               (guess.empty() ? "; `rbc checks` lists the codes" : guess) + " (the setting is ignored)");
      continue;
    }
    check_options(code, setting, config, diags);
  }
}

void apply_stage_settings(Diagnostics& diags, const config::Config& config) {
  std::erase_if(diags.items(), [&](const Diagnostic& d) {
    if (checks::find_check(d.code) != nullptr) return false;  // the Reporter applied these
    auto it = config.codes.find(d.code);
    return it != config.codes.end() && it->second.enabled == false;
  });
  for (Diagnostic& d : diags.items()) {
    if (checks::find_check(d.code) != nullptr) continue;
    auto it = config.codes.find(d.code);
    if (it != config.codes.end() && it->second.severity) d.severity = *it->second.severity;
  }
}

}  // namespace rbc::suppress
