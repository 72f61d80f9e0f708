// Resolving a runbook link offline. Decisions (see also link_files.hpp):
// * Query strings are ignored; the fragment is the anchor, percent-decoded.
// * "#L10" / "#L10-L20" (GitHub line links) and "#user-content-x" (GitHub's
//   own id prefix) are accepted when the file is found.
// * A file found on disk that rbc did not read as a runbook (an image, a
//   Markdown file outside runbook_paths) resolves; its anchors are unknown,
//   so they are not checked.
// * "/x.md" is relative to the project root (config.root), as on GitHub.
// * A link holding whitespace, with a non-URL scheme (mailto:), or with
//   neither '/' nor ".md" is prose, not a link.
#include "model/link_resolve.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include "diag/suggest.hpp"
#include "model/link_files.hpp"
#include "model/link_template.hpp"
#include "model/url.hpp"

namespace rbc::model {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool looks_like_link(std::string_view text) {
  if (text.empty() || url::is_other_scheme(text)) return false;
  if (std::any_of(text.begin(), text.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }))
    return false;
  if (url::is_absolute_url(text) || text.front() == '#') return true;
  return text.find('/') != std::string_view::npos || url::ascii_lower(text).find(".md") != std::string::npos;
}

// The mapping whose prefix is the longest match for `link` (a prefix
// "…/runbooks/" also matches the bare "…/runbooks").
const config::UrlMapping* mapping_for(std::string_view link, const config::Config& config) {
  const config::UrlMapping* best = nullptr;
  for (const auto& m : config.url_mappings) {
    std::string_view prefix = m.prefix;
    const bool matches = link.starts_with(prefix) ||
                         (prefix.ends_with('/') && link == prefix.substr(0, prefix.size() - 1));
    if (matches && (!best || prefix.size() > best->prefix.size())) best = &m;
  }
  return best;
}

std::string join(std::string_view folder, std::string_view rest) {
  if (folder.empty()) return std::string(rest);
  std::string out(folder);
  if (!out.ends_with('/') && !rest.starts_with('/')) out += '/';
  out += rest;
  return out;
}

std::string_view folder_of(std::string_view file) {
  const std::size_t slash = file.rfind('/');
  if (slash == std::string_view::npos) return ".";
  return slash == 0 ? std::string_view("/") : file.substr(0, slash);
}

// Consumes `letter` and one or more digits from the front of `s`.
bool take_number(std::string_view& s, char letter) {
  if (s.empty() || s.front() != letter) return false;
  std::size_t n = 1;
  while (n < s.size() && std::isdigit(static_cast<unsigned char>(s[n]))) ++n;
  if (n == 1) return false;
  s.remove_prefix(n);
  return true;
}

// GitHub's line anchors: L10, L10C3, L10-L20, L10C3-L20C5.
bool is_line_anchor(std::string_view anchor) {
  auto position = [](std::string_view& s) {
    if (!take_number(s, 'L')) return false;
    if (!s.empty() && s.front() == 'C') return take_number(s, 'C');
    return true;
  };
  if (!position(anchor)) return false;
  if (anchor.empty()) return true;
  if (anchor.front() != '-') return false;
  anchor.remove_prefix(1);
  return position(anchor) && anchor.empty();
}

// Checks `r.anchor` against the anchors of the found, indexed file.
void check_anchor(LinkResolution& r, const std::vector<std::string>& anchors) {
  if (r.anchor.empty() || is_line_anchor(r.anchor)) return;
  std::string wanted = r.anchor;
  auto has = [&](const std::string& a) { return std::find(anchors.begin(), anchors.end(), a) != anchors.end(); };
  if (!has(wanted) && wanted.starts_with("user-content-") && has(wanted.substr(13))) wanted = wanted.substr(13);
  if (has(wanted)) return;
  const std::string lower = url::ascii_lower(wanted);
  for (const auto& a : anchors) {
    if (url::ascii_lower(a) == lower) {
      r.status = LinkStatus::resolved_case_insensitive;
      r.suggestion = a;
      return;
    }
  }
  r.status = LinkStatus::missing_anchor;
  std::vector<std::string_view> names(anchors.begin(), anchors.end());
  const std::size_t max_distance = std::max<std::size_t>(2, wanted.size() / 4);
  if (auto best = closest_match(lower, names, max_distance)) r.suggestion = *best;
}

