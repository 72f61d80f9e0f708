// promql_oracle: command-line face of the generator and the promtool runner,
// used by the fixture-recording scripts.
//
//   promql_oracle gen SEED COUNT valid|invalid|mixed   escaped expressions, one a line
//   promql_oracle check [PROMTOOL] < exprs              expr \t OK | expr \t ERR \t message
//   promql_oracle rules < exprs                         rule file: record r<i> for line i
#include <cstdint>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "promql_gen.hpp"
#include "promtool_runner.hpp"
#include "tsv.hpp"

namespace {

std::vector<std::string> read_expressions() {
  std::vector<std::string> exprs;
  std::string line;
  while (std::getline(std::cin, line)) exprs.push_back(rbc::oracle::tsv_unescape(line));
  return exprs;
}

int usage() {
  std::cerr << "usage: promql_oracle gen SEED COUNT valid|invalid|mixed\n"
               "       promql_oracle check [PROMTOOL] < expressions\n"
               "       promql_oracle rules < expressions\n";
  return 2;
}

int gen(const std::vector<std::string>& args) {
  if (args.size() != 4) return usage();
  using rbc::oracle::GenMode;
  GenMode mode = GenMode::mixed;
  if (args[3] == "valid") mode = GenMode::valid;
  else if (args[3] == "invalid") mode = GenMode::invalid;
  else if (args[3] != "mixed") return usage();
  const std::uint64_t seed = std::stoull(args[1]);
  const std::size_t count = std::stoul(args[2]);
  for (std::size_t i = 0; i < count; ++i) {
    std::cout << rbc::oracle::tsv_escape(rbc::oracle::generate_expression(seed, i, mode)) << "\n";
  }
  return 0;
}

int check(const std::vector<std::string>& args) {
  const std::string promtool = args.size() > 1 ? args[1] : "promtool";
  const std::vector<std::string> exprs = read_expressions();
  const auto verdicts = rbc::oracle::run_promtool(exprs, promtool);
  for (std::size_t i = 0; i < exprs.size(); ++i) {
    std::cout << rbc::oracle::tsv_escape(exprs[i]);
    if (verdicts[i].accepted) std::cout << "\tOK\n";
    else std::cout << "\tERR\t" << rbc::oracle::tsv_escape(verdicts[i].message) << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage();
  try {
    if (args[0] == "gen") return gen(args);
    if (args[0] == "check") return check(args);
    if (args[0] == "rules") {
      std::cout << rbc::oracle::rule_file(read_expressions());
      return 0;
    }
  } catch (const std::exception& e) {
    std::cerr << "promql_oracle: " << e.what() << "\n";
    return 1;
  }
  return usage();
}
