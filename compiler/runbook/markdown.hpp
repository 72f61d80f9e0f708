// A thin RAII wrapper over cmark-gfm and the one text primitive the
// runbook reader needs: the plain text of a block with the file offset of
// every byte of it.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diag/source.hpp"

struct cmark_node;

namespace rbc::runbook {

// A parsed Markdown document (GFM: tables, autolinks, strikethrough,
// task lists). Owns the cmark tree.
class MarkdownDoc {
 public:
  // `text` must have the same line structure as the file (front matter
  // blanked, not removed) so cmark's positions are file positions.
  explicit MarkdownDoc(std::string_view text);
  cmark_node* root() const { return root_.get(); }

 private:
  struct Free {
    void operator()(cmark_node* node) const;
  };
  std::unique_ptr<cmark_node, Free> root_;
};

// Plain text with offsets: text[i] was written at file byte offsets[i].
struct PlainText {
  std::string text;
  std::vector<std::size_t> offsets;
  void push(char c, std::size_t offset) {
    text.push_back(c);
    offsets.push_back(offset);
  }
};

// Node kinds the reader distinguishes (cmark's own enums differ between
// core and extension nodes, so they are mapped once here).
enum class NodeKind {
  document, heading, paragraph, list, item, block_quote, code_block, html_block,
  thematic_break, table, table_row, table_cell, text, code, html_inline, softbreak,
  linebreak, emph, strong, strikethrough, link, image, other
};
NodeKind kind_of(cmark_node* node);

// Start/end position of a node as cmark reports it (0 when unknown; an end
// column of 0 means "end of the previous line").
Span node_span(cmark_node* node);

// The plain text of a block's inlines: emphasis marks dropped, code spans
// kept, raw HTML dropped, line breaks as '\n', other whitespace runs folded
// to one space, trimmed. Offsets come from aligning the text with the
// block's source text. Walks iteratively (no recursion on nesting depth).
PlainText plain_text(cmark_node* block, const SourceFile& source);

// A heading's text as GitHub's slugger sees it (the rendered element's
// textContent): literal text and code, blanks kept as written, no raw HTML,
// no image alt text.
std::string heading_text(cmark_node* heading);

}  // namespace rbc::runbook