// The file path a link asks for, or "" when it is not checked (unmapped).
std::string target_path(LinkResolution& r, std::string_view base, const LinkContext& context,
                        const config::Config& config) {
  if (url::is_absolute_url(r.url)) {
    const config::UrlMapping* m = mapping_for(r.url, config);
    if (!m) return {};
    const std::string_view rest = base.size() > m->prefix.size() ? base.substr(m->prefix.size()) : "";
    // load_config makes folders absolute; a hand-built Config may not have.
    const bool relative = !m->folder.starts_with('/') && !config.root.empty();
    const std::string folder = relative ? join(config.root, m->folder) : m->folder;
    return join(folder, url::percent_decode(rest));
  }
  const std::string rel = url::percent_decode(base);
  if (rel.empty()) return context.rule_file;  // "#anchor": the same file
  if (rel.front() == '/') return join(config.root.empty() ? "." : config.root, rel);
  return join(folder_of(context.rule_file), rel);
}

// A bare relative path ("docs/x.md", not "./x" or "../x") looked up from
// each folder above the rule file's, nearest first.
std::optional<FoundFile> find_in_parent_folders(const std::string& url_text, std::string_view base,
                                                const LinkContext& context, const RunbookIndex& index) {
  if (url::is_absolute_url(url_text) || base.empty() || base.front() == '/' || base.starts_with("./") ||
      base.starts_with("../"))
    return std::nullopt;
  const std::string rel = url::percent_decode(base);
  std::string folder = absolute_normal(folder_of(context.rule_file));
  for (int depth = 0; depth < 32 && folder.size() > 1; ++depth) {
    const std::size_t slash = folder.rfind('/');
    folder = slash == 0 ? std::string("/") : folder.substr(0, slash);
    if (auto found = find_link_file(join(folder, rel), index)) return found;
    if (folder == "/") break;
  }
  return std::nullopt;
}

}  // namespace

std::string normalize_path(std::string_view path) {
  const bool absolute = path.starts_with('/');
  std::vector<std::string_view> parts;
  std::size_t pos = 0;
  while (pos <= path.size()) {
    std::size_t end = path.find('/', pos);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view part = path.substr(pos, end - pos);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!absolute) {
        parts.push_back(part);  // above the start of a relative path: keep
      }
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    pos = end + 1;
  }
  std::string out = absolute ? "/" : "";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += '/';
    out += parts[i];
  }
  return out.empty() ? "." : out;
}

LinkResolution resolve_link(std::string_view link, const LinkContext& context,
                            const config::Config& config, const RunbookIndex& index) {
  LinkResolution r;
  const LinkExpansion expansion = expand_link_template(trim(link), context);
  r.url = std::string(trim(expansion.text));
  if (expansion.outcome == ExpansionOutcome::unknown) {
    r.status = LinkStatus::unknown_template;
    return r;
  }
  if (expansion.outcome == ExpansionOutcome::empty_alertname) {
    r.status = LinkStatus::empty_expansion;
    r.suggestion = expansion.with_alert_name;
    return r;
  }
  if (!looks_like_link(r.url)) {
    r.status = LinkStatus::not_a_link;
    return r;
  }
  const url::Reference ref = url::split_reference(r.url);
  r.anchor = url::percent_decode(ref.fragment);
  const std::string path = target_path(r, ref.base, context, config);
  if (path.empty()) {
    r.status = LinkStatus::unmapped_url;
    r.host = url::host_of(r.url);
    return r;
  }
  std::optional<FoundFile> found = find_link_file(path, index);
  if (!found && context.try_parent_folders) found = find_in_parent_folders(r.url, ref.base, context, index);
  if (!found) {
    r.status = LinkStatus::missing_file;
    r.file = absolute_normal(path);
    if (context.want_suggestion) r.suggestion = closest_file(path, index);
    return r;
  }
  r.file = found->file;
  const config::UrlMapping* mapping = url::is_absolute_url(r.url) ? mapping_for(r.url, config) : nullptr;
  const bool site_ignores_case = mapping != nullptr && mapping->ignore_case;
  r.status = found->case_insensitive && !site_ignores_case ? LinkStatus::resolved_case_insensitive
                                                           : LinkStatus::resolved;
  if (found->indexed) check_anchor(r, index.anchors_by_file.find(found->file)->second);
  return r;
}

}  // namespace rbc::model
