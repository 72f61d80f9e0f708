#include "emit/paths.hpp"

#include <filesystem>

#include "model/bind.hpp"

namespace rbc::emit {
namespace {

namespace fs = std::filesystem;

bool escapes(const fs::path& p) { return p.empty() || *p.begin() == ".."; }

std::string strip_up(fs::path p) {
  fs::path out;
  bool leading = true;
  for (const fs::path& part : p) {
    if (leading && (part == ".." || part == ".")) continue;
    leading = false;
    out /= part;
  }
  return out.generic_string();
}

}  // namespace

std::string project_relative(const std::string& input_path, const config::Config& config) {
  const fs::path abs(model::absolute_path(input_path));
  if (!config.root.empty()) {
    const fs::path rel = abs.lexically_relative(config.root);
    if (!escapes(rel)) return rel.generic_string();
  }
  std::error_code ec;
  const fs::path rel = abs.lexically_relative(fs::current_path(ec));
  if (!ec && !escapes(rel)) return rel.generic_string();
  return strip_up(abs.relative_path());
}

std::string rules_output_path(const std::string& rule_file, const config::Config& config) {
  return "rules/" + project_relative(rule_file, config);
}

std::string site_page_path(const std::string& runbook_file, const config::Config& config) {
  fs::path rel(project_relative(runbook_file, config));
  rel.replace_extension(".html");
  return "site/" + rel.generic_string();
}

std::string relative_link(const std::string& from_output, const std::string& to_output) {
  const fs::path from_dir = fs::path(from_output).parent_path();
  std::string link =
      fs::path(to_output).lexically_relative(from_dir.empty() ? fs::path(".") : from_dir).generic_string();
  // A first segment with a colon would read as a URL scheme
  // (`javascript:x.html`): keep the link relative.
  const std::size_t colon = link.find(':');
  if (colon != std::string::npos && colon < link.find('/')) link = "./" + link;
  return link;
}

}  // namespace rbc::emit
