// Compiles the oracle sources (tests/oracle) into rbc_tests. They live there so
// the promql_oracle tool and the recording scripts share them; this is the
// only translation unit that includes them, so each is defined once.
#include "../oracle/gen_binary.cpp"
#include "../oracle/gen_exprs.cpp"
#include "../oracle/gen_functions.cpp"
#include "../oracle/gen_literals.cpp"
#include "../oracle/gen_mutate.cpp"
#include "../oracle/promtool_runner.cpp"
#include "../oracle/shrink.cpp"
#include "../oracle/tsv.cpp"
