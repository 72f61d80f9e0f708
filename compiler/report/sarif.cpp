// SARIF 2.1.0 output for code-scanning services. One `rule` entry per
// diagnostic code in the catalogue; columns are Unicode code points.
#include <cstdio>

#include "diag/codes.hpp"
#include "report/fingerprint.hpp"
#include "report/json_writer.hpp"
#include "report/report.hpp"

namespace rbc::report {
namespace {

// Relative path -> URI reference: keep unreserved characters and '/',
// percent-encode everything else.
std::string to_uri(std::string_view path) {
  std::string out;
  for (char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
        c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out.push_back(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", u);
      out += buf;
    }
  }
  return out;
}

// Byte column -> code point column on that line.
std::int64_t code_point_column(const SourceFile* source, Position pos) {
  if (source == nullptr || !pos.valid()) return pos.column;
  const std::string_view line = source->line_text(pos.line);
  std::int64_t column = 1;
  for (std::size_t i = 0; i + 1 < pos.column && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  }
  if (pos.column > line.size() + 1) column += static_cast<std::int64_t>(pos.column - line.size() - 1);
  return column;
}

std::string_view level(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "error";
}

void write_rules(JsonWriter& json) {
  json.key("rules").begin_array();
  for (const CodeInfo& info : all_codes()) {
    json.begin_object();
    json.key("id").value(info.code);
    json.key("shortDescription").begin_object().key("text").value(info.summary).end_object();
    json.key("help").begin_object().key("text").value("Run `rbc explain " + std::string(info.code) + "` or read " + doc_page_path(info.code)).end_object();
    json.key("defaultConfiguration").begin_object().key("level").value(level(info.default_severity)).end_object();
    json.end_object();
  }
  json.end_array();
}

std::int64_t rule_index(std::string_view code) {
  const auto codes = all_codes();
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (codes[i].code == code) return static_cast<std::int64_t>(i);
  }
  return -1;
}

void write_region(JsonWriter& json, const SourceFile* source, const Span& span) {
  json.key("region").begin_object();
  json.key("startLine").value(std::int64_t{span.begin.line});
  json.key("startColumn").value(code_point_column(source, span.begin));
  if (span.end.valid()) {
    json.key("endLine").value(std::int64_t{span.end.line});
    json.key("endColumn").value(code_point_column(source, span.end));
  }
  json.end_object();
}

void write_result(JsonWriter& json, const Diagnostic& d, const std::string& fingerprint,
                  const SourceLookup& sources) {
  json.begin_object();
  json.key("ruleId").value(d.code);
  if (const std::int64_t index = rule_index(d.code); index >= 0) json.key("ruleIndex").value(index);
  json.key("level").value(level(d.severity));
  json.key("message").begin_object().key("text").value(d.message).end_object();
  json.key("locations").begin_array().begin_object();
  json.key("physicalLocation").begin_object();
  json.key("artifactLocation").begin_object().key("uri").value(to_uri(d.file)).end_object();
  if (d.span.begin.valid()) write_region(json, sources ? sources(d.file) : nullptr, d.span);
  json.end_object().end_object().end_array();
  // Code scanning matches results across commits by this, not by line.
  json.key("partialFingerprints").begin_object().key("rbc/v1").value(fingerprint).end_object();
  json.end_object();
}

}  // namespace

std::string render_sarif(const Diagnostics& diagnostics, const SourceLookup& sources) {
  JsonWriter json;
  json.begin_object();
  json.key("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
  json.key("version").value("2.1.0");
  json.key("runs").begin_array().begin_object();
  json.key("tool").begin_object().key("driver").begin_object();
  json.key("name").value("rbc");
  json.key("version").value(RBC_VERSION);
  write_rules(json);
  json.end_object().end_object();
  json.key("columnKind").value("unicodeCodePoints");
  json.key("results").begin_array();
  const std::vector<std::string> prints = fingerprints(diagnostics);
  for (std::size_t i = 0; i < prints.size(); ++i) write_result(json, diagnostics.items()[i], prints[i], sources);
  json.end_array();
  json.end_object().end_array();
  json.end_object();
  return json.str() + "\n";
}

}  // namespace rbc::report
