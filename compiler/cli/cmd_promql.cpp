// `rbc promql parse`: parse one expression (or one per stdin line) and print
// it back as Prometheus's String() does, or the error exactly as promtool
// words it.
#include <iostream>
#include <string>

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "promql/ast_json.hpp"
#include "promql/parse.hpp"
#include "promql/printer.hpp"

namespace rbc::cli {
namespace {

struct PromqlFlags {
  std::string expression;
  bool ast = false;
};

// One expression -> one output line. (The printers move deep trees to a
// big-stack thread themselves.)
bool answer(const std::string& expression, bool ast, std::ostream& out) {
  const promql::ParseResult result = promql::parse(expression);
  if (result.error) {
    out << "error: " << promql::format_error(expression, *result.error) << '\n';
    return false;
  }
  out << (ast ? promql::to_json(*result.expr) : promql::to_string(*result.expr)) << '\n';
  return true;
}

int execute(const PromqlFlags& flags) {
  if (flags.expression != "-") return answer(flags.expression, flags.ast, std::cout) ? kExitClean : kExitFindings;
  bool all_ok = true;
  for (std::string line; std::getline(std::cin, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    all_ok = answer(line, flags.ast, std::cout) && all_ok;
  }
  return all_ok ? kExitClean : kExitFindings;
}

}  // namespace

void add_promql(CLI::App& app, int& exit_status) {
  CLI::App* promql = app.add_subcommand("promql", "PromQL tools");
  promql->require_subcommand(1);
  auto flags = std::make_shared<PromqlFlags>();
  CLI::App* parse = promql->add_subcommand(
      "parse", "Parse PromQL as Prometheus 2.42 does; print it normalised, or the error");
  parse->add_option("EXPR", flags->expression, "the expression, or `-` for one expression per line on stdin")
      ->required();
  parse->add_flag("--ast", flags->ast, "print the syntax tree as JSON instead");
  parse->footer(
      "Exit status: 0 all expressions parsed, 1 any failed.\n"
      "Examples:\n"
      "  rbc promql parse 'sum(rate(x[5m])) by (job)'   # -> sum by (job) (rate(x[5m]))\n"
      "  rbc promql parse --ast 'a + on(b) c'\n"
      "  printf 'up\\nsum(x) by\\n' | rbc promql parse -");
  parse->callback([flags, &exit_status] { exit_status = execute(*flags); });
}

}  // namespace rbc::cli
