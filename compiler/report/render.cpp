// The format table behind --format, and the dispatch to each renderer.
#include "report/report.hpp"

namespace rbc::report {

const std::map<std::string, Format>& formats() {
  static const std::map<std::string, Format> table{
      {"text", Format::text},
      {"json", Format::json},
      {"github", Format::github},
      {"sarif", Format::sarif},
      {"junit", Format::junit},
      {"checkstyle", Format::checkstyle},
      {"gitlab", Format::gitlab},
  };
  return table;
}

std::string format_names() {
  std::string out;
  for (const auto& [name, format] : formats()) out += (out.empty() ? "" : ", ") + name;
  return out;
}

std::string render(Format format, const Diagnostics& diagnostics, const SourceLookup& sources,
                   const Options& options) {
  switch (format) {
    case Format::text: return render_text(diagnostics, sources, options);
    case Format::json: return render_json(diagnostics);
    case Format::github: return render_github(diagnostics);
    case Format::sarif: return render_sarif(diagnostics, sources);
    case Format::junit: return render_junit(diagnostics, options);
    case Format::checkstyle: return render_checkstyle(diagnostics);
    case Format::gitlab: return render_gitlab(diagnostics);
  }
  return {};
}

}  // namespace rbc::report
