// A runbook's Markdown as safe HTML: cmark-gfm with the GFM extensions and
// raw HTML disabled (its safe mode also blanks javascript:/data: links),
// plus what GitHub adds and cmark does not: an `id` on every heading,
// exactly GitHub's slug, so `page.html#anchor` works like on GitHub.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "diag/source.hpp"

namespace rbc::emit::site {

struct RenderedMarkdown {
  std::string html;
  std::vector<std::string> heading_ids;  // in document order
};

// HTML to place right after the heading written on `line` with anchor `id`.
using AfterHeading = std::function<std::string(std::uint32_t line, const std::string& id)>;

// Where a link or image URL (already safe) points on the site.
using RewriteUrl = std::function<std::string(const std::string& url)>;

RenderedMarkdown render_markdown(const SourceFile& source, const AfterHeading& after_heading,
                                 const RewriteUrl& rewrite_url = {});

}  // namespace rbc::emit::site
