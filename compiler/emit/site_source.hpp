// A rule file as a page: every line numbered and anchored ("#L42"), the
// target of the rule cards' source links.
#pragma once

#include <string>

#include "diag/source.hpp"

namespace rbc::emit::site {

std::string render_source_page(const std::string& page_path, const std::string& title,
                               const SourceFile* source);

}  // namespace rbc::emit::site
