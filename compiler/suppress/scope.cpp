#include "suppress/scope.hpp"

#include <algorithm>

#include "suppress/comments.hpp"

namespace rbc::suppress {
namespace {

// The unit starting on the first line after `line` that is not blank or a
// comment.
const Lines* unit_below(std::uint32_t line, const SourceFile& source, Syntax syntax, std::span<const Lines> units) {
  std::uint32_t next = line + 1;
  while (next <= source.line_count() && is_comment_or_blank(source.line_text(next), syntax)) ++next;
  if (next > source.line_count()) return nullptr;
  auto it = std::find_if(units.begin(), units.end(), [&](const Lines& u) { return u.first == next; });
  return it == units.end() ? nullptr : &*it;
}

// The innermost unit holding `line` (the shortest, should units nest).
const Lines* unit_around(std::uint32_t line, std::span<const Lines> units) {
  const Lines* best = nullptr;
  for (const Lines& u : units) {
    if (!u.contains(line)) continue;
    if (best == nullptr || u.last - u.first < best->last - best->first) best = &u;
  }
  return best;
}

}  // namespace

std::vector<Scoped> scope_directives(std::vector<Directive> directives, const SourceFile& source, Syntax syntax,
                                     std::span<const Lines> units, Diagnostics& problems) {
  std::vector<Scoped> out;
  for (Directive& directive : directives) {
    if (directive.kind == Kind::disable_file) {
      out.push_back({std::move(directive), std::nullopt});
      continue;
    }
    // A comment at the end of a content line belongs to that line's unit;
    // one on a line of its own looks down first.
    const std::uint32_t line = directive.span.begin.line;
    const bool own_line = is_comment_or_blank(source.line_text(line), syntax);
    const Lines* unit = own_line ? unit_below(line, source, syntax, units) : nullptr;
    if (unit == nullptr) unit = unit_around(line, units);
    if (unit == nullptr) {
      const char* what = syntax == Syntax::yaml ? "a rule" : "an alert section";
      report_problem(problems, directive.file, directive.span,
                     std::string("this directive is neither inside nor directly above ") + what +
                         ", so it silences nothing; `rbc disable-file` covers the whole file");
      continue;
    }
    out.push_back({std::move(directive), *unit});
  }
  return out;
}

}  // namespace rbc::suppress
