#include "runbook/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <mutex>

namespace rbc::runbook {

namespace {

void register_extensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Folds whitespace: runs of blanks become one space, line breaks stay as
// '\n' (without blanks around them), and both ends are trimmed.
std::string fold_spaces(const std::string& raw) {
  std::string out;
  out.reserve(raw.size());
  bool pending_space = false;
  bool pending_break = false;
  for (char c : raw) {
    if (c == '\n') {
      pending_break = true;
    } else if (is_space(c)) {
      pending_space = true;
    } else {
      if (!out.empty()) {
        if (pending_break) out.push_back('\n');
        else if (pending_space) out.push_back(' ');
      }
      pending_space = pending_break = false;
      out.push_back(c);
    }
  }
  return out;
}

// Byte range of a block in the file: from its start position to the end of
// its last line (cmark's end column is not always set).
std::pair<std::size_t, std::size_t> block_range(cmark_node* node, const SourceFile& source) {
  const Span span = node_span(node);
  if (!span.begin.valid()) return {0, 0};
  const std::size_t begin = source.offset_of(span.begin);
  const std::uint32_t last = std::max(span.end.line, span.begin.line);
  const std::size_t end =
      last < source.line_count() ? source.offset_of({last + 1, 1}) : source.text().size();
  return {begin, std::max(begin, end)};
}

// How far ahead a character is looked for before it is taken as "not in
// the source" (entities, replaced invalid UTF-8); bounds the work per byte.
constexpr std::size_t kSearchWindow = 4096;

// Places each byte of `text` at the next matching byte of the source range;
// markup between (emphasis marks, link targets, escapes) is skipped over.
std::vector<std::size_t> align(const std::string& text, std::string_view file, std::size_t begin,
                               std::size_t end) {
  std::vector<std::size_t> offsets;
  offsets.reserve(text.size());
  std::size_t pos = begin;
  for (char c : text) {
    const std::size_t limit = std::min(end, pos + kSearchWindow);
    std::size_t found = limit;
    if (c == ' ' || c == '\n') {
      for (std::size_t i = pos; i < limit; ++i) {
        if (is_space(file[i])) {
          found = i;
          break;
        }
      }
      offsets.push_back(found < limit ? found : pos);
      if (found < limit) pos = found;
      continue;
    }
    if (pos < limit) {
      const void* hit = std::memchr(file.data() + pos, c, limit - pos);
      if (hit) found = static_cast<std::size_t>(static_cast<const char*>(hit) - file.data());
    }
    if (found < limit) {
      offsets.push_back(found);
      pos = found + 1;
    } else {
      offsets.push_back(std::min(pos, file.size()));
    }
  }
  return offsets;
}

// Appends the literal text of the inlines under `node`, iteratively.
void collect_inlines(cmark_node* node, std::string& raw, bool breaks_as_newlines) {
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type event;
  int in_image = 0;  // an image's alt text is not part of the text (GitHub's textContent)
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* cur = cmark_iter_get_node(iter);
    const NodeKind kind = kind_of(cur);
    if (kind == NodeKind::image) in_image += event == CMARK_EVENT_ENTER ? 1 : -1;
    if (event != CMARK_EVENT_ENTER || in_image > 0) continue;
    switch (kind) {
      case NodeKind::text:
      case NodeKind::code:
        if (const char* lit = cmark_node_get_literal(cur)) raw += lit;
        break;
      case NodeKind::softbreak:
      case NodeKind::linebreak:
        raw.push_back(breaks_as_newlines ? '\n' : ' ');
        break;
      case NodeKind::paragraph:
      case NodeKind::heading:
      case NodeKind::table_cell:
        if (cur != node && !raw.empty()) raw.push_back(breaks_as_newlines ? '\n' : ' ');
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
}

}  // namespace

void MarkdownDoc::Free::operator()(cmark_node* node) const { cmark_node_free(node); }

MarkdownDoc::MarkdownDoc(std::string_view text) {
  register_extensions();
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (const char* name : {"table", "autolink", "strikethrough", "tasklist"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser, ext);
    }
  }
  cmark_parser_feed(parser, text.data(), text.size());
  root_.reset(cmark_parser_finish(parser));
  cmark_parser_free(parser);
}

NodeKind kind_of(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_DOCUMENT: return NodeKind::document;
    case CMARK_NODE_HEADING: return NodeKind::heading;
    case CMARK_NODE_PARAGRAPH: return NodeKind::paragraph;
    case CMARK_NODE_LIST: return NodeKind::list;
    case CMARK_NODE_ITEM: return NodeKind::item;
    case CMARK_NODE_BLOCK_QUOTE: return NodeKind::block_quote;
    case CMARK_NODE_CODE_BLOCK: return NodeKind::code_block;
    case CMARK_NODE_HTML_BLOCK: return NodeKind::html_block;
    case CMARK_NODE_THEMATIC_BREAK: return NodeKind::thematic_break;
    case CMARK_NODE_TEXT: return NodeKind::text;
    case CMARK_NODE_CODE: return NodeKind::code;
    case CMARK_NODE_HTML_INLINE: return NodeKind::html_inline;
    case CMARK_NODE_SOFTBREAK: return NodeKind::softbreak;
    case CMARK_NODE_LINEBREAK: return NodeKind::linebreak;
    case CMARK_NODE_EMPH: return NodeKind::emph;
    case CMARK_NODE_STRONG: return NodeKind::strong;
    case CMARK_NODE_LINK: return NodeKind::link;
    case CMARK_NODE_IMAGE: return NodeKind::image;
    default: break;
  }
  // Extension nodes have dynamic type numbers; their names are stable.
  const char* name = cmark_node_get_type_string(node);
  if (!name) return NodeKind::other;
  const std::string_view type(name);
  if (type == "table") return NodeKind::table;
  if (type == "table_row" || type == "table_header") return NodeKind::table_row;
  if (type == "table_cell") return NodeKind::table_cell;
  if (type == "strikethrough") return NodeKind::strikethrough;
  return NodeKind::other;
}

Span node_span(cmark_node* node) {
  auto to_u32 = [](int v) { return static_cast<std::uint32_t>(std::max(v, 0)); };
  Span span;
  span.begin = {to_u32(cmark_node_get_start_line(node)),
                to_u32(std::max(cmark_node_get_start_column(node), 1))};
  if (span.begin.line == 0) span.begin = {};
  span.end = {to_u32(cmark_node_get_end_line(node)), to_u32(cmark_node_get_end_column(node))};
  return span;
}

PlainText plain_text(cmark_node* block, const SourceFile& source) {
  std::string raw;
  collect_inlines(block, raw, true);
  PlainText out;
  out.text = fold_spaces(raw);
  const auto [begin, end] = block_range(block, source);
  out.offsets = align(out.text, source.text(), begin, end);
  return out;
}

std::string heading_text(cmark_node* heading) {
  std::string raw;
  collect_inlines(heading, raw, true);
  return raw;
}

}  // namespace rbc::runbook
