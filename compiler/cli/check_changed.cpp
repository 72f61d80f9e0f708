// rbc check: the changed step (see cli/check_flags.hpp).
#include "cli/check_flags.hpp"

namespace rbc::cli {

void add_changed_flags(CLI::App& /*cmd*/, CheckFlags& /*flags*/) {}

std::optional<int> keep_changed(CheckRun& /*run*/, const CheckFlags& /*flags*/) { return std::nullopt; }

}  // namespace rbc::cli
