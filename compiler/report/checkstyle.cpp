// Checkstyle XML (the 4.3 shape many CI tools import: reviewdog, Jenkins
// warnings-ng, SonarQube's generic importers): one <file> per file with
// findings, one <error> per finding.
#include <fmt/format.h>

#include "report/report.hpp"
#include "report/xml_text.hpp"

namespace rbc::report {
namespace {

// Checkstyle knows error, warning, info (and ignore).
std::string_view checkstyle_severity(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "error";
}

void write_error(std::string& out, const Diagnostic& d) {
  // A finding without a position (a file that cannot be read) is put on
  // line 1: consumers require a line.
  const std::size_t line = d.span.begin.valid() ? d.span.begin.line : 1;
  fmt::format_to(std::back_inserter(out), "    <error line=\"{}\"", line);
  if (d.span.begin.valid()) fmt::format_to(std::back_inserter(out), " column=\"{}\"", d.span.begin.column);
  fmt::format_to(std::back_inserter(out), " severity=\"{}\" message=\"{}\" source=\"{}\"/>\n",
                 checkstyle_severity(d.severity), xml_attr(d.message), xml_attr(d.code));
}

}  // namespace

std::string render_checkstyle(const Diagnostics& diagnostics) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
  const std::string* open_file = nullptr;
  for (const Diagnostic& d : diagnostics.items()) {
    // Diagnostics come sorted by file; a file seen again (unsorted input)
    // simply opens another <file>, which checkstyle readers accept.
    if (open_file == nullptr || *open_file != d.file) {
      if (open_file != nullptr) out += "  </file>\n";
      out += "  <file name=\"" + xml_attr(d.file) + "\">\n";
      open_file = &d.file;
    }
    write_error(out, d);
  }
  if (open_file != nullptr) out += "  </file>\n";
  out += "</checkstyle>\n";
  return out;
}

}  // namespace rbc::report
