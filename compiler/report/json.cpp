// Machine-readable output: one JSON array of diagnostics.
#include "report/json_writer.hpp"
#include "report/report.hpp"

namespace rbc::report {

std::string render_json(const Diagnostics& diagnostics) {
  JsonWriter json;
  json.begin_array();
  for (const Diagnostic& d : diagnostics.items()) {
    json.begin_object();
    json.key("file").value(d.file);
    json.key("line").value(std::int64_t{d.span.begin.line});
    json.key("column").value(std::int64_t{d.span.begin.column});
    json.key("end_line").value(std::int64_t{d.span.end.line});
    json.key("end_column").value(std::int64_t{d.span.end.column});
    json.key("group").value(d.group);
    json.key("rule").value(d.rule);
    json.key("code").value(d.code);
    json.key("severity").value(to_string(d.severity));
    json.key("message").value(d.message);
    if (!d.notes.empty()) {
      json.key("notes").begin_array();
      for (const Note& note : d.notes) {
        json.begin_object();
        json.key("file").value(note.file);
        json.key("line").value(std::int64_t{note.span.begin.line});
        json.key("column").value(std::int64_t{note.span.begin.column});
        json.key("message").value(note.message);
        json.end_object();
      }
      json.end_array();
    }
    json.end_object();
  }
  json.end_array();
  return json.str() + "\n";
}

}  // namespace rbc::report
