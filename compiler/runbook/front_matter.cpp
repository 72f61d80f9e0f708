#include "runbook/front_matter.hpp"

#include <yaml-cpp/yaml.h>

#include "runbook/names.hpp"

namespace rbc::runbook {

namespace {

// The line starting at `pos` is exactly `marker` (trailing blanks allowed).
bool line_is(std::string_view text, std::size_t pos, std::string_view marker, std::size_t* next) {
  if (text.substr(pos, marker.size()) != marker) return false;
  std::size_t i = pos + marker.size();
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r')) ++i;
  if (i < text.size() && text[i] != '\n') return false;
  *next = i < text.size() ? i + 1 : i;
  return true;
}

Field scalar_field(const std::string& key, const std::string& value, std::string_view file,
                   std::size_t at, const SourceFile& source) {
  Field field;
  field.label = key;
  field.text = value;
  // A plain or quoted one-line scalar is written as is; for anything else
  // (folded, escaped) every byte is placed at the value's start.
  std::size_t start = at;
  if (start < file.size() && (file[start] == '"' || file[start] == '\'')) ++start;
  const bool verbatim = file.substr(start, value.size()) == value;
  for (std::size_t i = 0; i < value.size(); ++i) field.offsets.push_back(verbatim ? start + i : at);
  field.span.begin = source.position_at(at);
  field.span.end = source.position_at(verbatim ? start + value.size() : at);
  return field;
}

void read_scalars(const std::string& yaml, std::size_t content_begin, const SourceFile& source,
                  FrontMatter& fm) {
  const YAML::Node root = YAML::Load(yaml);
  if (!root.IsMap()) return;
  for (const auto& entry : root) {
    if (!entry.first.IsScalar() || !entry.second.IsScalar()) continue;
    const std::size_t at = content_begin + static_cast<std::size_t>(entry.second.Mark().pos);
    fm.scalars.push_back(scalar_field(entry.first.Scalar(), entry.second.Scalar(),
                                      source.text(), at, source));
  }
}

}  // namespace

const Field* FrontMatter::find(std::string_view key) const {
  for (const Field& field : scalars) {
    if (equals_ignore_case(field.label, key)) return &field;
  }
  return nullptr;
}

FrontMatter read_front_matter(const SourceFile& source, Diagnostics& diags) {
  FrontMatter fm;
  const std::string_view text = source.text();
  std::size_t pos = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  std::size_t content_begin = 0;
  if (!line_is(text, pos, "---", &content_begin)) return fm;
  // The closing line: "---" or "...".
  std::size_t line = content_begin;
  std::size_t after = 0;
  while (line < text.size()) {
    if (line_is(text, line, "---", &after) || line_is(text, line, "...", &after)) break;
    const std::size_t nl = text.find('\n', line);
    line = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  if (line >= text.size()) return fm;  // never closed: a thematic break, not front matter
  fm.present = true;
  fm.begin = pos;
  fm.end = after;
  try {
    read_scalars(std::string(text.substr(content_begin, line - content_begin)), content_begin,
                 source, fm);
  } catch (const YAML::Exception& e) {
    Diagnostic d;
    d.code = "yaml/parse";
    d.severity = Severity::error;
    d.file = source.path();
    const std::size_t at = e.mark.is_null() ? content_begin
                                            : content_begin + static_cast<std::size_t>(e.mark.pos);
    d.span.begin = source.position_at(std::min(at, line));
    d.span.end = d.span.begin;
    d.message = "front matter: " + e.msg;
    diags.add(std::move(d));
  }
  return fm;
}

}  // namespace rbc::runbook
