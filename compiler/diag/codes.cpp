#include "diag/codes.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace rbc {
namespace {

// Codes of the loading stages, one line each, sorted. The checks over the
// project model register theirs in checks/checks.def.
constexpr std::array kCodes{
    CodeInfo{"build/rules", Severity::error,
             "rbc build could not add a runbook link or normalise a severity in an emitted rule file", false},
    CodeInfo{"config/inline-secret", Severity::warning,
             "rbc.yaml holds a secret inline; alertmanager.yml gets a *_file reference instead", false},
    CodeInfo{"config/invalid", Severity::error,
             "rbc.yaml is not valid: a key is unknown or a value has the wrong type", false},
    CodeInfo{"io/read", Severity::error, "a file or directory could not be read", true},
    CodeInfo{"promql/parse", Severity::error,
             "the expression is not valid PromQL (syntax or type error)", true},
    CodeInfo{"rbc/directive", Severity::warning,
             "an `rbc disable`/`disable-file`/`snooze` comment is malformed, names an unknown code or covers nothing",
             false},
    CodeInfo{"rule/duplicate", Severity::warning,
             "two rules in a file have the same name and labels", true},
    CodeInfo{"rule/schema", Severity::error,
             "the rule file's structure is not what Prometheus accepts", true},
    CodeInfo{"rule/template", Severity::error,
             "a label or annotation is not a valid Go template", true},
    CodeInfo{"yaml/parse", Severity::error, "the file is not well-formed YAML", true},
};

}  // namespace

std::span<const CodeInfo> all_codes() {
  static const std::vector<CodeInfo> codes = [] {
    std::vector<CodeInfo> out(kCodes.begin(), kCodes.end());
    for (const CodeInfo& info : registered_check_codes()) out.push_back(info);
    std::sort(out.begin(), out.end(),
              [](const CodeInfo& a, const CodeInfo& b) { return a.code < b.code; });
    return out;
  }();
  return codes;
}

const CodeInfo* find_code(std::string_view code) {
  const std::span<const CodeInfo> codes = all_codes();
  auto it = std::find_if(codes.begin(), codes.end(),
                         [&](const CodeInfo& info) { return info.code == code; });
  return it == codes.end() ? nullptr : &*it;
}

std::string doc_page_path(std::string_view code) {
  std::string name(code);
  std::replace(name.begin(), name.end(), '/', '-');
  return "docs/checks/" + name + ".md";
}

}  // namespace rbc
