#include "template/template_refs.hpp"

#include <string>

#include "template/parser.hpp"
#include "template/template_header.hpp"

namespace rbc::gotmpl {

TemplateRefs collect_refs(std::string_view text) {
  TemplateRefs refs;
  const std::string full = with_rule_header(text);
  parse_template({full, {}, kRuleHeader.size(), &refs});
  return refs;
}

}  // namespace rbc::gotmpl
