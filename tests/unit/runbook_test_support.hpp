// Helpers shared by the runbook reader tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/source.hpp"
#include "runbook/read.hpp"

namespace rbc::runbook::test {

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct Read {
  SourceFile source;
  Diagnostics diags;
  RunbookFile file;
};

inline Read read_text(std::string text, std::string path = "runbook.md") {
  Read r{SourceFile(std::move(path), std::move(text)), {}, {}};
  r.file = read_runbook(r.source, r.diags);
  return r;
}

inline Read read_path(const std::string& path) { return read_text(slurp(path), path); }

inline std::vector<std::string> alert_names(const RunbookFile& file) {
  std::vector<std::string> names;
  for (const Section& s : file.sections) {
    for (const AlertName& a : s.alerts) names.push_back(a.name);
  }
  return names;
}

// The source text a span covers (single-line spans).
inline std::string span_text(const SourceFile& source, const Span& span) {
  const std::size_t b = source.offset_of(span.begin);
  const std::size_t e = source.offset_of(span.end);
  return e > b ? source.text().substr(b, e - b) : std::string();
}

// Every non-blank byte of a field sits at its recorded offset.
inline bool offsets_exact(const SourceFile& source, const Field& field) {
  if (field.offsets.size() != field.text.size()) return false;
  for (std::size_t i = 0; i < field.text.size(); ++i) {
    const char c = field.text[i];
    if (c == ' ' || c == '\n') continue;
    if (field.offsets[i] >= source.text().size() || source.text()[field.offsets[i]] != c) {
      return false;
    }
  }
  return true;
}

}  // namespace rbc::runbook::test
