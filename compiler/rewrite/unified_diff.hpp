// A unified diff (as `diff -u` prints it) between two versions of a file.
#pragma once

#include <string>
#include <string_view>

namespace rbc::rewrite {

// Empty when the texts are equal. `path` names both sides
// (`--- a/path`, `+++ b/path`); three lines of context.
std::string unified_diff(std::string_view before, std::string_view after, const std::string& path);

}  // namespace rbc::rewrite
