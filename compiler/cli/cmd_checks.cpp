// `rbc checks` lists the diagnostic codes; `rbc explain CODE` prints a page.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <string>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "diag/check_docs.hpp"
#include "diag/codes.hpp"

namespace rbc::cli {
namespace {

const CheckDoc* find_doc(std::string_view code) {
  std::string name(code);
  std::replace(name.begin(), name.end(), '/', '-');
  for (const CheckDoc& doc : check_docs()) {
    if (doc.name == name) return &doc;
  }
  return nullptr;
}

}  // namespace

void add_checks(CLI::App& app, int& exit_status) {
  CLI::App* cmd = app.add_subcommand("checks", "List every diagnostic code with its default severity");
  cmd->footer("Example:\n  rbc checks");
  cmd->callback([&exit_status] {
    for (const CodeInfo& info : all_codes()) {
      std::cout << fmt::format("{:<18} {:<8} {}\n", info.code, to_string(info.default_severity), info.summary);
    }
    exit_status = kExitClean;
  });
}

void add_explain(CLI::App& app, int& exit_status) {
  CLI::App* cmd = app.add_subcommand("explain", "Print the documentation page of a diagnostic code");
  cmd->footer("Example:\n  rbc explain promql/parse");
  auto code = std::make_shared<std::string>();
  cmd->add_option("CODE", *code, "diagnostic code, e.g. rule/schema")->required();
  cmd->callback([code, &exit_status] {
    if (const CheckDoc* doc = find_doc(*code)) {
      std::cout << doc->text;
      exit_status = kExitClean;
      return;
    }
    std::cerr << "rbc: unknown code \"" << *code << "\"; `rbc checks` lists them\n";
    exit_status = kExitUsage;
  });
}

}  // namespace rbc::cli
