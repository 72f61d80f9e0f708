// Every anchor a link can target (heading slugs, HTML ids) and every link
// the page writes.
#include <cmark-gfm.h>

#include <cstring>

#include "runbook/document.hpp"
#include "runbook/read_steps.hpp"
#include "runbook/slug.hpp"

namespace rbc::runbook {

namespace {

// Values of `attr="..."` (or '...') in raw HTML, in order.
void html_attribute_values(std::string_view html, std::string_view attr,
                           std::vector<std::string>& out) {
  std::size_t pos = 0;
  while ((pos = html.find(attr, pos)) != std::string_view::npos) {
    const bool word_start = pos == 0 || html[pos - 1] == ' ' || html[pos - 1] == '\t' ||
                            html[pos - 1] == '\n' || html[pos - 1] == '<';
    std::size_t i = pos + attr.size();
    pos = i;
    if (!word_start) continue;
    while (i < html.size() && html[i] == ' ') ++i;
    if (i >= html.size() || html[i] != '=') continue;
    ++i;
    while (i < html.size() && html[i] == ' ') ++i;
    if (i >= html.size() || (html[i] != '"' && html[i] != '\'')) continue;
    const std::size_t close = html.find(html[i], i + 1);
    if (close == std::string_view::npos) continue;
    out.emplace_back(html.substr(i + 1, close - i - 1));
    pos = close + 1;
  }
}

void html_anchors(std::string_view html, std::vector<std::string>& out) {
  // `name` only names an anchor on <a>; `id` does on any element. Lower-
  // case attributes only, as GitHub's sanitizer keeps them.
  if (html.find("<a ") != std::string_view::npos) html_attribute_values(html, "name", out);
  html_attribute_values(html, "id", out);
}

// `<a href="...">` in raw HTML, placed by searching its value from the
// node's first line.
void html_links(cmark_node* node, std::string_view html, const SourceFile& source,
                std::vector<Link>& out) {
  std::vector<std::string> targets;
  html_attribute_values(html, "href", targets);
  if (targets.empty()) return;
  cmark_node* located = node;
  while (located && !node_span(located).begin.valid()) located = cmark_node_parent(located);
  std::size_t from = located ? source.offset_of({node_span(located).begin.line, 1}) : 0;
  for (std::string& target : targets) {
    Link link{std::move(target), {}};
    const std::size_t at =
        link.target.empty() ? std::string::npos : source.text().find(link.target, from);
    if (at != std::string::npos) {
      link.span = {source.position_at(at), source.position_at(at + link.target.size())};
      from = at + link.target.size();
    }
    out.push_back(std::move(link));
  }
}

// Where a link is written when cmark gives no usable position: the first
// occurrence of its target in the block's lines.
Span locate_link(cmark_node* link, const char* url, const SourceFile& source) {
  Span span = node_span(link);
  const bool plausible =
      span.begin.valid() && span.end.line >= span.begin.line && span.end.column > 0 &&
      span.begin.column <= source.line_text(span.begin.line).size() &&
      span.end.column <= source.line_text(span.end.line).size();
  if (plausible) {
    span.end.column += 1;  // cmark's end column is inclusive
    return span;
  }
  cmark_node* block = link;
  while (block && !node_span(block).begin.valid()) block = cmark_node_parent(block);
  if (!block) return {};
  const Span where = node_span(block);
  const std::size_t begin = source.offset_of(where.begin);
  const std::size_t at = source.text().find(url, begin);
  if (at == std::string::npos || !*url) return {where.begin, where.begin};
  return {source.position_at(at), source.position_at(at + std::strlen(url))};
}

}  // namespace

void collect_anchors_and_links(cmark_node* root, const SourceFile& source, RunbookFile& file,
                               std::map<cmark_node*, std::string>& heading_anchors) {
  Slugger slugger;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    switch (kind_of(node)) {
      case NodeKind::heading: {
        std::string anchor = slugger.next(heading_text(node));
        file.anchors.push_back(anchor);
        heading_anchors.emplace(node, std::move(anchor));
        break;
      }
      case NodeKind::html_block:
      case NodeKind::html_inline:
        if (const char* lit = cmark_node_get_literal(node)) {
          html_anchors(lit, file.anchors);
          html_links(node, lit, source, file.links);
        }
        break;
      case NodeKind::link: {
        const char* url = cmark_node_get_url(node);
        if (!url) url = "";
        file.links.push_back({url, locate_link(node, url, source)});
        break;
      }
      default:
        break;
    }
  }
  cmark_iter_free(iter);
}

}  // namespace rbc::runbook
