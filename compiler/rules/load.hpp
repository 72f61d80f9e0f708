// Entry points of the rule loader, used by the CLI.
#pragma once

#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/source.hpp"
#include "rules/model.hpp"

namespace rbc::rules {

// What a YAML file is, decided from its first levels only (cheap enough to
// run on every YAML file of a directory):
//   rule_file        top-level `groups:` whose entries hold `rules:`
//   prometheus_rule  a document with `kind: PrometheusRule`
//   other            promtool unit tests (`rule_files:`/`tests:`), the
//                    awesome-prometheus-alerts catalog (groups of
//                    `services:`), anything else
//   unparsable       not YAML (a syntax error came before any decision);
//                    worth reporting when the user named the file
FileKind classify(const SourceFile& source);

// Loads a plain rule file or a PrometheusRule file (decided by content) and
// reports every problem promtool 2.42 would reject it for (all of them, not
// just the first), plus promtool's duplicate-rule lint as warnings.
// The result refers into `source`, which must outlive it.
struct LoadOptions {
  // Keep each expression's PromQL AST in Rule::ast for later stages. An AST
  // costs far more memory than the YAML (about 2 KB per expression with
  // today's promql/ast.hpp), so a caller that only wants verdicts can drop them.
  bool keep_ast = true;
};

LoadedFile load_rule_file(const SourceFile& source, Diagnostics& diags,
                          const LoadOptions& options = {});

struct RuleRef {
  const RuleSet* set;
  const Group* group;
  const Rule* rule;
};

// Every alerting and recording rule, in file order.
std::vector<RuleRef> all_rules(const LoadedFile& file);

}  // namespace rbc::rules
