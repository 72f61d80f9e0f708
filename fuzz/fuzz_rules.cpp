// Rule-file loader on a file's bytes: classification, loading (plain rule
// files and PrometheusRule) and every diagnostic's position inside the file.
#include "diag/diagnostic.hpp"
#include "fuzz_target.hpp"
#include "rules/load.hpp"

RBC_FUZZ_TARGET(rules) {
  using namespace rbc;
  const SourceFile source("fuzz.yaml", std::string(fuzz::as_text(data, size)));
  rules::classify(source);
  Diagnostics diags;
  const rules::LoadedFile file = rules::load_rule_file(source, diags);
  for (const rules::RuleRef& ref : rules::all_rules(file)) fuzz::require(ref.rule != nullptr);
  for (const Diagnostic& d : diags.items()) {
    fuzz::require(!d.span.begin.valid() || d.span.begin.line <= source.line_count());
  }
  return 0;
}
