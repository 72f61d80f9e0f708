// Replacing a file's content without ever leaving it half written.
#pragma once

#include <optional>
#include <string>

namespace rbc::rewrite {

// Writes `content` to a temporary file in the same folder, copies the
// original's permission bits, and renames it over `path`. Returns the
// error text on failure (the original is then untouched).
std::optional<std::string> replace_file(const std::string& path, const std::string& content);

}  // namespace rbc::rewrite
