#include <algorithm>

#include "suppress/comments.hpp"
#include "suppress/suppress.hpp"

namespace rbc::suppress {
namespace {

Lines lines_of(const Span& span) {
  return {span.begin.line, std::max(span.begin.line, span.end.line)};
}

// A rule's lines run on over the blank and comment lines after it: an
// "unexpected end of input" in its block-scalar expression is reported
// where the file ends.
Lines with_trailing_lines(Lines lines, const SourceFile& source) {
  while (lines.last < source.line_count() && is_comment_or_blank(source.line_text(lines.last + 1), Syntax::yaml))
    ++lines.last;
  if (lines.last >= source.line_count()) lines.last = source.line_count() + 1;
  return lines;
}

// The file's rules (YAML) or alert sections (Markdown).
std::vector<Lines> units_of(const model::Project& project, const SourceFile& source, Syntax syntax) {
  std::vector<Lines> units;
  const std::string& path = source.path();
  if (syntax == Syntax::yaml) {
    for (const model::RuleInfo& rule : project.rules)
      if (rule.file == path && rule.span.begin.valid())
        units.push_back(with_trailing_lines(lines_of(rule.span), source));
    return units;
  }
  for (const model::RunbookInfo& runbook : project.runbooks) {
    if (runbook.path != path) continue;
    for (const model::SectionInfo& section : runbook.sections)
      if (section.section.span.begin.valid()) units.push_back(lines_of(section.section.span));
  }
  return units;
}

}  // namespace

std::size_t silence(Diagnostics& diags, std::span<const SourceFile* const> sources, const model::Project& project,
                    std::chrono::year_month_day today) {
  std::vector<Scoped> scoped;
  Diagnostics problems;
  for (const SourceFile* source : sources) {
    const std::optional<Syntax> syntax = syntax_of(source->path());
    if (!syntax) continue;
    std::vector<Directive> directives = read_directives(*source, *syntax, problems);
    if (directives.empty()) continue;
    const std::vector<Lines> units = units_of(project, *source, *syntax);
    for (Scoped& s : scope_directives(std::move(directives), *source, *syntax, units, problems))
      scoped.push_back(std::move(s));
  }
  const std::size_t dropped = apply_directives(diags, scoped, project.config, today);
  for (Diagnostic& d : problems.items()) diags.add(std::move(d));
  return dropped;
}

}  // namespace rbc::suppress
