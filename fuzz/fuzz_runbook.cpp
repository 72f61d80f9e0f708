// Runbook reader on a Markdown file's bytes (front matter, alert sections,
// fields, tables, links).
#include "diag/diagnostic.hpp"
#include "fuzz_target.hpp"
#include "runbook/read.hpp"

RBC_FUZZ_TARGET(runbook) {
  using namespace rbc;
  const SourceFile source("runbooks/fuzz.md", std::string(fuzz::as_text(data, size)));
  Diagnostics diags;
  runbook::read_runbook(source, diags);
  for (const Diagnostic& d : diags.items()) {
    fuzz::require(!d.span.begin.valid() || d.span.begin.line <= source.line_count());
  }
  return 0;
}
