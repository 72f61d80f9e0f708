// read_runbook: front matter, Markdown tree, heading outline, then the
// three ways a page documents alerts (headings, table rows, the page).
#include "runbook/read.hpp"

#include <cmark-gfm.h>

#include <algorithm>
#include <map>

#include "runbook/document.hpp"
#include "runbook/read_steps.hpp"

namespace rbc::runbook {

namespace {

// The text cmark parses: the file with its BOM and front matter blanked
// (not removed), so every cmark position is a file position.
std::string markdown_text(const SourceFile& source, const FrontMatter& fm) {
  std::string text = source.text();
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.replace(0, 3, "   ");
  if (fm.present) {
    for (std::size_t i = fm.begin; i < fm.end && i < text.size(); ++i) {
      if (text[i] != '\n') text[i] = ' ';
    }
  }
  return text;
}

std::vector<cmark_node*> top_level_blocks(cmark_node* root) {
  std::vector<cmark_node*> blocks;
  for (cmark_node* node = cmark_node_first_child(root); node; node = cmark_node_next(node)) {
    blocks.push_back(node);
  }
  return blocks;
}

void build_outline(Page& page, const std::map<cmark_node*, std::string>& anchors) {
  for (std::size_t b = 0; b < page.blocks.size(); ++b) {
    cmark_node* node = page.blocks[b];
    if (kind_of(node) != NodeKind::heading) continue;
    HeadingEntry h;
    h.node = node;
    h.block = b;
    h.level = cmark_node_get_heading_level(node);
    h.line = node_span(node).begin.line;
    h.text = plain_text(node, page.source);
    std::replace(h.text.text.begin(), h.text.text.end(), '\n', ' ');
    if (auto it = anchors.find(node); it != anchors.end()) h.anchor = it->second;
    page.headings.push_back(std::move(h));
  }
  // Section ends: the next heading of the same or a higher level.
  const std::size_t n = page.headings.size();
  std::vector<std::size_t> open;  // indexes of headings whose section is still open
  for (std::size_t i = 0; i <= n; ++i) {
    const int level = i < n ? page.headings[i].level : 0;
    while (!open.empty() && page.headings[open.back()].level >= level) {
      HeadingEntry& done = page.headings[open.back()];
      done.end_heading = i;
      done.end_block = i < n ? page.headings[i].block : page.blocks.size();
      open.pop_back();
    }
    if (i < n) open.push_back(i);
  }
  for (std::size_t i = 0; i < n; ++i) {
    HeadingEntry& h = page.headings[i];
    const std::size_t body_end = i + 1 < n ? page.headings[i + 1].block : page.blocks.size();
    h.fields = block_fields(page, h.block + 1, body_end);
    // "#### Severity" + "critical": a field written as a heading and its paragraph.
    const LabelKind kind = classify_label(h.text.text);
    const bool value_below = h.block + 1 < body_end &&
                             kind_of(page.blocks[h.block + 1]) == NodeKind::paragraph;
    if ((kind == LabelKind::severity || kind == LabelKind::condition) && value_below) {
      const PlainText value = plain_text(page.blocks[h.block + 1], page.source);
      Field field = make_field(h.text.text, value, 0, value.text.size(), page.source);
      if (!field.text.empty()) h.fields.insert(h.fields.begin(), {kind, std::move(field)});
    }
  }
}

void add_paragraph_fields(const Page& page, cmark_node* para, std::vector<LabelledField>& out) {
  if (kind_of(para) != NodeKind::paragraph) return;
  std::vector<LabelledField> found = line_fields(plain_text(para, page.source), page.source);
  out.insert(out.end(), std::make_move_iterator(found.begin()),
             std::make_move_iterator(found.end()));
}

// A section holding only the page's title heading is not "inside" the page.
bool only_title_section(const Page& page, const std::vector<Section>& sections) {
  if (sections.empty()) return true;
  return sections.size() == 1 && sections[0].level == 1 && !page.headings.empty() &&
         sections[0].line == page.headings.front().line;
}

}  // namespace

std::vector<LabelledField> block_fields(const Page& page, std::size_t begin, std::size_t end) {
  std::vector<LabelledField> out;
  for (std::size_t b = begin; b < end && b < page.blocks.size(); ++b) {
    cmark_node* block = page.blocks[b];
    switch (kind_of(block)) {
      case NodeKind::paragraph:
        add_paragraph_fields(page, block, out);
        break;
      case NodeKind::block_quote:
        for (cmark_node* c = cmark_node_first_child(block); c; c = cmark_node_next(c)) {
          add_paragraph_fields(page, c, out);
        }
        break;
      case NodeKind::list:
        for (cmark_node* item = cmark_node_first_child(block); item; item = cmark_node_next(item)) {
          for (cmark_node* c = cmark_node_first_child(item); c; c = cmark_node_next(c)) {
            add_paragraph_fields(page, c, out);
          }
        }
        break;
      default:
        break;
    }
  }
  return out;
}

Position section_end(const Page& page, std::size_t end_block) {
  const SourceFile& source = page.source;
  std::uint32_t last_line = source.line_count();
  if (end_block < page.blocks.size()) {
    last_line = node_span(page.blocks[end_block]).begin.line;
    last_line = last_line > 1 ? last_line - 1 : 1;
  }
  // Trailing blank lines belong to no section.
  const auto blank = [&](std::uint32_t line) {
    return source.line_text(line).find_first_not_of(" \t") == std::string_view::npos;
  };
  while (last_line > 1 && blank(last_line)) {
    --last_line;
  }
  return {last_line, static_cast<std::uint32_t>(source.line_text(last_line).size() + 1)};
}

RunbookFile read_runbook(const SourceFile& source, Diagnostics& diags) {
  RunbookFile file;
  file.path = source.path();
  Page page{source, read_front_matter(source, diags), {}, {}, {}};
  const MarkdownDoc doc(markdown_text(source, page.front_matter));
  std::map<cmark_node*, std::string> anchors;
  collect_anchors_and_links(doc.root(), source, file, anchors);
  page.blocks = top_level_blocks(doc.root());
  if (const Field* title = page.front_matter.find("title")) page.title = title->text;
  build_outline(page, anchors);
  if (page.title.empty() && !page.headings.empty()) page.title = page.headings.front().text.text;
  file.title = page.title;

  std::vector<Section> sections = heading_sections(page);
  std::vector<Section> rows = table_sections(page);
  sections.insert(sections.end(), std::make_move_iterator(rows.begin()),
                  std::make_move_iterator(rows.end()));
  Section whole;
  if (only_title_section(page, sections) && page_section(page, whole)) {
    sections.assign(1, std::move(whole));
  }
  std::stable_sort(sections.begin(), sections.end(),
                   [](const Section& a, const Section& b) { return a.line < b.line; });
  file.sections = std::move(sections);
  return file;
}

}  // namespace rbc::runbook
