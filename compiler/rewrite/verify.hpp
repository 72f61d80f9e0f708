// The check behind every rewrite: the new file loads to the same rules.
#pragma once

#include <string>

#include "rewrite/ast_compare.hpp"
#include "rules/model.hpp"

namespace rbc::rewrite {

// Empty when `after` holds the same rule sets, groups and rules as
// `before` (names, durations, labels, annotations, and expressions that
// parse to equal trees, matchers compared with `accept`), else the first
// difference.
std::string loaded_difference(const rules::LoadedFile& before, const rules::LoadedFile& after,
                              const MatcherAccept& accept);

}  // namespace rbc::rewrite
