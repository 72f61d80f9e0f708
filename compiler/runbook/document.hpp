// The reader's view of one parsed page, shared by the steps that find
// alert sections: top-level blocks, the heading outline, front matter.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "diag/source.hpp"
#include "runbook/fields.hpp"
#include "runbook/front_matter.hpp"
#include "runbook/markdown.hpp"
#include "runbook/model.hpp"

namespace rbc::runbook {

// A top-level heading and the extent of its section.
struct HeadingEntry {
  cmark_node* node = nullptr;
  std::size_t block = 0;    // index in Page::blocks
  std::size_t end_block = 0;  // first block after the section
  std::size_t end_heading = 0;  // first heading after the section
  int level = 0;
  std::uint32_t line = 0;
  PlainText text;
  std::string anchor;
  std::vector<LabelledField> fields;  // fields of its own body (up to the next heading)
};

struct Page {
  const SourceFile& source;
  FrontMatter front_matter;
  std::vector<cmark_node*> blocks;  // the document's children, in order
  std::vector<HeadingEntry> headings;
  std::string title;
};

// Fields in the paragraphs of blocks [begin, end): top-level paragraphs,
// block quotes and the first level of list items.
std::vector<LabelledField> block_fields(const Page& page, std::size_t begin, std::size_t end);

// The file position where blocks[end) stops (end of the last line before).
Position section_end(const Page& page, std::size_t end_block);

// Alert sections written as headings (names in the heading, in a field, in
// a code span, or in words).
std::vector<Section> heading_sections(const Page& page);

// One section per row of summary tables (| Alert | Severity | ... |).
std::vector<Section> table_sections(const Page& page);

// The page itself as one alert section, when the page is about one alert.
bool page_section(const Page& page, Section& out);

}  // namespace rbc::runbook
