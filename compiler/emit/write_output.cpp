#include "emit/write_output.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "model/bind.hpp"

namespace rbc::emit {
namespace {

namespace fs = std::filesystem;

constexpr const char* kManifestHeader = "# rbc build output: files rbc wrote here (it replaces only these)\n";

// The files the manifest of an existing output folder lists, or nothing
// when it has no manifest.
std::optional<std::set<std::string>> read_manifest(const fs::path& dir) {
  std::ifstream in(dir / kManifestName);
  if (!in) return std::nullopt;
  std::set<std::string> files;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line.front() != '#') files.insert(line);
  return files;
}

// Files under `dir` that its manifest does not list: someone else's.
std::vector<std::string> foreign_files(const fs::path& dir, const std::set<std::string>& listed) {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    // A symlink is never rbc's (it writes plain files), even one to a folder.
    if (!it->is_symlink(ec) && it->is_directory(ec)) continue;
    const std::string rel = it->path().lexically_relative(dir).generic_string();
    if (rel != kManifestName && !listed.count(rel)) out.push_back(rel);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool is_inside(const std::string& path, const std::string& folder) {
  const fs::path rel = fs::path(path).lexically_relative(folder);
  return !rel.empty() && *rel.begin() != "..";
}

// Refuses an output folder that is, or contains, what the build reads.
std::string check_location(const std::string& out_abs, const std::vector<std::string>& inputs) {
  for (const std::string& input : inputs) {
    const std::string in_abs = model::absolute_path(input);
    if (in_abs == out_abs || is_inside(in_abs, out_abs))
      return "refusing to write into '" + out_abs + "': it contains the input '" + input +
             "'; choose an --out folder outside the sources";
  }
  return {};
}

std::string manifest_text(const std::vector<OutputFile>& files, bool forced) {
  std::vector<std::string> paths;
  for (const OutputFile& f : files) paths.push_back(f.path);
  std::sort(paths.begin(), paths.end());
  std::string text = kManifestHeader;
  if (forced) text += "# FORCED: built with --force although rbc check reported errors\n";
  for (const std::string& p : paths) text += p + "\n";
  return text;
}

// Writes one file; "" when it worked, else the system's reason ("No space
// left on device", "File too large").
std::string write_file(const fs::path& path, const std::string& content) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return ec.message();
  errno = 0;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (out) return "";
  return errno != 0 ? std::strerror(errno) : "write failed";
}

// A relative output path that stays inside the folder ("a/../../x" is not).
bool safe_relative(const std::string& path) {
  const fs::path p(path);
  if (p.empty() || p.is_absolute()) return false;
  for (const fs::path& part : p)
    if (part == "..") return false;
  return true;
}

// Staging folders (`.OUT.new.PID`, `.OUT.old.PID`) of builds that were
// killed: their process is gone. Names of running builds are left alone.
void remove_stale_staging(const fs::path& out) {
  const std::string stem = "." + out.filename().string() + ".";
  std::error_code ec;
  for (auto it = fs::directory_iterator(out.parent_path(), ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(stem)) continue;
    std::string_view rest = std::string_view(name).substr(stem.size());
    if (!rest.starts_with("new.") && !rest.starts_with("old.")) continue;
    rest.remove_prefix(4);
    if (rest.empty() || rest.find_first_not_of("0123456789") != std::string_view::npos || rest.size() > 9) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(std::string(rest)));
    if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
    std::error_code rm;
    fs::remove_all(it->path(), rm);
  }
}

// Puts `staging` in place of `out`. With an old output, the two folders are
// swapped in one step (renameat2 RENAME_EXCHANGE), so whenever rbc is
// killed `out` holds a complete output; the old one is then removed.
std::string swap_into_place(const fs::path& staging, const fs::path& out, bool exists, const std::string& suffix) {
  std::error_code ec;
  if (!exists) {
    fs::rename(staging, out, ec);
    return ec ? "cannot move the new output into place: " + ec.message() : "";
  }
  if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) == 0) {
    fs::remove_all(staging, ec);  // now the previous output
    return "";
  }
  if (errno != EINVAL && errno != ENOSYS) return std::string("cannot swap in the new output: ") + std::strerror(errno);
  // File systems without the exchange: the old folder moves aside first.
  const fs::path old = out.parent_path() / ("." + out.filename().string() + ".old" + suffix);
  fs::rename(out, old, ec);
  if (ec) return "cannot move the previous output aside: " + ec.message();
  fs::rename(staging, out, ec);
  if (ec) {
    fs::rename(old, out, ec);
    return "cannot move the new output into place";
  }
  fs::remove_all(old, ec);
  return "";
}

}  // namespace

WriteResult write_output(const std::string& out_dir, const std::vector<OutputFile>& files,
                         const std::vector<std::string>& inputs, bool forced) {
  const std::string out_abs = model::absolute_path(out_dir);
  if (std::string why = check_location(out_abs, inputs); !why.empty()) return {false, why};
  const fs::path out(out_abs);
  std::error_code ec;
  const bool exists = fs::exists(fs::symlink_status(out, ec));
  if (exists) {
    if (fs::is_symlink(fs::symlink_status(out, ec)) || !fs::is_directory(out, ec))
      return {false, "'" + out_dir + "' exists and is not a folder rbc made; choose another --out"};
    const auto listed = read_manifest(out);
    if (!listed && !fs::is_empty(out, ec))
      return {false, "'" + out_dir + "' is not empty and has no rbc manifest (" + kManifestName +
                         "): rbc will not overwrite files it did not write; choose another --out or empty it"};
    if (listed) {
      const std::vector<std::string> foreign = foreign_files(out, *listed);
      if (!foreign.empty())
        return {false, "'" + out_dir + "' holds files rbc did not write (" + foreign.front() +
                           (foreign.size() > 1 ? " and " + std::to_string(foreign.size() - 1) + " more" : "") +
                           "); move them away, rbc replaces the whole folder"};
    }
  }
  const std::string suffix = "." + std::to_string(::getpid());
  const fs::path staging = out.parent_path() / ("." + out.filename().string() + ".new" + suffix);
  remove_stale_staging(out);
  fs::remove_all(staging, ec);
  fs::create_directories(staging, ec);
  if (ec) return {false, "cannot create '" + staging.string() + "': " + ec.message()};
  for (const OutputFile& f : files) {
    const std::string why = safe_relative(f.path) ? write_file(staging / f.path, f.content) : "unsafe path";
    if (!why.empty()) {
      fs::remove_all(staging, ec);
      return {false, "cannot write '" + f.path + "' into the output folder: " + why +
                         "; the previous output is unchanged"};
    }
  }
  if (const std::string why = write_file(staging / kManifestName, manifest_text(files, forced)); !why.empty()) {
    fs::remove_all(staging, ec);
    return {false, "cannot write the manifest: " + why + "; the previous output is unchanged"};
  }
  if (std::string why = swap_into_place(staging, out, exists, suffix); !why.empty()) {
    fs::remove_all(staging, ec);
    return {false, why};
  }
  return {true, {}};
}

}  // namespace rbc::emit
