#include "emit/site_source.hpp"

#include "emit/site_html.hpp"

namespace rbc::emit::site {

std::string render_source_page(const std::string& page_path, const std::string& title,
                               const SourceFile* source) {
  std::string body = "<h1 class=\"source-title\">" + escape(title) + "</h1>\n";
  if (!source) {
    body += "<p class=\"muted\">The file could not be read.</p>\n";
  } else {
    body += "<table class=\"source\"><tbody>\n";
    for (std::uint32_t line = 1; line <= source->line_count(); ++line) {
      const std::string n = std::to_string(line);
      body += "<tr id=\"L" + n + "\"><td class=\"ln\"><a href=\"#L" + n + "\">" + n +
              "</a></td><td class=\"lc\">" + escape(source->line_text(line)) + "</td></tr>\n";
    }
    body += "</tbody></table>\n";
  }
  return render_page({page_path, title, " <span class=\"crumb\">/ " + escape(title) + "</span>", body, ""});
}

}  // namespace rbc::emit::site
