// The function names a template may call when promtool 2.42 parses it:
// Go 1.19's text/template builtins plus Prometheus 2.42's template
// functions (checked one by one against promtool).
#pragma once

#include <span>
#include <string_view>

namespace rbc::gotmpl {

bool is_template_function(std::string_view name);
std::span<const std::string_view> go_builtin_functions();
std::span<const std::string_view> prometheus_template_functions();

}  // namespace rbc::gotmpl
