#include "rules/context.hpp"

namespace rbc::rules {

void Context::report(std::string_view code, Span span, std::string message, Severity severity) {
  Diagnostic d;
  d.code = std::string(code);
  d.severity = severity;
  d.file = source().path();
  d.span = span;
  d.message = std::move(message);
  d.group = group_;
  d.rule = rule_;
  if (severity == Severity::error) ++errors_;
  diags_.add(std::move(d));
}

}  // namespace rbc::rules
