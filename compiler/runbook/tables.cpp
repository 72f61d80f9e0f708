// Summary tables: one row per alert (| Alert | Severity | Condition | ...).
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdint>

#include "runbook/document.hpp"
#include "runbook/names.hpp"

namespace rbc::runbook {

namespace {

enum class Column { other, name, severity, condition };

struct TableShape {
  std::vector<Column> columns;
  std::vector<std::string> labels;
  std::size_t name_column = 0;
  bool valid = false;
};

std::vector<cmark_node*> cells_of(cmark_node* row) {
  std::vector<cmark_node*> cells;
  for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
    cells.push_back(cell);
  }
  return cells;
}

// The header decides: a column named Alert / Alert name is the name; a
// column named Name only when the table also has a Severity column.
TableShape shape_of(cmark_node* header, const SourceFile& source) {
  TableShape shape;
  std::size_t alert_column = SIZE_MAX;
  std::size_t name_column = SIZE_MAX;
  bool has_severity = false;
  for (cmark_node* cell : cells_of(header)) {
    const std::string label = plain_text(cell, source).text;
    const std::string low = to_lower(label);
    Column column = Column::other;
    switch (classify_label(label)) {
      case LabelKind::alert:
        if (alert_column == SIZE_MAX) alert_column = shape.columns.size();
        break;
      case LabelKind::severity:
        column = Column::severity;
        has_severity = true;
        break;
      case LabelKind::condition:
        column = Column::condition;
        break;
      case LabelKind::none:
        if (name_column == SIZE_MAX && (low == "name" || low == "rule" || low == "alert rule")) {
          name_column = shape.columns.size();
        }
        break;
    }
    shape.columns.push_back(column);
    shape.labels.push_back(label);
  }
  if (alert_column != SIZE_MAX) {
    shape.name_column = alert_column;
    shape.valid = true;
  } else if (name_column != SIZE_MAX && has_severity) {
    shape.name_column = name_column;
    shape.valid = true;
  }
  if (shape.valid) shape.columns[shape.name_column] = Column::name;
  return shape;
}

struct Enclosing {
  std::string heading;
  std::string anchor;
};

Enclosing enclosing_heading(const Page& page, std::size_t block) {
  Enclosing out;
  for (const HeadingEntry& h : page.headings) {
    if (h.block > block) break;
    out = {h.text.text, h.anchor};
  }
  return out;
}

bool row_section(cmark_node* row, const TableShape& shape, const Page& page, Section& out) {
  const std::vector<cmark_node*> cells = cells_of(row);
  if (shape.name_column >= cells.size()) return false;
  const PlainText name_cell = plain_text(cells[shape.name_column], page.source);
  NamedHeading nh;
  if (!parse_named_heading(name_cell.text, nh)) return false;
  for (const NamePart& part : nh.names) {
    if (is_severity_word(part.name)) return false;
    Span span;
    if (part.end > part.begin && part.end <= name_cell.offsets.size()) {
      span = {page.source.position_at(name_cell.offsets[part.begin]),
              page.source.position_at(name_cell.offsets[part.end - 1] + 1)};
    }
    out.alerts.push_back({part.name, span, NameSource::table_row});
  }
  for (std::size_t c = 0; c < cells.size() && c < shape.columns.size(); ++c) {
    if (shape.columns[c] != Column::severity && shape.columns[c] != Column::condition) continue;
    const PlainText cell = plain_text(cells[c], page.source);
    if (cell.text.empty()) continue;
    Field field = make_field(shape.labels[c], cell, 0, cell.text.size(), page.source);
    auto& list = shape.columns[c] == Column::severity ? out.severity : out.conditions;
    list.push_back(std::move(field));
  }
  const Span row_span = node_span(row);
  out.line = row_span.begin.line;
  out.level = 0;
  out.span.begin = {row_span.begin.line, 1};
  const std::size_t width = page.source.line_text(row_span.begin.line).size();
  out.span.end = {row_span.begin.line, static_cast<std::uint32_t>(width + 1)};
  return true;
}

}  // namespace

std::vector<Section> table_sections(const Page& page) {
  std::vector<Section> found;
  for (std::size_t b = 0; b < page.blocks.size(); ++b) {
    cmark_node* table = page.blocks[b];
    if (kind_of(table) != NodeKind::table) continue;
    cmark_node* header = cmark_node_first_child(table);
    if (!header) continue;
    const TableShape shape = shape_of(header, page.source);
    if (!shape.valid) continue;
    const Enclosing where = enclosing_heading(page, b);
    for (cmark_node* row = cmark_node_next(header); row; row = cmark_node_next(row)) {
      Section section;
      if (!row_section(row, shape, page, section)) continue;
      section.heading = where.heading;
      section.anchor = where.anchor;
      found.push_back(std::move(section));
    }
  }
  return found;
}

}  // namespace rbc::runbook
