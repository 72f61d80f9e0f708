// Manual benchmark of the rule loader (not part of the test suite):
//   g++ -std=c++20 -O2 -Icompiler tests/oracle/rules_load_bench.cpp build-X/librbc_core.a \
//       -lyaml -lfmt -lre2 -o /tmp/rules_load_bench
//   python3 tests/oracle/make_big_rule_file.py > /tmp/big.yml && /tmp/rules_load_bench /tmp/big.yml
// Prints process CPU time (wall time is meaningless on a shared machine).
#include <yaml.h>

#include <cstdio>
#include <ctime>

#include "load/read_file.hpp"
#include "load/yaml_tree.hpp"
#include "rules/load.hpp"

namespace {

double cpu_ms(std::clock_t since) { return (std::clock() - since) * 1000.0 / CLOCKS_PER_SEC; }

double libyaml_events_only(const std::string& text) {
  const std::clock_t start = std::clock();
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  for (bool end = false; !end;) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&parser, &ev)) break;
    end = ev.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&ev);
  }
  yaml_parser_delete(&parser);
  return cpu_ms(start);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  rbc::Diagnostics diags;
  const auto source = rbc::load::read_file(argv[1], diags);
  if (!source) return 2;
  for (int round = 0; round < 3; ++round) {
    const double events = libyaml_events_only(source->text());
    std::clock_t start = std::clock();
    const auto tree = rbc::yaml::parse(*source);
    const double tree_ms = cpu_ms(start);
    start = std::clock();
    rbc::Diagnostics d1;
    const auto no_ast = rbc::rules::load_rule_file(*source, d1, {.keep_ast = false});
    const double load_ms = cpu_ms(start);
    start = std::clock();
    const auto kind = rbc::rules::classify(*source);
    const double classify_ms = cpu_ms(start);
    std::printf("%zu bytes, %zu nodes, %zu rules: libyaml events %.0f ms, yaml tree %.0f ms, "
                "load+validate %.0f ms, classify %.2f ms (kind %d)\n",
                source->text().size(), tree.tree.node_count(), rbc::rules::all_rules(no_ast).size(),
                events, tree_ms, load_ms, classify_ms, static_cast<int>(kind));
  }
}
