#include <algorithm>
#include <string>

#include "suppress/suppress.hpp"

namespace rbc::suppress {
namespace {

std::string_view verb_text(Kind kind) {
  switch (kind) {
    case Kind::disable: return "rbc disable";
    case Kind::disable_file: return "rbc disable-file";
    case Kind::snooze: return "rbc snooze";
  }
  return "rbc";
}

bool within(const Scoped& scoped, const std::string& file, const Span& span) {
  return scoped.directive.file == file && (!scoped.lines || scoped.lines->contains(span.begin.line));
}

// In a runbook, a section's directive also covers the cross-check findings
// reported at the rule with a note pointing into the section, so either
// side of a disagreement can silence it.
bool covers(const Scoped& scoped, const Diagnostic& d) {
  const bool code = std::any_of(scoped.directive.codes.begin(), scoped.directive.codes.end(),
                                [&](const std::string& pattern) { return code_matches(pattern, d.code); });
  if (!code) return false;
  if (within(scoped, d.file, d.span)) return true;
  if (syntax_of(scoped.directive.file) != Syntax::markdown) return false;
  return std::any_of(d.notes.begin(), d.notes.end(), [&](const Note& n) { return within(scoped, n.file, n.span); });
}

bool active(const Directive& directive, std::chrono::year_month_day today) {
  return directive.kind != Kind::snooze || !directive.until || today <= *directive.until;
}

Note note_at(const Directive& directive, std::string message) {
  return {directive.file, directive.span, std::move(message)};
}

// Decides one diagnostic: true when it is silenced; notes explain why a
// covered one is not.
bool silenced(Diagnostic& d, std::span<const Scoped> directives, const config::Config& config,
              std::chrono::year_month_day today) {
  if (d.code == kDirectiveCode || never_silenced(d.code)) return false;
  const Directive* expired = nullptr;
  for (const Scoped& scoped : directives) {
    if (!covers(scoped, d)) continue;
    if (!active(scoped.directive, today)) {
      if (expired == nullptr) expired = &scoped.directive;
      continue;
    }
    if (!locked(config, d.code)) return true;
    d.notes.push_back(note_at(scoped.directive, "rbc.yaml locks " + d.code + " (checks: " + d.code +
                                                    ": {locked: true}), so `" +
                                                    std::string(verb_text(scoped.directive.kind)) +
                                                    "` here does not silence it"));
    return false;
  }
  if (expired != nullptr) {
    d.notes.push_back(note_at(*expired, "the `rbc snooze` of this finding expired after " +
                                            format_date(*expired->until) + "; remove the comment or fix the finding"));
  }
  return false;
}

}  // namespace

bool locked(const config::Config& config, std::string_view code) {
  auto it = config.codes.find(code);
  return it != config.codes.end() && it->second.locked;
}

std::size_t apply_directives(Diagnostics& diags, std::span<const Scoped> directives,
                             const config::Config& config, std::chrono::year_month_day today) {
  // Decided first, erased after: deciding adds notes to the ones kept.
  std::vector<Diagnostic> kept;
  std::size_t dropped = 0;
  for (Diagnostic& d : diags.items()) {
    if (silenced(d, directives, config, today)) ++dropped;
    else kept.push_back(std::move(d));
  }
  diags.items() = std::move(kept);
  return dropped;
}

}  // namespace rbc::suppress
