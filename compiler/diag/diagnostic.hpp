// The one diagnostic type of rbc. Every stage reports through it; every
// output format (text, json, github, sarif) renders it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diag/source.hpp"

namespace rbc {

enum class Severity { error, warning, info };

std::string_view to_string(Severity severity);

// A secondary location ("runbook says ... here").
struct Note {
  std::string file;
  Span span;
  std::string message;
};

struct Diagnostic {
  std::string code;  // stable, e.g. "promql/parse"
  Severity severity = Severity::error;
  std::string file;  // path as the user gave it
  Span span;         // position in the user's file
  std::string message;
  std::string group;  // rule group name, when the diagnostic is about a rule
  std::string rule;   // rule name (alert or record), when known
  std::vector<Note> notes;
};

// Collects diagnostics in the order they are found.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }
  bool has_errors() const;
  std::size_t count(Severity severity) const;
  // Stable order for output: by file, then position, then code.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace rbc
