// Small HTML building blocks shared by the site pages. Everything that
// comes from a user's file goes through escape(): runbooks and rules are
// untrusted input.
#pragma once

#include <string>
#include <string_view>

namespace rbc::emit::site {

// Text for element content and quoted attribute values (& < > " ').
std::string escape(std::string_view text);

// A document with rbc's header: title, stylesheet (relative), optional
// inline script (rbc's own, never user text).
struct PageFrame {
  std::string page_path;  // output path of the page, for relative links
  std::string title;      // plain text, escaped here
  std::string nav;        // ready HTML for the top bar after the brand
  std::string body;       // ready HTML
  std::string script;     // ready JS or ""
};
std::string render_page(const PageFrame& frame);

// Output paths of the shared files.
inline constexpr std::string_view kIndexPath = "site/index.html";
inline constexpr std::string_view kStylePath = "site/assets/rbc.css";

// A badge for a severity value ("critical" -> red). Unknown values get a
// neutral badge; the text is escaped.
std::string severity_badge(std::string_view severity);

}  // namespace rbc::emit::site
