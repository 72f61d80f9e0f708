// Where each artifact goes inside the output folder, shared by the
// emitters so that links between them (rules -> site pages) agree.
#pragma once

#include <string>

#include "config/config.hpp"

namespace rbc::emit {

// An input file's path relative to the project root (config.root), '/'-separated,
// never escaping it: "rules/api.yml". Inputs outside the root keep their
// path relative to the working directory, with leading "../" dropped.
std::string project_relative(const std::string& input_path, const config::Config& config);

// "rules/<project-relative path>" for a rule file.
std::string rules_output_path(const std::string& rule_file, const config::Config& config);

// "site/<project-relative path with .md/.markdown/.txt replaced by .html>".
std::string site_page_path(const std::string& runbook_file, const config::Config& config);

// A relative link from one output file to another: ("rules/a/x.yml",
// "site/runbook.html") -> "../../site/runbook.html".
std::string relative_link(const std::string& from_output, const std::string& to_output);

}  // namespace rbc::emit
