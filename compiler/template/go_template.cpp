#include "template/go_template.hpp"

#include <string>

#include "template/parser.hpp"
#include "template/template_header.hpp"

namespace rbc::gotmpl {

std::optional<TemplateError> check_syntax(std::string_view text, std::string_view parse_name) {
  const std::string full = with_rule_header(text);
  auto error = parse_template({full, parse_name, 0, nullptr});
  if (error) error->offset = error->offset >= kRuleHeader.size() ? error->offset - kRuleHeader.size() : 0;
  return error;
}

std::string promtool_message(const TemplateError& error, std::string_view alert_name) {
  return "template: __alert_" + std::string(alert_name) + ":" + std::to_string(error.line) + ": " + error.message;
}

}  // namespace rbc::gotmpl
