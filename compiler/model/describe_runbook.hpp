// Runbook (as read) -> what each alert section documents: severity values
// from the configured vocabulary, thresholds, duration and window parsed
// from its condition fields, each placed in the file.
#pragma once

#include "config/config.hpp"
#include "diag/source.hpp"
#include "model/project.hpp"
#include "runbook/model.hpp"

namespace rbc::model {

RunbookInfo describe_runbook(runbook::RunbookFile file, const SourceFile& source,
                             const config::Config& config);

}  // namespace rbc::model
