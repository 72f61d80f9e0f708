// The catalogue of diagnostic codes: stable name, default severity, summary.
// Each code has its page in docs/checks/<group>-<name>.md.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace rbc {

struct CodeInfo {
  std::string_view code;
  Severity default_severity;
  std::string_view summary;
  // Counted for promtool parity ("same verdict as promtool").
  bool promtool_parity;
};

// Every code: the loading stages' and the registered checks', sorted.
std::span<const CodeInfo> all_codes();
// The checks' codes; defined by the checks stage (checks/registry.cpp).
std::vector<CodeInfo> registered_check_codes();
const CodeInfo* find_code(std::string_view code);
// "rule/schema" -> "docs/checks/rule-schema.md" (relative to the source tree).
std::string doc_page_path(std::string_view code);

}  // namespace rbc
