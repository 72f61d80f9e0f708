// Finding the file a link points to: among the runbooks rbc read (the
// index) first, then on disk; exactly first, then ignoring case (which works
// on a case-insensitive web server or macOS but not on GitHub or Linux).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/link_resolve.hpp"

namespace rbc::model {

struct FoundFile {
  std::string file;           // the index key, or the normalised absolute path on disk
  bool case_insensitive = false;
  bool indexed = false;       // a runbook rbc read (its anchors are known)
};

// `path` is absolute or relative to the working directory. A path without
// an extension (or ending in '/') also tries PATH.md, PATH/_index.md (Hugo
// sites), PATH/README.md and PATH/index.md; an existing folder counts too.
std::optional<FoundFile> find_link_file(std::string_view path, const RunbookIndex& index);

// The indexed file whose name is closest to the one `path` asks for,
// preferring files in the same folder ("" when none is close).
std::string closest_file(std::string_view path, const RunbookIndex& index);

// "/a/b/../c" with the working directory applied to relative paths.
std::string absolute_normal(std::string_view path);

}  // namespace rbc::model
