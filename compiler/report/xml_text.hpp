// Escaping for the XML report formats (junit, checkstyle).
#pragma once

#include <string>
#include <string_view>

namespace rbc::report {

// Appends `text` escaped for use inside an XML 1.0 attribute value (in
// double quotes) or element content. Characters XML 1.0 cannot carry at
// all (control bytes other than tab/LF/CR, invalid UTF-8, U+FFFE/U+FFFF)
// become U+FFFD, so the document is always well-formed. In attributes, tab,
// LF and CR are written as character references: parsers would otherwise
// normalise them to spaces.
void append_xml_escaped(std::string& out, std::string_view text, bool attribute);

std::string xml_attr(std::string_view text);
std::string xml_text(std::string_view text);

}  // namespace rbc::report
