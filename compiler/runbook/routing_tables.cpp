// Routing tables: one route per severity row (| Severity | Response Time |
// Escalation | or | Severity | Channel |), and escalation matrices
// (| Time Since Alert | Action |) whose first step times escalation.
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdint>

#include "runbook/fields.hpp"
#include "runbook/routing_steps.hpp"

namespace rbc::runbook {

namespace {

enum class Column { other, severity, response, escalation, channel, time, action };

bool has_word(const std::vector<std::string>& words, std::initializer_list<std::string_view> wanted) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    return std::find(wanted.begin(), wanted.end(), w) != wanted.end();
  });
}

Column column_of(std::string_view label) {
  const std::vector<std::string> words = words_of(label);
  switch (classify_route_label(label)) {
    case RouteLabel::severity:
      return Column::severity;
    case RouteLabel::response:
      return Column::response;
    case RouteLabel::escalation:
      return Column::escalation;
    case RouteLabel::channel:
      return Column::channel;
    case RouteLabel::none:
      break;
  }
  if (has_word(words, {"time", "after", "elapsed", "when", "minutes"})) return Column::time;
  if (has_word(words, {"action", "actions", "step", "steps", "who", "contact"})) return Column::action;
  return Column::other;
}

struct Row {
  std::vector<PlainText> cells;
  Span span;
  std::string text;
};

Row read_row(cmark_node* row, const SourceFile& source) {
  Row out;
  out.span = node_span(row);
  for (cmark_node* cell : row_cells(row)) {
    out.cells.push_back(plain_text(cell, source));
    if (!out.text.empty()) out.text += " | ";
    out.text += out.cells.back().text;
  }
  return out;
}

std::size_t find_column(const std::vector<Column>& columns, Column wanted) {
  const auto it = std::find(columns.begin(), columns.end(), wanted);
  return it == columns.end() ? SIZE_MAX : static_cast<std::size_t>(it - columns.begin());
}

const PlainText* cell(const Row& row, std::size_t column) {
  return column < row.cells.size() ? &row.cells[column] : nullptr;
}

void read_route_row(const Row& row, const std::vector<Column>& columns, RoutingBuilder& builder) {
  const PlainText* severity = cell(row, find_column(columns, Column::severity));
  if (!severity) return;
  RouteDraft draft;
  draft.severities = config::severity_values(builder.config(), severity->text);
  if (draft.severities.empty()) return;
  const PlainText* channel = cell(row, find_column(columns, Column::channel));
  const PlainText* escalation = cell(row, find_column(columns, Column::escalation));
  const PlainText* response = cell(row, find_column(columns, Column::response));
  // Where the table has no channel column, its escalation column says how
  // the team is reached ("Page on-call", "Slack alert", "Ticket").
  if (const PlainText* where = channel ? channel : escalation) draft.channels = builder.add_mentions(*where, true);
  if (response) draft.response_ms = duration_ms(response->text, true);
  if (escalation) draft.escalation_ms = duration_ms(escalation->text, false);
  draft.text = row.text;
  draft.span = row.span;
  builder.add_route(std::move(draft));
}

// The first timed step that applies to every severity is when an
// unacknowledged alert escalates.
void read_escalation_row(const Row& row, std::size_t time, std::size_t action, RoutingBuilder& builder) {
  const PlainText* when = cell(row, time);
  const PlainText* what = cell(row, action);
  if (!when || !what) return;
  const auto ms = duration_ms(when->text, false);
  if (!ms || *ms <= 0 || names_severity(builder.config(), what->text)) return;
  builder.set_default_escalation(*ms);
}

}  // namespace

std::vector<cmark_node*> row_cells(cmark_node* row) {
  std::vector<cmark_node*> cells;
  for (cmark_node* c = cmark_node_first_child(row); c; c = cmark_node_next(c)) cells.push_back(c);
  return cells;
}

void read_routing_table(cmark_node* table, bool escalation_context, RoutingBuilder& builder) {
  cmark_node* header = cmark_node_first_child(table);
  if (!header) return;
  std::vector<Column> columns;
  for (cmark_node* c : row_cells(header)) columns.push_back(column_of(plain_text(c, builder.source()).text));
  const auto has = [&](Column c) { return find_column(columns, c) != SIZE_MAX; };
  const bool routes = has(Column::severity) && (has(Column::response) || has(Column::escalation) || has(Column::channel));
  const bool steps = !has(Column::severity) && has(Column::time) && (has(Column::action) || has(Column::escalation)) &&
                     (escalation_context || has(Column::escalation));
  if (!routes && !steps) return;
  const std::size_t action = has(Column::action) ? find_column(columns, Column::action) : find_column(columns, Column::escalation);
  for (cmark_node* row = cmark_node_next(header); row; row = cmark_node_next(row)) {
    const Row r = read_row(row, builder.source());
    if (routes) {
      read_route_row(r, columns, builder);
    } else {
      read_escalation_row(r, find_column(columns, Column::time), action, builder);
    }
  }
}

}  // namespace rbc::runbook
