// GitHub Actions workflow commands, so findings show up as annotations on
// the pull request diff.
#include <fmt/format.h>

#include "report/report.hpp"

namespace rbc::report {
namespace {

// Escaping rules of workflow commands: the message escapes % CR LF; property
// values additionally escape ':' and ','.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string_view command(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
  }
  return "error";
}

}  // namespace

std::string render_github(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.items()) {
    fmt::format_to(std::back_inserter(out), "::{} file={}", command(d.severity), escape(d.file, true));
    if (d.span.begin.valid()) {
      fmt::format_to(std::back_inserter(out), ",line={},col={}", d.span.begin.line, d.span.begin.column);
      if (d.span.end.valid()) {
        fmt::format_to(std::back_inserter(out), ",endLine={},endColumn={}", d.span.end.line, d.span.end.column);
      }
    }
    fmt::format_to(std::back_inserter(out), ",title={}::{}\n", escape("rbc " + d.code, true),
                   escape(d.message, false));
  }
  return out;
}

}  // namespace rbc::report
