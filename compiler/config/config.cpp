// Defaults of rbc.yaml and the search for the file itself.
#include "config/config.hpp"

#include <filesystem>
#include <system_error>

namespace rbc::config {

std::vector<SeverityLevel> default_severities() {
  // P0/SEV0 are included because many teams number their worst level 0.
  return {
      {"critical", {"Critical", "crit", "P0", "P1", "SEV0", "SEV1", "page"}},
      {"warning", {"Warning", "warn", "P2", "P3", "High", "Medium", "SEV2", "SEV3"}},
      {"info", {"Info", "P4", "Low", "SEV4", "informational"}},
  };
}

Config default_config() {
  Config config;
  config.severities = default_severities();
  return config;
}

namespace {

bool path_exists(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::exists(path, ec);
}

bool is_file(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

// Shown to the user in diagnostics: relative to the working folder when the
// search started from a relative path, as people type them.
std::string display_path(const std::filesystem::path& found, bool relative) {
  if (!relative) return found.string();
  std::error_code ec;
  const std::filesystem::path cwd = std::filesystem::current_path(ec);
  if (ec) return found.string();
  const std::filesystem::path rel = found.lexically_relative(cwd);
  return rel.empty() ? found.string() : rel.string();
}

}  // namespace

std::optional<std::string> find_config(const std::string& start_dir) {
  const std::filesystem::path start = start_dir.empty() ? "." : start_dir;
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::absolute(start, ec).lexically_normal();
  if (ec) return std::nullopt;
  if (dir.has_filename() && is_file(dir)) dir = dir.parent_path();
  if (!dir.has_filename() && dir != dir.root_path()) dir = dir.parent_path();  // "a/b/" -> "a/b"
  for (;;) {
    const std::filesystem::path candidate = dir / kConfigFileName;
    if (is_file(candidate)) return display_path(candidate, start.is_relative());
    // The repository's top folder is the last one that can hold the
    // project's rbc.yaml; above it lies someone else's project.
    if (path_exists(dir / ".git")) return std::nullopt;
    const std::filesystem::path parent = dir.parent_path();
    if (parent == dir || parent.empty()) return std::nullopt;
    dir = parent;
  }
}

}  // namespace rbc::config
