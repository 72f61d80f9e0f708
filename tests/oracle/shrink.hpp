// Shrinks a failing expression to a short one that still fails, so a
// disagreement with promtool can be read at a glance (delta debugging on
// bytes, candidates judged in batches: one promtool run per round).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace rbc::oracle {

// interesting(candidates)[i] tells whether candidates[i] still shows the failure.
using BatchPredicate = std::function<std::vector<bool>(const std::vector<std::string>&)>;

// Returns the smallest variant of `expr` found within `max_rounds` batches;
// never returns an empty or whitespace-only string, always valid UTF-8.
std::string shrink(const std::string& expr, const BatchPredicate& interesting, std::size_t max_rounds = 30);

}  // namespace rbc::oracle
