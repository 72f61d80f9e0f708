// JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure,
// CircleCI). Shape: <testsuites> with one <testsuite> per checked file and
// one <testcase> per finding. Errors and warnings are <failure>s (the
// failure's type is the finding's code, its text the located message);
// infos are passing testcases with the message in <system-out>, so they
// are visible without turning the report red. Files without findings are
// not listed (the renderer sees findings only); a run without any findings
// is one passing testcase, so CI shows a pass rather than an empty report.
#include <fmt/format.h>

#include <map>
#include <vector>

#include "report/report.hpp"
#include "report/xml_text.hpp"

namespace rbc::report {
namespace {

bool is_failure(const Diagnostic& d) { return d.severity != Severity::info; }

std::string location(const std::string& file, const Span& span) {
  if (!span.begin.valid()) return file;
  return fmt::format("{}:{}:{}", file, span.begin.line, span.begin.column);
}

// The failure text reads like rbc's text output, notes included.
std::string located_message(const Diagnostic& d) {
  std::string text =
      fmt::format("{}: {}: {} [{}]", location(d.file, d.span), to_string(d.severity), d.message, d.code);
  for (const Note& note : d.notes) text += fmt::format("\n{}: note: {}", location(note.file, note.span), note.message);
  return text;
}

// Test names stay the same when lines move, so CI test history follows a
// finding; the position is in the failure text.
std::string case_name(const Diagnostic& d) {
  if (d.rule.empty()) return d.code;
  return d.group.empty() ? fmt::format("{} {}", d.code, d.rule) : fmt::format("{} {}/{}", d.code, d.group, d.rule);
}

void write_case(std::string& out, const std::string& file, const Diagnostic& d) {
  out += "    <testcase name=\"" + xml_attr(case_name(d)) + "\" classname=\"" + xml_attr(file) + "\">\n";
  if (is_failure(d)) {
    out += "      <failure message=\"" + xml_attr(d.message) + "\" type=\"" + xml_attr(d.code) + "\">";
    out += xml_text(located_message(d)) + "</failure>\n";
  } else {
    out += "      <system-out>" + xml_text(located_message(d)) + "</system-out>\n";
  }
  out += "    </testcase>\n";
}

std::size_t count_failures(const std::vector<const Diagnostic*>& found) {
  std::size_t failures = 0;
  for (const Diagnostic* d : found) failures += is_failure(*d) ? 1 : 0;
  return failures;
}

void write_suite(std::string& out, const std::string& file, const std::vector<const Diagnostic*>& found) {
  out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n",
                     xml_attr(file), found.size(), count_failures(found));
  for (const Diagnostic* d : found) write_case(out, file, *d);
  out += "  </testsuite>\n";
}

void write_clean_run(std::string& out, std::size_t files_checked) {
  out += "<testsuites name=\"rbc\" tests=\"1\" failures=\"0\" errors=\"0\">\n";
  out += "  <testsuite name=\"rbc\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n";
  out += fmt::format("    <testcase name=\"rbc check: {} file{}\" classname=\"rbc\"/>\n", files_checked,
                     files_checked == 1 ? "" : "s");
  out += "  </testsuite>\n</testsuites>\n";
}

}  // namespace

std::string render_junit(const Diagnostics& diagnostics, const Options& options) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  if (diagnostics.items().empty()) {
    write_clean_run(out, options.files_checked);
    return out;
  }
  std::map<std::string, std::vector<const Diagnostic*>> by_file;
  std::vector<const Diagnostic*> all;
  for (const Diagnostic& d : diagnostics.items()) {
    by_file[d.file].push_back(&d);
    all.push_back(&d);
  }
  out += fmt::format("<testsuites name=\"rbc\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n", all.size(),
                     count_failures(all));
  for (const auto& [file, found] : by_file) write_suite(out, file, found);
  out += "</testsuites>\n";
  return out;
}

}  // namespace rbc::report
