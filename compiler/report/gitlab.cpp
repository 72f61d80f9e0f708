// GitLab Code Quality report (a subset of the Code Climate issue format):
// a JSON array of {description, check_name, fingerprint, severity,
// location: {path, lines: {begin}}}. GitLab matches findings between the
// base and the merge request by fingerprint, so it must not depend on the
// line (see report/fingerprint.hpp).
#include "report/fingerprint.hpp"
#include "report/json_writer.hpp"
#include "report/report.hpp"

namespace rbc::report {
namespace {

// Code Quality severities: info, minor, major, critical, blocker. An rbc
// error means Prometheus rejects the file or a cross-check failed: critical.
// "blocker" is left for nothing rbc can tell.
std::string_view gitlab_severity(Severity severity) {
  switch (severity) {
    case Severity::error: return "critical";
    case Severity::warning: return "major";
    case Severity::info: return "info";
  }
  return "critical";
}

std::string_view repository_path(std::string_view path) {
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  return path;
}

}  // namespace

std::string render_gitlab(const Diagnostics& diagnostics) {
  const std::vector<std::string> prints = fingerprints(diagnostics);
  JsonWriter json;
  json.begin_array();
  for (std::size_t i = 0; i < diagnostics.items().size(); ++i) {
    const Diagnostic& d = diagnostics.items()[i];
    json.begin_object();
    json.key("type").value("issue");
    json.key("description").value(d.message);
    json.key("check_name").value(d.code);
    json.key("fingerprint").value(prints[i]);
    json.key("severity").value(gitlab_severity(d.severity));
    json.key("location").begin_object();
    json.key("path").value(repository_path(d.file));
    // GitLab requires a line; a finding without one (unreadable file) is
    // put on line 1.
    const std::int64_t line = d.span.begin.valid() ? std::int64_t{d.span.begin.line} : 1;
    json.key("lines").begin_object().key("begin").value(line).end_object();
    json.end_object();
    json.end_object();
  }
  json.end_array();
  return json.str() + "\n";
}

}  // namespace rbc::report
