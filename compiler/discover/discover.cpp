#include "discover/discover.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <string_view>
#include <system_error>

namespace rbc::discover {
namespace fs = std::filesystem;
namespace {

bool has_extension(const fs::path& path, std::initializer_list<std::string_view> extensions) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
}

void add_io(Diagnostics& diagnostics, const std::string& path, std::string message, Severity severity) {
  diagnostics.add({.code = "io/read",
                   .severity = severity,
                   .file = path,
                   .span = {},
                   .message = std::move(message),
                   .group = {},
                   .rule = {},
                   .notes = {}});
}

void report_io(Diagnostics& diagnostics, const std::string& path, const std::string& why) {
  add_io(diagnostics, path, "cannot read " + path + ": " + why, Severity::error);
}

// Path as the user will recognise it: "dir/sub/file.yml" without "./".
std::string display_path(const fs::path& path) {
  std::string text = path.lexically_normal().generic_string();
  if (text.rfind("./", 0) == 0) text.erase(0, 2);
  return text;
}

// Directory symlinks are never followed (rbc reads each file once); one
// pointing back to a folder above it is a loop, which the user hears of.
void report_symlink_loop(const fs::path& link, Diagnostics& diagnostics) {
  std::error_code ec;
  const fs::path target = fs::canonical(link, ec);
  const fs::path folder = fs::canonical(link.parent_path().empty() ? fs::path(".") : link.parent_path(), ec);
  if (ec) return;
  const fs::path rel = folder.lexically_relative(target);
  if (rel.empty() || *rel.begin() == "..") return;  // not an ancestor: an ordinary link, skipped
  const std::string path = display_path(link);
  add_io(diagnostics, path,
         "symlink loop: " + path + " points back to " + target.string() +
             "; not followed (rbc never follows directory symlinks)",
         Severity::warning);
}

// rbc build marks every folder it writes, whatever --out named it, so a
// later run never reads its own output back in.
bool is_rbc_output(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / kOutputMarker, ec);
}

void walk(const fs::path& root, Files& files, Diagnostics& diagnostics) {
  std::error_code ec;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(it->path());
  }
  if (ec) {
    report_io(diagnostics, display_path(root), ec.message());
    return;
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& entry : entries) {
    std::error_code status_ec;
    const fs::file_status link = fs::symlink_status(entry, status_ec);
    if (fs::is_directory(link)) {
      if (!is_skipped_directory(entry.filename().string()) && !is_rbc_output(entry)) {
        walk(entry, files, diagnostics);
      }
      continue;
    }
    if (fs::is_symlink(link) && fs::is_directory(fs::status(entry, status_ec))) {
      report_symlink_loop(entry, diagnostics);
      continue;
    }
    if (fs::is_symlink(link) && status_ec == std::errc::too_many_symbolic_link_levels) {
      report_io(diagnostics, display_path(entry), "symlink loop (it points back to itself); remove or fix the link");
      continue;
    }
    if (has_extension(entry, {".yml", ".yaml"})) {
      files.yaml.push_back({display_path(entry), Origin::found});
    } else if (has_extension(entry, {".md", ".markdown"})) {
      files.markdown.push_back({display_path(entry), Origin::found});
    }
  }
}

}  // namespace

bool is_skipped_directory(const std::string& name) {
  static constexpr std::array kSkipped{".git", "node_modules", "rbc-out"};
  return std::find(kSkipped.begin(), kSkipped.end(), name) != kSkipped.end();
}

Files collect(const std::vector<std::string>& paths, Diagnostics& diagnostics) {
  Files files;
  for (const std::string& path : paths) {
    if (path == "-") {
      files.read_stdin = true;
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      report_io(diagnostics, path, ec ? ec.message() : "no such file or directory");
    } else if (fs::is_directory(status)) {
      walk(path, files, diagnostics);
    } else if (has_extension(path, {".md", ".markdown", ".txt"})) {
      files.markdown.push_back({path, Origin::named});
    } else {
      files.yaml.push_back({path, Origin::named});  // read as Markdown unless it holds rules
    }
  }
  return files;
}

}  // namespace rbc::discover
