#include "model/link_files.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include "diag/suggest.hpp"
#include "model/url.hpp"

namespace rbc::model {
namespace fs = std::filesystem;
namespace {

std::string_view file_name(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view parent_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

std::vector<std::string> candidates(std::string_view path) {
  std::string base = absolute_normal(path);
  std::vector<std::string> out{base};
  const bool folder_like = path.ends_with('/') || file_name(base).find('.') == std::string_view::npos;
  if (folder_like) {
    for (const char* suffix : {".md", "/_index.md", "/README.md", "/index.md"}) out.push_back(base + suffix);
  }
  return out;
}

// The index key for `abs`, trying the key as written and made absolute
// (indexes built from relative paths work too).
const std::string* index_key(const std::string& abs, const RunbookIndex& index, bool ignore_case) {
  const auto exact = index.anchors_by_file.find(abs);
  if (exact != index.anchors_by_file.end()) return &exact->first;
  const std::string wanted = ignore_case ? url::ascii_lower(abs) : abs;
  if (ignore_case && !index.key_by_folded.empty()) {
    const auto folded = index.key_by_folded.find(wanted);
    if (folded != index.key_by_folded.end()) return &index.anchors_by_file.find(folded->second)->first;
  }
  for (const auto& entry : index.anchors_by_file) {
    if (!index.key_by_folded.empty() && entry.first.starts_with('/')) continue;  // folded map had them
    // Absolute keys were compared exactly above; only relative ones need work then.
    if (!ignore_case && entry.first.starts_with('/')) continue;
    const std::string key = absolute_normal(entry.first);
    if ((ignore_case ? url::ascii_lower(key) : key) == wanted) return &entry.first;
  }
  return nullptr;
}

// Walks `abs` one component at a time, matching each case-insensitively
// when the exact name is absent (the first match in name order wins).
std::optional<std::string> disk_path_ignoring_case(const std::string& abs) {
  fs::path walked = "/";
  std::error_code ec;
  for (const auto& part : fs::path(abs).relative_path()) {
    if (fs::exists(walked / part, ec)) {
      walked /= part;
      continue;
    }
    std::vector<std::string> matches;
    const std::string wanted = url::ascii_lower(part.string());
    for (fs::directory_iterator it(walked, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (url::ascii_lower(name) == wanted) matches.push_back(name);
    }
    if (matches.empty()) return std::nullopt;
    walked /= *std::min_element(matches.begin(), matches.end());
  }
  return walked.string();
}

bool exists_on_disk(const std::string& path) {
  std::error_code ec;
  return fs::exists(path, ec);
}

}  // namespace

std::string absolute_normal(std::string_view path) {
  if (path.starts_with('/')) return normalize_path(path);
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  return normalize_path(ec ? std::string(path) : (cwd / fs::path(path)).string());
}

std::optional<FoundFile> find_link_file(std::string_view path, const RunbookIndex& index) {
  const std::vector<std::string> tries = candidates(path);
  for (const auto& c : tries)
    if (const std::string* key = index_key(c, index, false)) return FoundFile{*key, false, true};
  for (const auto& c : tries)
    if (exists_on_disk(c)) return FoundFile{c, false, false};
  for (const auto& c : tries)
    if (const std::string* key = index_key(c, index, true)) return FoundFile{*key, true, true};
  for (const auto& c : tries) {
    if (auto found = disk_path_ignoring_case(c)) {
      const std::string key = normalize_path(*found);
      const std::string* indexed = index_key(key, index, false);
      return FoundFile{indexed ? *indexed : key, true, indexed != nullptr};
    }
  }
  return std::nullopt;
}

void index_case_folded(RunbookIndex& index) {
  for (const auto& entry : index.anchors_by_file)
    if (entry.first.starts_with('/')) index.key_by_folded.emplace(url::ascii_lower(entry.first), entry.first);
}

std::string closest_file(std::string_view path, const RunbookIndex& index) {
  const std::string abs = absolute_normal(path);
  // Names compare ignoring ASCII case: a wrong case is the commonest slip.
  std::string wanted = url::ascii_lower(file_name(abs));
  if (wanted.find('.') == std::string::npos) wanted += ".md";
  // A typo, not another alert's page: about one edit per six letters of the name.
  const std::size_t stem_length = wanted.rfind('.');
  const std::size_t max_distance = std::max<std::size_t>(2, stem_length / 6);
  std::vector<std::string> keys;  // absolute forms, parallel to the index
  std::vector<std::string> lower_names;
  std::vector<const std::string*> originals;
  for (const auto& entry : index.anchors_by_file) {
    keys.push_back(entry.first.starts_with('/') ? entry.first : absolute_normal(entry.first));
    lower_names.push_back(url::ascii_lower(file_name(keys.back())));
    originals.push_back(&entry.first);
  }
  // Same folder first, then anywhere.
  for (const bool same_folder : {true, false}) {
    std::vector<std::string_view> names;
    std::vector<std::size_t> owners;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (same_folder && parent_of(keys[i]) != parent_of(abs)) continue;
      names.push_back(lower_names[i]);
      owners.push_back(i);
    }
    const auto best = closest_match(wanted, names, max_distance);
    if (!best) continue;
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i].data() == best->data()) return *originals[owners[i]];
  }
  return {};
}

}  // namespace rbc::model
