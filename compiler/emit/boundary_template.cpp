#include "emit/boundary_template.hpp"

#include <charconv>
#include <cmath>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <vector>

namespace rbc::emit::boundary {

namespace {

std::string printf_g4(double v, const char* suffix) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4g%s", v, suffix);
  return buf;
}

std::string special(double v) {
  if (std::isnan(v)) return "NaN";
  return v > 0 ? "+Inf" : "-Inf";
}

// Prometheus's humanize: SI prefixes, four significant digits.
std::string humanize(double v) {
  if (v == 0 || !std::isfinite(v)) return std::isfinite(v) ? printf_g4(v, "") : special(v);
  static const char* const big[] = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
  static const char* const small[] = {"m", "u", "n", "p", "f", "a", "z", "y"};
  const char* prefix = "";
  if (std::fabs(v) >= 1) {
    for (const char* p : big) {
      if (std::fabs(v) < 1000) break;
      prefix = p;
      v /= 1000;
    }
  } else {
    for (const char* p : small) {
      if (std::fabs(v) >= 1) break;
      prefix = p;
      v *= 1000;
    }
  }
  return printf_g4(v, prefix);
}

std::string humanize1024(double v) {
  if (!std::isfinite(v)) return special(v);
  if (std::fabs(v) <= 1) return printf_g4(v, "");
  static const char* const prefixes[] = {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"};
  const char* prefix = "";
  for (const char* p : prefixes) {
    if (std::fabs(v) < 1024) break;
    prefix = p;
    v /= 1024;
  }
  return printf_g4(v, prefix);
}

std::string humanize_duration(double v) {
  if (!std::isfinite(v)) return special(v);
  if (v == 0) return "0s";
  if (std::fabs(v) >= 1) {
    const char* sign = v < 0 ? "-" : "";
    v = std::fabs(v);
    const auto d = static_cast<std::int64_t>(v);
    const long long s = d % 60, m = (d / 60) % 60, h = (d / 3600) % 24, days = d / 86400;
    char buf[96];
    if (days != 0) std::snprintf(buf, sizeof buf, "%s%lldd %lldh %lldm %llds", sign, days, h, m, s);
    else if (h != 0) std::snprintf(buf, sizeof buf, "%s%lldh %lldm %llds", sign, h, m, s);
    else if (m != 0) std::snprintf(buf, sizeof buf, "%s%lldm %llds", sign, m, s);
    else return std::string(sign) + printf_g4(v, "s");
    return buf;
  }
  static const char* const small[] = {"m", "u", "n", "p", "f", "a", "z", "y"};
  std::string prefix;
  for (const char* p : small) {
    if (std::fabs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return printf_g4(v, (prefix + "s").c_str());
}

// A printf format with one %f/%g/%e verb (optionally with a precision)
// and %% escapes; nothing else, since Go and C differ elsewhere.
std::optional<std::string> go_printf(const std::string& format, double v) {
  std::string out;
  bool used = false;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') {
      out += format[i];
      continue;
    }
    std::size_t j = i + 1;
    if (j < format.size() && format[j] == '%') {
      out += '%';
      i = j;
      continue;
    }
    std::string spec = "%";
    if (j < format.size() && format[j] == '.') {
      spec += format[j++];
      while (j < format.size() && std::isdigit(static_cast<unsigned char>(format[j]))) spec += format[j++];
    }
    if (used || j >= format.size() || (format[j] != 'f' && format[j] != 'g' && format[j] != 'e')) return std::nullopt;
    if (!std::isfinite(v)) return std::nullopt;
    spec += format[j];
    char buf[512];
    std::snprintf(buf, sizeof buf, spec.c_str(), v);
    out += buf;
    used = true;
    i = j;
  }
  if (!used) return std::nullopt;
  return out;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
      ++i;
      continue;
    }
    std::size_t j = i;
    if (s[i] == '"') {
      j = s.find('"', i + 1);
      if (j == std::string_view::npos) return {};
      ++j;
    } else {
      while (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != '\n') ++j;
    }
    out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool plain_string(const std::string& word) {
  return word.size() >= 2 && word.front() == '"' && word.back() == '"' && word.find('\\') == std::string::npos;
}

// One {{ ... }} action of the supported shapes.
std::optional<std::string> action(std::string_view body, const Labels& labels, double value) {
  const auto w = split_words(body);
  if (w.size() == 1 && w[0].rfind("$labels.", 0) == 0) {
    auto it = labels.find(w[0].substr(8));
    return it == labels.end() ? std::string() : it->second;  // a missing key of a map[string]string is ""
  }
  if (w.size() == 1 && w[0] == "$value") return go_float(value);
  if (w.size() == 3 && w[0] == "printf" && plain_string(w[1]) && w[2] == "$value")
    return go_printf(w[1].substr(1, w[1].size() - 2), value);
  if (w.size() >= 3 && w[0] == "$value" && w[1] == "|") {
    if (w.size() == 4 && w[2] == "printf" && plain_string(w[3]))
      return go_printf(w[3].substr(1, w[3].size() - 2), value);
    if (w.size() != 3) return std::nullopt;
    if (w[2] == "humanize") return humanize(value);
    if (w[2] == "humanize1024") return humanize1024(value);
    if (w[2] == "humanizePercentage" && std::isfinite(value)) return printf_g4(value * 100, "%");
    if (w[2] == "humanizeDuration") return humanize_duration(value);
  }
  if (w.size() == 2 && w[1] == "$value") {
    if (w[0] == "humanize") return humanize(value);
    if (w[0] == "humanize1024") return humanize1024(value);
    if (w[0] == "humanizeDuration") return humanize_duration(value);
  }
  return std::nullopt;
}

}  // namespace

std::string go_float(double v) {
  if (!std::isfinite(v)) return special(v);
  char sci[64];
  auto r = std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific);
  const std::string s(sci, r.ptr);
  const int exp = std::atoi(s.c_str() + s.find('e') + 1);
  // Go's shortest %g: exponent form below 1e-4 and from 1e6 (its default
  // precision of 6 decides when the precision is "shortest").
  if (exp < -4 || exp >= 6) return s;
  char fixed[400];
  r = std::to_chars(fixed, fixed + sizeof fixed, v, std::chars_format::fixed);
  return std::string(fixed, r.ptr);
}

Expansion expand_template(std::string_view text, const Labels& labels, double value) {
  Expansion out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto open = text.find("{{", pos);
    if (open == std::string_view::npos) {
      out.text += text.substr(pos);
      break;
    }
    out.text += text.substr(pos, open - pos);
    const auto close = text.find("}}", open + 2);
    if (close == std::string_view::npos) return {false, {}, "an unterminated action"};
    const std::string_view body = text.substr(open + 2, close - open - 2);
    if (!body.empty() && (body.front() == '-' || body.back() == '-'))
      return {false, {}, "the action {{" + std::string(body) + "}}"};
    auto expanded = action(body, labels, value);
    if (!expanded) return {false, {}, "the action {{" + std::string(body) + "}}"};
    out.text += *expanded;
    pos = close + 2;
  }
  return out;
}

}  // namespace rbc::emit::boundary
