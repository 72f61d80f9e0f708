#include "emit/alertmanager_yaml.hpp"

#include "emit/rules_text.hpp"

#include <fmt/format.h>

namespace rbc::emit::am {
namespace {

// Inside an Alertmanager matcher's double-quoted value.
std::string matcher_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

// RE2 syntax: every metacharacter escaped, so values match literally.
std::string regex_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\.+*?()|[]{}^$").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

// The same double-quoted YAML scalar the rule emitter writes.
std::string quote(std::string_view text) { return double_quoted(text); }

std::string duration(std::int64_t ms) {
  struct Unit {
    std::int64_t ms;
    const char* suffix;
  };
  static constexpr Unit kUnits[] = {{3600000, "h"}, {60000, "m"}, {1000, "s"}, {1, "ms"}};
  if (ms <= 0) return "0s";
  std::string out;
  for (const Unit& unit : kUnits) {
    if (ms >= unit.ms) {
      out += std::to_string(ms / unit.ms) + unit.suffix;
      ms %= unit.ms;
    }
  }
  return out;
}

std::string matcher(std::string_view name, const std::vector<std::string>& values, bool negate) {
  if (values.size() == 1) {
    return fmt::format("{}{}\"{}\"", name, negate ? "!=" : "=", matcher_escape(values[0]));
  }
  std::string alternatives;
  for (const std::string& value : values) alternatives += (alternatives.empty() ? "" : "|") + regex_escape(value);
  return fmt::format("{}{}\"{}\"", name, negate ? "!~" : "=~", matcher_escape(alternatives));
}

std::string comment_text(std::string_view text) {
  constexpr std::size_t kMax = 100;
  std::string out;
  for (char c : text) {
    const bool blank = c == '\n' || c == '\r' || c == '\t';
    if (blank && (out.empty() || out.back() == ' ')) continue;
    out += blank ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() > kMax) {
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    out = out.substr(0, cut) + "...";
  }
  return out;
}

}  // namespace rbc::emit::am
