// Which lines a directive covers: its rule (YAML) or section (Markdown),
// or the whole file.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/source.hpp"
#include "suppress/directive.hpp"

namespace rbc::suppress {

// Lines [first, last], 1-based and inclusive.
struct Lines {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  bool contains(std::uint32_t line) const { return first <= line && line <= last; }
};

struct Scoped {
  Directive directive;
  std::optional<Lines> lines;  // nullopt: the whole file
};

// `units` are the file's rules (YAML) or alert sections (Markdown), in any
// order. A `disable`/`snooze` on a line of its own covers the unit whose
// first line follows it with only blank and comment lines between ("above
// a rule"); otherwise, and for one at the end of a content line, the unit
// whose lines hold it ("inside a rule"). One that covers nothing is
// reported (rbc/directive) and dropped.
std::vector<Scoped> scope_directives(std::vector<Directive> directives, const SourceFile& source, Syntax syntax,
                                     std::span<const Lines> units, Diagnostics& problems);

}  // namespace rbc::suppress
