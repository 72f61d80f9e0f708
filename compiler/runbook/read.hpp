// Markdown -> runbook model (cmark-gfm with the GFM extensions).
#pragma once

#include "diag/diagnostic.hpp"
#include "diag/source.hpp"
#include "runbook/model.hpp"

namespace rbc::runbook {

// Reads one runbook. Invalid UTF-8 and mojibake are read as they are; a
// bad front matter block becomes a diagnostic and reading goes on.
RunbookFile read_runbook(const SourceFile& source, Diagnostics& diags);

}  // namespace rbc::runbook
