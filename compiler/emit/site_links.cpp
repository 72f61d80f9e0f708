#include "emit/site_links.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "emit/paths.hpp"
#include "model/bind.hpp"
#include "model/local_file.hpp"
#include "model/url.hpp"

namespace rbc::emit::site {
namespace {

namespace fs = std::filesystem;

// What the project itself may hold that is not for publishing, even when a
// runbook links to it: rbc.yaml (it may hold inline secrets) and git's data.
bool never_published(const model::LocalTarget& target, const model::Project& project) {
  if (!project.config.path.empty() && target.absolute == model::absolute_path(project.config.path)) return true;
  return target.relative == ".git" || target.relative.starts_with(".git/");
}

// Files the site serves as they are: passive formats only. HTML, SVG, XML
// and the like can run script on the site's origin when opened, and a
// runbook is untrusted, so they are not copied (the link stays as written).
bool passive_format(const std::string& relative) {
  static const std::set<std::string, std::less<>> kPassive{
      ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".ico", ".pdf", ".txt", ".log", ".csv",
      ".json", ".yaml", ".yml", ".sh", ".py", ".sql", ".conf", ".ini", ".toml", ".promql"};
  return kPassive.count(model::url::ascii_lower(fs::path(relative).extension().string())) > 0;
}

std::string with_fragment(std::string link, std::string_view url) {
  const std::string_view fragment = model::url::split_reference(url).fragment;
  if (!fragment.empty()) link += "#" + std::string(fragment);
  return link;
}

}  // namespace

LocalLinks::LocalLinks(const model::Project& project, const std::vector<std::string>& pages) : project_(project) {
  for (std::size_t i = 0; i < project.runbooks.size() && i < pages.size(); ++i) {
    page_by_runbook_.emplace(model::absolute_path(project.runbooks[i].path), pages[i]);
  }
}

std::string LocalLinks::rewrite(std::string_view url, const std::string& runbook_path, const std::string& page) {
  const model::LocalTarget target = model::local_target(url, runbook_path, project_.config);
  switch (target.place) {
    case model::LocalPlace::not_a_file: return std::string(url);
    case model::LocalPlace::outside: return "";
    case model::LocalPlace::inside: break;
  }
  if (never_published(target, project_)) return "";
  if (const auto other = page_by_runbook_.find(target.absolute); other != page_by_runbook_.end()) {
    return with_fragment(relative_link(page, other->second), url);
  }
  std::error_code ec;
  if (target.relative.empty() || !passive_format(target.relative) || !fs::is_regular_file(target.absolute, ec)) {
    return std::string(url);
  }
  files_.insert(target.relative);
  return with_fragment(relative_link(page, "site/" + target.relative), url);
}

std::vector<OutputFile> LocalLinks::copies(const std::set<std::string>& taken) const {
  std::vector<OutputFile> out;
  const fs::path root(model::absolute_path(project_.config.root.empty() ? "." : project_.config.root));
  for (const std::string& relative : files_) {
    const std::string path = "site/" + relative;
    if (taken.count(path)) continue;
    std::error_code ec;
    const fs::path file = root / relative;
    const auto size = fs::file_size(file, ec);
    if (ec || size > project_.config.limits.max_file_bytes) continue;
    std::ifstream in(file, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.bad()) out.push_back({path, std::move(content)});
  }
  return out;
}

}  // namespace rbc::emit::site
