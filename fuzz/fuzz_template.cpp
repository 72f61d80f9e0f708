// Go text/template syntax check of label and annotation values: any bytes
// are accepted or rejected with an error inside the text.
#include "fuzz_target.hpp"
#include "template/go_template.hpp"

RBC_FUZZ_TARGET(template) {
  using namespace rbc;
  const std::string_view text = fuzz::as_text(data, size);
  const std::optional<gotmpl::TemplateError> error = gotmpl::check_syntax(text, "__alert_Fuzz");
  if (!error) return 0;
  fuzz::require(error->offset <= text.size() && error->line >= 1);
  fuzz::require(!gotmpl::promtool_message(*error, "Fuzz").empty());
  return 0;
}
