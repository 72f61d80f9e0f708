// rbc check: the fix step (see cli/check_flags.hpp).
#include "cli/check_flags.hpp"

namespace rbc::cli {

void add_fix_flags(CLI::App& /*cmd*/, CheckFlags& /*flags*/) {}

std::optional<int> apply_fixes(CheckRun& /*run*/, const CheckFlags& /*flags*/) { return std::nullopt; }

}  // namespace rbc::cli
