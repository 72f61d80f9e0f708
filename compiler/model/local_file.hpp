// Where a link or image written in a runbook points on disk, and whether
// that is inside the project: the site copies files inside it and refuses
// the rest (`../../etc/passwd` is reported by runbook/outside-root and
// never copied, even through a symlink).
#pragma once

#include <string>
#include <string_view>

#include "config/config.hpp"

namespace rbc::model {

enum class LocalPlace {
  not_a_file,  // "#anchor", "https://…", "mailto:…", "" or a bare "?query"
  inside,      // a path in the project root (existing or not)
  outside,     // leaves the project root, as written or through a symlink
};

struct LocalTarget {
  LocalPlace place = LocalPlace::not_a_file;
  std::string absolute;  // normalised, percent-decoded absolute path
  std::string relative;  // '/'-separated, relative to the project root (inside only)
  std::string root;      // the project root it was measured against
};

// `link` as written in the runbook `runbook_path`: relative to the runbook's
// folder, or to the project root when it starts with '/' (as on GitHub).
// The project root is rbc.yaml's folder (config.root), else the working
// directory.
LocalTarget local_target(std::string_view link, std::string_view runbook_path, const config::Config& config);

}  // namespace rbc::model
