// One-line escaping for expressions and messages stored in TSV fixtures and
// caches: backslash, tab, LF, CR and other control bytes become escapes
// (\\ \t \n \r \xHH); everything else, UTF-8 included, is kept as is.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rbc::oracle {

std::string tsv_escape(std::string_view raw);
std::string tsv_unescape(std::string_view escaped);

// Splits one line on tabs (fields are escaped, so they hold no raw tab).
std::vector<std::string> tsv_fields(std::string_view line);

}  // namespace rbc::oracle
