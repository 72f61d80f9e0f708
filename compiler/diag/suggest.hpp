// "Did you mean …?" for names the user probably mistyped.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace rbc {

// Levenshtein distance (insertions, deletions, substitutions of bytes).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if one is within `max_distance` edits
// (ties: the first in `candidates`).
std::optional<std::string_view> closest_match(std::string_view word,
                                              std::span<const std::string_view> candidates,
                                              std::size_t max_distance = 2);

}  // namespace rbc
