// The `limits:` section of rbc.yaml: how large one input file may be and
// how many files one run reads, so a stray data file or a huge checkout
// becomes a diagnostic instead of gigabytes of memory.
#include <array>
#include <charconv>

#include "config/load_sections.hpp"

namespace rbc::config::detail {
namespace {

constexpr std::array<std::string_view, 2> kLimitKeys{"max_file_size_mb", "max_files"};

// A positive whole number no larger than `max`.
void read_count(Reader& in, yaml::NodeId value, std::string_view key, std::size_t max, std::size_t& out) {
  const std::string what = "'limits." + std::string(key) + "'";
  const yaml::NodeId resolved = in.tree().resolve(value);
  if (in.is_mapping(resolved) || in.is_sequence(resolved) || in.is_null(resolved)) {
    in.type_error(value, what, "a whole number");
    return;
  }
  const std::string_view text = in.tree().value(resolved);
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n == 0 || n > max) {
    in.error(value, what + " must be a whole number from 1 to " + std::to_string(max) + ", not '" +
                        std::string(text) + "'");
    return;
  }
  out = n;
}

}  // namespace

void read_limits(Reader& in, yaml::NodeId value, Limits& limits) {
  if (in.is_null(value)) return;
  if (!in.is_mapping(value)) {
    in.type_error(value, "'limits'", "a mapping (max_file_size_mb, max_files)");
    return;
  }
  for (const yaml::KeyValue& kv : in.pairs(value, "'limits'")) {
    const std::string_view name = in.key_text(kv.key);
    if (name == "max_file_size_mb") {
      std::size_t mb = limits.max_file_bytes >> 20;
      read_count(in, kv.value, name, std::size_t{1} << 20, mb);
      limits.max_file_bytes = mb << 20;
    } else if (name == "max_files") {
      read_count(in, kv.value, name, std::size_t{1} << 32, limits.max_files);
    } else {
      in.unknown_key(kv.key, kLimitKeys, "limits");
    }
  }
}

}  // namespace rbc::config::detail
