// Output formats for diagnostics: text (for people), json, github, sarif,
// and the CI report formats junit, checkstyle and gitlab (Code Quality).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "diag/source.hpp"

namespace rbc::report {

enum class Format { text, json, github, sarif, junit, checkstyle, gitlab };

// Name -> format, for --format; and the names as a sentence ("text, json, ...").
const std::map<std::string, Format>& formats();
std::string format_names();

// Finds the loaded source of a diagnostic's file (null when not loaded).
using SourceLookup = std::function<const SourceFile*(std::string_view path)>;

struct Options {
  bool color = false;
  std::size_t files_checked = 0;
};

std::string render(Format format, const Diagnostics& diagnostics, const SourceLookup& sources,
                   const Options& options);

std::string render_text(const Diagnostics& diagnostics, const SourceLookup& sources,
                        const Options& options);
std::string render_json(const Diagnostics& diagnostics);
std::string render_github(const Diagnostics& diagnostics);
std::string render_sarif(const Diagnostics& diagnostics, const SourceLookup& sources);
std::string render_junit(const Diagnostics& diagnostics, const Options& options);
std::string render_checkstyle(const Diagnostics& diagnostics);
std::string render_gitlab(const Diagnostics& diagnostics);

}  // namespace rbc::report
