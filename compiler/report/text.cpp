// Human-readable output: compiler-style location, message, the source line
// and a caret under the exact span.
#include <fmt/format.h>

#include <algorithm>

#include "report/report.hpp"

namespace rbc::report {
namespace {

struct Palette {
  bool on;
  std::string_view bold() const { return on ? "\x1b[1m" : ""; }
  std::string_view reset() const { return on ? "\x1b[0m" : ""; }
  std::string_view green() const { return on ? "\x1b[1;32m" : ""; }
  std::string_view severity(Severity s) const {
    if (!on) return "";
    switch (s) {
      case Severity::error: return "\x1b[1;31m";
      case Severity::warning: return "\x1b[1;35m";
      case Severity::info: return "\x1b[1;36m";
    }
    return "";
  }
};

// Underline from begin to end on the begin line: '^' then '~'. Tabs in the
// source line are copied into the padding so the caret lines up.
// The excerpt's marked bytes [begin, end) of the line (0-based).
struct Marked {
  std::size_t begin = 0;
  std::size_t end = 1;
};

Marked marked_bytes(std::string_view line, const Span& span) {
  Marked m;
  m.begin = span.begin.column ? span.begin.column - 1 : 0;
  m.end = m.begin + 1;
  if (span.end.line == span.begin.line && span.end.column > span.begin.column) {
    m.end = span.end.column - 1;
  } else if (span.end.line > span.begin.line) {
    m.end = std::max(m.begin + 1, line.size());
  }
  return m;
}

std::string caret_line(std::string_view line, Marked m) {
  std::string out;
  for (std::size_t i = 0; i < m.begin; ++i) out.push_back(i < line.size() && line[i] == '\t' ? '\t' : ' ');
  out.push_back('^');
  if (m.end > m.begin + 1) out.append(m.end - m.begin - 1, '~');
  return out;
}

// Lines longer than this (minified or flow-style files) are quoted as a
// window around the marked bytes, so a report grows with the number of
// findings, not with their line lengths.
constexpr std::size_t kExcerptWidth = 160;
constexpr std::size_t kExcerptLead = 60;  // bytes shown before the mark
constexpr std::string_view kCut = "...";

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

void append_excerpt(std::string& out, const SourceFile& source, const Span& span,
                    const Palette& palette) {
  if (!span.begin.valid() || span.begin.line > source.line_count()) return;
  std::string_view line = source.line_text(span.begin.line);
  Marked mark = marked_bytes(line, span);
  std::string prefix, suffix;
  if (line.size() > kExcerptWidth) {
    std::size_t from = mark.begin > kExcerptLead ? std::min(mark.begin - kExcerptLead, line.size()) : 0;
    while (from > 0 && from < line.size() && continuation_byte(line[from])) --from;
    std::size_t to = std::min(line.size(), from + kExcerptWidth);
    while (to < line.size() && continuation_byte(line[to])) ++to;
    if (from > 0) prefix = kCut;
    if (to < line.size()) suffix = kCut;
    line = line.substr(from, to - from);
    mark.begin = mark.begin - from + prefix.size();
    mark.end = std::min(mark.end - from, line.size()) + prefix.size();
    mark.end = std::max(mark.end, mark.begin + 1);
  }
  const std::string number = std::to_string(span.begin.line);
  fmt::format_to(std::back_inserter(out), " {} | {}{}{}\n", number, prefix, line, suffix);
  fmt::format_to(std::back_inserter(out), " {} | {}{}{}\n", std::string(number.size(), ' '),
                 palette.green(), caret_line(std::string(prefix) + std::string(line), mark), palette.reset());
}

void append_location(std::string& out, std::string_view file, const Span& span) {
  out.append(file);
  if (span.begin.valid()) fmt::format_to(std::back_inserter(out), ":{}:{}", span.begin.line, span.begin.column);
  out += ": ";
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

std::string render_text(const Diagnostics& diagnostics, const SourceLookup& sources,
                        const Options& options) {
  const Palette palette{options.color};
  std::string out;
  for (const Diagnostic& d : diagnostics.items()) {
    out += palette.bold();
    append_location(out, d.file, d.span);
    out += palette.reset();
    fmt::format_to(std::back_inserter(out), "{}{}:{} {}{}{} [{}]\n", palette.severity(d.severity),
                   to_string(d.severity), palette.reset(), palette.bold(), d.message,
                   palette.reset(), d.code);
    if (const SourceFile* source = sources ? sources(d.file) : nullptr) {
      append_excerpt(out, *source, d.span, palette);
    }
    for (const Note& note : d.notes) {
      append_location(out, note.file, note.span);
      fmt::format_to(std::back_inserter(out), "note: {}\n", note.message);
      if (const SourceFile* source = sources ? sources(note.file) : nullptr) {
        append_excerpt(out, *source, note.span, palette);
      }
    }
  }
  const std::size_t errors = diagnostics.count(Severity::error);
  const std::size_t warnings = diagnostics.count(Severity::warning);
  const std::size_t infos = diagnostics.count(Severity::info);
  fmt::format_to(std::back_inserter(out), "rbc: {} checked: {}, {}, {}\n",
                 plural(options.files_checked, "file"), plural(errors, "error"),
                 plural(warnings, "warning"), plural(infos, "info"));
  return out;
}

}  // namespace rbc::report
