#include "model/local_file.hpp"

#include <filesystem>
#include <system_error>

#include "model/link_files.hpp"
#include "model/url.hpp"

namespace rbc::model {
namespace {

namespace fs = std::filesystem;

bool leaves(const fs::path& relative) { return relative.empty() || *relative.begin() == ".."; }

// The path with every symlink on it followed (as far as it exists).
fs::path real_path(const fs::path& path) {
  std::error_code ec;
  const fs::path real = fs::weakly_canonical(path, ec);
  return ec ? path : real;
}

}  // namespace

LocalTarget local_target(std::string_view link, std::string_view runbook_path, const config::Config& config) {
  LocalTarget out;
  if (link.empty() || link.front() == '#' || url::is_absolute_url(link) || url::is_other_scheme(link)) return out;
  const std::string path = url::percent_decode(url::split_reference(link).base);
  if (path.empty()) return out;
  out.root = absolute_normal(config.root.empty() ? std::string(".") : config.root);
  const fs::path from = path.front() == '/' ? fs::path(out.root) / path.substr(1)
                                            : fs::path(absolute_normal(runbook_path)).parent_path() / path;
  out.absolute = absolute_normal(from.string());
  const fs::path relative = fs::path(out.absolute).lexically_relative(out.root);
  const bool written_inside = out.absolute == out.root || !leaves(relative);
  const bool really_inside =
      written_inside && !leaves(real_path(out.absolute).lexically_relative(real_path(out.root)));
  out.place = really_inside ? LocalPlace::inside : LocalPlace::outside;
  if (really_inside) out.relative = out.absolute == out.root ? std::string() : relative.generic_string();
  return out;
}

}  // namespace rbc::model
