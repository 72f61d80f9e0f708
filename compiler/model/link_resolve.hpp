// Offline resolution of a rule's runbook link (`runbook_url`, `runbook`) to
// a runbook file and anchor: relative paths against the rule file, absolute
// URLs through rbc.yaml's URL-prefix mappings, Go-templated URLs expanded
// where the value is known.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"

namespace rbc::model {

// The runbooks rbc has read: normalised path -> its anchors, in order.
struct RunbookIndex {
  std::map<std::string, std::vector<std::string>, std::less<>> anchors_by_file;
  // ASCII-lower-cased absolute key -> key, for case-insensitive lookups
  // without a scan; filled by index_case_folded() (optional: without it the
  // resolver scans, which is fine for small hand-made indexes).
  std::map<std::string, std::string, std::less<>> key_by_folded;
};

// Fills RunbookIndex::key_by_folded from anchors_by_file (absolute keys).
void index_case_folded(RunbookIndex& index);

enum class LinkStatus {
  resolved,                  // file (and anchor, if any) exist
  resolved_case_insensitive, // only a case-insensitive match exists: warn
  missing_file,              // points into a checked folder, no such file
  missing_anchor,            // the file exists, the anchor does not
  unmapped_url,              // absolute URL with no mapping: not checked
  unknown_template,          // templated with values not known statically
  empty_expansion,           // uses $labels.alertname, which is empty in annotations
  not_a_link,                // "NA", "", prose
};

struct LinkResolution {
  LinkStatus status = LinkStatus::not_a_link;
  std::string url;         // after template expansion
  std::string file;        // normalised path of the runbook file, when found
  std::string anchor;      // anchor asked for ("" when none)
  std::string suggestion;  // closest existing file or anchor, for messages
  std::string host;        // for unmapped_url
};

struct LinkContext {
  std::string rule_file;   // path of the rule file the annotation is in
  std::string alert_name;  // for expanding {{ $labels.alertname }}-like values (see status)
  // Label values known statically (the rule's own labels), for templates.
  std::map<std::string, std::string, std::less<>> labels;
  // Computing "did you mean" compares against every runbook: callers that
  // do not show it (runbook/dead-link) switch it off.
  bool want_suggestion = true;
  // A rule annotation's bare relative path ("docs/api/README.md", as GitLab
  // writes them) may be relative to the repository root rather than to the
  // rule file: when it is not found beside the rule file, each folder above
  // is tried. Links inside Markdown are file-relative only (as on GitHub).
  bool try_parent_folders = true;
};

LinkResolution resolve_link(std::string_view url, const LinkContext& context,
                            const config::Config& config, const RunbookIndex& index);

// Path normalisation shared by the index and the resolver ("a/./b/../c.md" -> "a/c.md").
std::string normalize_path(std::string_view path);

}  // namespace rbc::model
