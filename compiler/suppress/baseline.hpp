// A baseline: the findings a repository had when it adopted rbc, recorded so
// that only new ones are reported. Entries are keyed by what survives
// unrelated edits (code, file, rule or runbook section, message), never by
// line numbers; identical keys are counted.
#pragma once

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "config/config.hpp"
#include "diag/diagnostic.hpp"
#include "diag/source.hpp"
#include "model/project.hpp"

namespace rbc::suppress {

struct BaselineEntry {
  std::string code;
  std::string file;     // relative to the baseline file's folder, '/'-separated
  std::string rule;     // "group/name" of the rule it is about, or ""
  std::string section;  // heading of the runbook section it is in, or ""
  std::string message;  // as reported, every "line 12" written "line #"
  std::size_t count = 1;

  // Everything but the count, in sort order.
  auto key() const { return std::make_tuple(file, code, rule, section, message); }
};

struct Baseline {
  std::vector<BaselineEntry> entries;  // sorted by key, keys unique
};

// Where findings are placed: `folder` is the baseline file's folder
// (absolute), which file paths are made relative to.
struct BaselineContext {
  const model::Project& project;
  std::string folder;
};

// The findings of `diags` that a baseline may hold: not yaml/parse or
// io/read, and not codes rbc.yaml locks.
Baseline record(const Diagnostics& diags, const BaselineContext& context);

struct HideResult {
  std::size_t hidden = 0;
  std::size_t stale = 0;  // recorded occurrences no finding matched (fixed since)
};

// Drops findings the baseline records, at most `count` per entry. A locked
// code is kept with a note that rbc.yaml locks it.
HideResult hide(Diagnostics& diags, const Baseline& baseline, const BaselineContext& context);

// Pretty JSON, sorted: {"version": 1, "findings": [...]}. Same findings, same
// bytes.
std::string to_json(const Baseline& baseline);
// Reads what to_json wrote; a problem sets `error` and returns nothing.
std::optional<Baseline> from_json(const SourceFile& source, std::string& error);

}  // namespace rbc::suppress
