#include "emit/site_markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstring>
#include <memory>
#include <mutex>

#include "emit/site_html.hpp"
#include "runbook/front_matter.hpp"
#include "runbook/markdown.hpp"
#include "runbook/slug.hpp"

namespace rbc::emit::site {
namespace {

struct Heading {
  std::uint32_t line = 0;
  std::string id;
};

struct ParserFree {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

// The same text the runbook reader parses (BOM and front matter blanked,
// line structure kept), so headings, lines and slugs agree with the model.
std::string markdown_text(const SourceFile& source) {
  Diagnostics ignored;  // `rbc check` already reported a bad front matter
  const runbook::FrontMatter fm = runbook::read_front_matter(source, ignored);
  std::string text = source.text();
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.replace(0, 3, "   ");
  if (fm.present) {
    for (std::size_t i = fm.begin; i < fm.end && i < text.size(); ++i) {
      if (text[i] != '\n') text[i] = ' ';
    }
  }
  return text;
}

std::unique_ptr<cmark_parser, ParserFree> make_parser() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  std::unique_ptr<cmark_parser, ParserFree> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  for (const char* name : {"table", "autolink", "strikethrough", "tasklist", "tagfilter"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  return parser;
}

// cmark's safe mode already blanks javascript:, vbscript:, file: and most
// data: URLs; it keeps data:image/..., and browsers ignore blanks and
// control characters inside a scheme. Runbooks are untrusted, so any of
// these schemes is blanked here, whatever cmark's version does.
bool dangerous_url(const char* url) {
  if (!url) return false;
  std::string scheme;
  for (const char* p = url; *p && *p != ':' && scheme.size() < 16; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c <= 0x20 || c == 0x7f) continue;
    scheme.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  const char* colon = std::strchr(url, ':');
  if (!colon) return false;
  return scheme == "javascript" || scheme == "vbscript" || scheme == "data" || scheme == "file";
}

// Every link and image URL: dangerous schemes blanked, then `rewrite` (if
// any) decides where the rest point on the site.
void rewrite_urls(cmark_node* root, const RewriteUrl& rewrite) {
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER) continue;
    const runbook::NodeKind kind = runbook::kind_of(node);
    if (kind != runbook::NodeKind::link && kind != runbook::NodeKind::image) continue;
    const char* url = cmark_node_get_url(node);
    if (dangerous_url(url)) {
      cmark_node_set_url(node, "");
    } else if (url && rewrite) {
      const std::string to = rewrite(url);
      if (to != url) cmark_node_set_url(node, to.c_str());
    }
  }
  cmark_iter_free(iter);
}

std::vector<Heading> collect_headings(cmark_node* root) {
  std::vector<Heading> headings;
  runbook::Slugger slugger;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER || runbook::kind_of(node) != runbook::NodeKind::heading) continue;
    const int line = cmark_node_get_start_line(node);
    headings.push_back(
        {static_cast<std::uint32_t>(line > 0 ? line : 0), slugger.next(runbook::heading_text(node))});
  }
  cmark_iter_free(iter);
  return headings;
}

// Position of the next "<hN>" that cmark wrote. Raw HTML is omitted and
// text is escaped in safe mode, so every such tag is a heading of ours.
std::size_t find_heading_open(const std::string& html, std::size_t from, char& level) {
  for (std::size_t pos = html.find("<h", from); pos != std::string::npos; pos = html.find("<h", pos + 2)) {
    if (pos + 3 < html.size() && html[pos + 2] >= '1' && html[pos + 2] <= '6' && html[pos + 3] == '>') {
      level = html[pos + 2];
      return pos;
    }
  }
  return std::string::npos;
}

std::string add_heading_ids(const std::string& html, const std::vector<Heading>& headings,
                            const AfterHeading& after_heading) {
  std::string out;
  out.reserve(html.size() + headings.size() * 32);
  std::size_t done = 0;
  for (const Heading& heading : headings) {
    char level = '1';
    const std::size_t open = find_heading_open(html, done, level);
    if (open == std::string::npos) break;
    const std::string close_tag = std::string("</h") + level + ">";
    const std::size_t close = html.find(close_tag, open);
    if (close == std::string::npos) break;
    out.append(html, done, open + 3 - done);
    out += " id=\"" + escape(heading.id) + "\"";
    const std::size_t after = close + close_tag.size();
    out.append(html, open + 3, after - (open + 3));
    if (after_heading) out += after_heading(heading.line, heading.id);
    done = after;
  }
  out.append(html, done, std::string::npos);
  return out;
}

}  // namespace

RenderedMarkdown render_markdown(const SourceFile& source, const AfterHeading& after_heading,
                                 const RewriteUrl& rewrite_url) {
  const std::string text = markdown_text(source);
  auto parser = make_parser();
  cmark_parser_feed(parser.get(), text.data(), text.size());
  std::unique_ptr<cmark_node, NodeFree> root(cmark_parser_finish(parser.get()));
  RenderedMarkdown result;
  if (!root) return result;
  rewrite_urls(root.get(), rewrite_url);
  const std::vector<Heading> headings = collect_headings(root.get());
  std::unique_ptr<char, decltype(&free)> html(
      cmark_render_html(root.get(), CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser.get())),
      &free);
  result.html = add_heading_ids(html ? html.get() : "", headings, after_heading);
  for (const Heading& h : headings) result.heading_ids.push_back(h.id);
  return result;
}

}  // namespace rbc::emit::site
