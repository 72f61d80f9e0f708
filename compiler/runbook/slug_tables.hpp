// Unicode data for slug(), generated from the oracle (github-slugger 2.0.0
// on Node) by tests/oracle/slugger_tables.mjs into slug_tables.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace rbc::runbook::tables {

// Inclusive code point range; tables are sorted and disjoint.
struct CodeRange {
  char32_t first;
  char32_t last;
};

// Code points first, first+step, ... last lower-case to themselves + delta.
struct LowerRun {
  char32_t first;
  char32_t last;
  std::int32_t step;
  std::int32_t delta;
};

// What github-slugger's regex deletes (after lower-casing).
std::span<const CodeRange> removed();
// Unicode properties Cased and Case_Ignorable (for the final-sigma rule).
std::span<const CodeRange> cased();
std::span<const CodeRange> case_ignorable();
// JavaScript toLowerCase's one-to-one mappings (U+0130 is the only
// one-to-many mapping and is handled in code).
std::span<const LowerRun> lower_runs();

}  // namespace rbc::runbook::tables
