// Fingerprints of findings: what a finding *is*, not where it currently is.
#include "report/fingerprint.hpp"

#include <cctype>
#include <cstdint>
#include <map>

namespace rbc::report {
namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Length of the run of digits starting at `i`.
std::size_t digits_at(std::string_view text, std::size_t i) {
  std::size_t n = 0;
  while (i + n < text.size() && is_digit(text[i + n])) ++n;
  return n;
}

// Messages sometimes point at other places ("first at line 12",
// "defined at a.yml:3:7"); those numbers move with the file, so they are
// replaced by "#". Other numbers (thresholds, durations) are kept.
std::string mask_positions(std::string_view message) {
  std::string out;
  std::size_t i = 0;
  while (i < message.size()) {
    if (message.substr(i, 5) == "line " && digits_at(message, i + 5) > 0) {
      out += "line #";
      i += 5 + digits_at(message, i + 5);
      continue;
    }
    // ":12:7" (a file position).
    if (message[i] == ':' && digits_at(message, i + 1) > 0) {
      const std::size_t line = digits_at(message, i + 1);
      const std::size_t after = i + 1 + line;
      if (after < message.size() && message[after] == ':' && digits_at(message, after + 1) > 0) {
        out += ":#:#";
        i = after + 1 + digits_at(message, after + 1);
        continue;
      }
    }
    out.push_back(message[i]);
    ++i;
  }
  return out;
}

std::string_view without_dot_slash(std::string_view path) {
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  return path;
}

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace

std::string fingerprint_key(const Diagnostic& d) {
  // Fields are joined with a byte that cannot occur in any of them, so
  // ("a", "bc") and ("ab", "c") differ.
  std::string key = d.code;
  for (std::string_view part : {without_dot_slash(d.file), std::string_view(d.group),
                                std::string_view(d.rule)}) {
    key.push_back('\0');
    key += part;
  }
  key.push_back('\0');
  key += mask_positions(d.message);
  return key;
}

std::string fingerprint(const Diagnostic& d) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t hash = fnv1a(fingerprint_key(d));
  std::string out(16, '0');
  for (std::size_t i = 16; i-- > 0; hash >>= 4) out[i] = kHex[hash & 0xF];
  return out;
}

std::vector<std::string> fingerprints(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  out.reserve(diagnostics.items().size());
  std::map<std::string, int> seen;
  for (const Diagnostic& d : diagnostics.items()) {
    const std::string base = fingerprint(d);
    out.push_back(base + ":" + std::to_string(++seen[base]));
  }
  return out;
}

}  // namespace rbc::report
