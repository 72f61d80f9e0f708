// Every anchor a link can target (heading slugs, HTML ids) and every link
// the page writes.
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <map>

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

bool is_inline(NodeKind kind) {
  switch (kind) {
    case NodeKind::text: case NodeKind::code: case NodeKind::html_inline:
    case NodeKind::softbreak: case NodeKind::linebreak: case NodeKind::emph:
    case NodeKind::strong: case NodeKind::strikethrough: case NodeKind::link:
    case NodeKind::image: case NodeKind::other:
      return true;
    default:
      return false;
  }
}

// Where a link is written: its target in the source lines of its block,
// searched from where the block's previous link ended. cmark's inline
// positions drift after line breaks, so they are only the fallback (for
// reference links, whose target is written elsewhere).
class LinkLocator {
 public:
  explicit LinkLocator(const SourceFile& source) : source_(source) {}

  Span locate(cmark_node* link, const std::string& url) {
    cmark_node* block = cmark_node_parent(link);
    while (block && is_inline(kind_of(block))) block = cmark_node_parent(block);
    const Span where = block ? node_span(block) : Span{};
    if (!where.begin.valid()) return {};
    const std::size_t begin = source_.offset_of(where.begin);
    const std::uint32_t last = std::max(where.end.line, where.begin.line);
    const std::size_t end = last < source_.line_count() ? source_.offset_of({last + 1, 1})
                                                        : source_.text().size();
    std::size_t& cursor = cursors_[block];
    const std::size_t from = std::max(cursor, begin);
    // Autolinked e-mail addresses get "mailto:" added to what was written.
    std::string_view written = url;
    if (written.substr(0, 7) == "mailto:" && source_.text().find(url, from) >= end) {
      written.remove_prefix(7);
    }
    const std::size_t at =
        written.empty() ? std::string::npos : source_.text().find(written, from);
    if (at != std::string::npos && at + written.size() <= end) {
      cursor = at + written.size();
      return {source_.position_at(at), source_.position_at(at + written.size())};
    }
    return fallback(link, where);
  }

 private:
  Span fallback(cmark_node* link, const Span& block) const {
    Span span = node_span(link);
    const bool plausible =
        span.begin.valid() && span.end.line == span.begin.line && span.end.column > 0 &&
        span.end.column <= source_.line_text(span.end.line).size();
    if (!plausible) return {block.begin, block.begin};
    span.end.column += 1;  // cmark's end column is inclusive
    return span;
  }

  const SourceFile& source_;
  std::map<cmark_node*, std::size_t> cursors_;
};

}  // namespace

void collect_anchors_and_links(cmark_node* root, const SourceFile& source, RunbookFile& file,
                               std::map<cmark_node*, std::string>& heading_anchors) {
  Slugger slugger;
  LinkLocator locator(source);
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
      case NodeKind::link:
      case NodeKind::image: {
        const char* url = cmark_node_get_url(node);
        std::string target = url ? url : "";
        Span span = locator.locate(node, target);
        file.links.push_back({std::move(target), span, kind_of(node) == NodeKind::image});
        break;
      }
      default:
        break;
    }
  }
  cmark_iter_free(iter);
}

}  // namespace rbc::runbook
