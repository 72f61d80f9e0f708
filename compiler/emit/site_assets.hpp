// The site's stylesheet and the index's filter script (rbc's own text,
// no network, works from file://).
#pragma once

#include <string_view>

namespace rbc::emit::site {

std::string_view stylesheet();
std::string_view filter_script();

}  // namespace rbc::emit::site
