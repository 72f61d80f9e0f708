#include "changes/select.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "model/bind.hpp"
#include "promql/ast.hpp"

namespace rbc::changes {
namespace {

struct Lines {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
};

bool contains(const Span& span, std::uint32_t line) { return span.begin.line <= line && line <= span.end.line; }

bool before(Position a, Position b) { return a.line < b.line || (a.line == b.line && a.column < b.column); }

bool overlaps(const Span& a, const Span& b) { return !before(a.end, b.begin) && !before(b.end, a.begin); }

// The smallest span among `items` (by `span_of`) holding `line`.
template <typename T, typename SpanOf>
const T* innermost(const std::vector<T>& items, std::uint32_t line, SpanOf span_of) {
  const T* best = nullptr;
  for (const T& item : items) {
    const Span& s = span_of(item);
    if (!contains(s, line)) continue;
    if (best == nullptr || s.end.line - s.begin.line < span_of(*best).end.line - span_of(*best).begin.line) best = &item;
  }
  return best;
}

// Whether any selector of `ast` reads the series `name` (by metric name or
// an exact __name__ matcher); fills `spans` with where they are written.
void find_selectors(const model::RuleInfo& rule, std::string_view name, std::vector<Span>& spans) {
  std::vector<const promql::Expr*> stack{rule.ast.get()};
  while (!stack.empty()) {
    const promql::Expr* e = stack.back();
    stack.pop_back();
    if (e == nullptr) continue;
    if (e->kind == promql::Kind::VectorSelector) {
      const bool named = e->text == name || std::any_of(e->matchers.begin(), e->matchers.end(), [&](const auto& m) {
                           return m.name == "__name__" && m.op == promql::MatchOp::Equal && m.value == name;
                         });
      if (named) spans.push_back(model::expr_span(rule, e->begin, e->end));
    }
    stack.insert(stack.end(), {e->param, e->expr, e->lhs, e->rhs});
    stack.insert(stack.end(), e->args.begin(), e->args.end());
  }
}

class Selector {
 public:
  Selector(const model::Project& project, const Selection& selection) : sel_(selection) {
    for (const model::RuleInfo& rule : project.rules) rules_[rule.file].push_back(&rule);
    for (const model::RunbookInfo& rb : project.runbooks) runbooks_[rb.path] = &rb;
  }

  bool keep(const Diagnostic& d) const {
    if (changed_at(d.file, d.span.begin.line)) return true;
    for (const Note& note : d.notes)
      if (note.span.begin.valid() && changed_at(note.file, note.span.begin.line)) return true;
    return about_removed_series(d) || in_removed_alert_section(d);
  }

 private:
  bool in_scope(std::string_view repo_path) const {
    if (sel_.scope.empty()) return true;
    return std::any_of(sel_.scope.begin(), sel_.scope.end(), [&](const std::string& s) {
      return s.empty() || repo_path == s || (repo_path.starts_with(s) && repo_path.substr(s.size()).starts_with("/"));
    });
  }

  const model::RuleInfo* rule_at(const std::string& file, std::uint32_t line) const {
    auto it = rules_.find(file);
    if (it == rules_.end()) return nullptr;
    const model::RuleInfo* const* found =
        innermost(it->second, line, [](const model::RuleInfo* r) -> const Span& { return r->span; });
    return found == nullptr ? nullptr : *found;
  }

  const model::SectionInfo* section_at(const std::string& file, std::uint32_t line) const {
    auto it = runbooks_.find(file);
    if (it == runbooks_.end()) return nullptr;
    return innermost(it->second->sections, line, [](const model::SectionInfo& s) -> const Span& { return s.section.span; });
  }

  // The lines whose change makes a finding at `line` new: its rule's, its
  // runbook section's, or just its own.
  Lines region(const std::string& file, std::uint32_t line) const {
    if (const model::RuleInfo* rule = rule_at(file, line)) return {rule->span.begin.line, rule->span.end.line};
    if (const model::SectionInfo* section = section_at(file, line))
      return {section->section.span.begin.line, section->section.span.end.line};
    return {line, line};
  }

  bool changed_at(const std::string& file, std::uint32_t line) const {
    const std::optional<std::string> path = sel_.changes.repo.repo_path(file);
    if (!path || !in_scope(*path)) return false;
    const FileChange* change = sel_.changes.find(*path);
    if (change == nullptr) return false;
    if (change->status == FileStatus::added || change->status == FileStatus::untracked || line == 0) return true;
    const Lines lines = region(file, line);
    return touches(*change, lines.first, lines.last);
  }

  // A finding on a selector of a series whose recording rule went away.
  bool about_removed_series(const Diagnostic& d) const {
    const model::RuleInfo* rule = rule_at(d.file, d.span.begin.line);
    if (rule == nullptr || rule->ast == nullptr) return false;
    for (const auto& [name, from] : sel_.removed.recorded) {
      if (!in_scope(from)) continue;
      std::vector<Span> selectors;
      find_selectors(*rule, name, selectors);
      if (selectors.empty()) continue;
      if (d.code == "rule/dependency") return true;
      if (std::any_of(selectors.begin(), selectors.end(), [&](const Span& s) { return overlaps(s, d.span); })) return true;
    }
    return false;
  }

  // A finding in a runbook section that documents an alert that went away.
  bool in_removed_alert_section(const Diagnostic& d) const {
    const model::SectionInfo* section = section_at(d.file, d.span.begin.line);
    if (section == nullptr) return false;
    for (const runbook::AlertName& alert : section->section.alerts) {
      for (const auto& [name, from] : sel_.removed.alerts)
        if (in_scope(from) && model::words_key(name) == model::words_key(alert.name)) return true;
    }
    return false;
  }

  const Selection& sel_;
  std::map<std::string, std::vector<const model::RuleInfo*>, std::less<>> rules_;
  std::map<std::string, const model::RunbookInfo*, std::less<>> runbooks_;
};

}  // namespace

void keep_changed(Diagnostics& diagnostics, const model::Project& project, const Selection& selection) {
  const Selector selector(project, selection);
  std::erase_if(diagnostics.items(), [&](const Diagnostic& d) { return !selector.keep(d); });
}

}  // namespace rbc::changes
