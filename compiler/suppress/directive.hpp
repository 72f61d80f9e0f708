// Suppression comments: `# rbc disable CODE`, `# rbc disable-file CODE`,
// `# rbc snooze YYYY-MM-DD CODE` in YAML, and the same words inside
// `<!-- ... -->` in Markdown (docs/suppressing.md).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/source.hpp"

namespace rbc::suppress {

// The stage's own code: a directive that is malformed or names a code rbc
// does not know.
inline constexpr std::string_view kDirectiveCode = "rbc/directive";

enum class Kind { disable, disable_file, snooze };

// How comments are written in a file.
enum class Syntax { yaml, markdown };

struct Directive {
  Kind kind = Kind::disable;
  // Known codes, or group patterns such as "xcheck/*".
  std::vector<std::string> codes;
  // snooze: silenced until the end of this day (UTC), then reported again.
  std::optional<std::chrono::year_month_day> until;
  std::string file;
  Span span;  // the comment, from `#` / `<!--`
};

// YAML for .yml/.yaml (and stdin), Markdown for .md/.markdown, none else.
std::optional<Syntax> syntax_of(std::string_view path);

// Every directive in the file's text, in file order. Comments are found in
// the raw text, so a `# rbc ...` inside a block scalar counts too. Problems
// (unknown directive word or code, bad date, no code) are reported to
// `problems` as rbc/directive warnings and the faulty parts left out.
std::vector<Directive> read_directives(const SourceFile& source, Syntax syntax, Diagnostics& problems);

// True when `pattern` (a code or "group/*") covers `code`.
bool code_matches(std::string_view pattern, std::string_view code);

// Codes no directive or baseline can hide: the file could not be read at
// all, so nothing in it (comments included) can be trusted.
bool never_silenced(std::string_view code);

// Adds an rbc/directive warning.
void report_problem(Diagnostics& problems, const std::string& file, Span span, std::string message);

// "2026-12-31" -> date; nullopt unless exactly YYYY-MM-DD and a real day.
std::optional<std::chrono::year_month_day> parse_date(std::string_view text);
std::string format_date(std::chrono::year_month_day date);
// Today's date in UTC.
std::chrono::year_month_day today_utc();

}  // namespace rbc::suppress
