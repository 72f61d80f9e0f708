// Function calls over the whole Prometheus 2.42 function table, with right
// and (as faults) wrong argument counts and types.
#include <utility>

#include "gen_core.hpp"

namespace rbc::oracle::detail {
namespace {

// Argument types: v instant vector, m range vector, s scalar, S string.
// variadic: 0 exact; n > 0 last type optional, repeatable n times; -1 unbounded.
struct Fn {
  const char* name;
  const char* args;
  int variadic;
  Ty result;
};

const Fn kFunctions[] = {
    {"abs", "v", 0, Ty::vector},
    {"absent", "v", 0, Ty::vector},
    {"absent_over_time", "m", 0, Ty::vector},
    {"acos", "v", 0, Ty::vector},
    {"acosh", "v", 0, Ty::vector},
    {"asin", "v", 0, Ty::vector},
    {"asinh", "v", 0, Ty::vector},
    {"atan", "v", 0, Ty::vector},
    {"atanh", "v", 0, Ty::vector},
    {"avg_over_time", "m", 0, Ty::vector},
    {"ceil", "v", 0, Ty::vector},
    {"changes", "m", 0, Ty::vector},
    {"clamp", "vss", 0, Ty::vector},
    {"clamp_max", "vs", 0, Ty::vector},
    {"clamp_min", "vs", 0, Ty::vector},
    {"cos", "v", 0, Ty::vector},
    {"cosh", "v", 0, Ty::vector},
    {"count_over_time", "m", 0, Ty::vector},
    {"day_of_month", "v", 1, Ty::vector},
    {"day_of_week", "v", 1, Ty::vector},
    {"day_of_year", "v", 1, Ty::vector},
    {"days_in_month", "v", 1, Ty::vector},
    {"deg", "v", 0, Ty::vector},
    {"delta", "m", 0, Ty::vector},
    {"deriv", "m", 0, Ty::vector},
    {"exp", "v", 0, Ty::vector},
    {"floor", "v", 0, Ty::vector},
    {"histogram_count", "v", 0, Ty::vector},
    {"histogram_fraction", "ssv", 0, Ty::vector},
    {"histogram_quantile", "sv", 0, Ty::vector},
    {"histogram_sum", "v", 0, Ty::vector},
    {"holt_winters", "mss", 0, Ty::vector},
    {"hour", "v", 1, Ty::vector},
    {"idelta", "m", 0, Ty::vector},
    {"increase", "m", 0, Ty::vector},
    {"irate", "m", 0, Ty::vector},
    {"label_join", "vSSS", -1, Ty::vector},
    {"label_replace", "vSSSS", 0, Ty::vector},
    {"last_over_time", "m", 0, Ty::vector},
    {"ln", "v", 0, Ty::vector},
    {"log10", "v", 0, Ty::vector},
    {"log2", "v", 0, Ty::vector},
    {"max_over_time", "m", 0, Ty::vector},
    {"min_over_time", "m", 0, Ty::vector},
    {"minute", "v", 1, Ty::vector},
    {"month", "v", 1, Ty::vector},
    {"pi", "", 0, Ty::scalar},
    {"predict_linear", "ms", 0, Ty::vector},
    {"present_over_time", "m", 0, Ty::vector},
    {"quantile_over_time", "sm", 0, Ty::vector},
    {"rad", "v", 0, Ty::vector},
    {"rate", "m", 0, Ty::vector},
    {"resets", "m", 0, Ty::vector},
    {"round", "vs", 1, Ty::vector},
    {"scalar", "v", 0, Ty::scalar},
    {"sgn", "v", 0, Ty::vector},
    {"sin", "v", 0, Ty::vector},
    {"sinh", "v", 0, Ty::vector},
    {"sort", "v", 0, Ty::vector},
    {"sort_desc", "v", 0, Ty::vector},
    {"sqrt", "v", 0, Ty::vector},
    {"stddev_over_time", "m", 0, Ty::vector},
    {"stdvar_over_time", "m", 0, Ty::vector},
    {"sum_over_time", "m", 0, Ty::vector},
    {"tan", "v", 0, Ty::vector},
    {"tanh", "v", 0, Ty::vector},
    {"time", "", 0, Ty::scalar},
    {"timestamp", "v", 0, Ty::vector},
    {"vector", "s", 0, Ty::vector},
    {"year", "v", 1, Ty::vector},
};

Ty arg_type(char code) {
  switch (code) {
    case 'm': return Ty::matrix;
    case 's': return Ty::scalar;
    case 'S': return Ty::string;
    default: return Ty::vector;
  }
}

std::size_t valid_arg_count(Rng& rng, const Fn& fn) {
  const std::size_t listed = std::string_view(fn.args).size();
  if (fn.variadic == 0) return listed;
  const std::size_t extra = fn.variadic > 0 ? static_cast<std::size_t>(fn.variadic) : 3;
  return listed - 1 + rng.below(extra + 1);
}

}  // namespace

Frag Gen::function_call(Ty result, int depth) {
  const Fn* fn = &rng_.pick(kFunctions);
  while (fn->result != result) fn = &rng_.pick(kFunctions);
  // Small-depth callers want a leaf: prefer functions that may take no argument.
  if (depth <= 0 && result == Ty::vector && rng_.chance(60)) {
    static const char* const nullary[] = {"hour", "minute", "month", "year", "day_of_week", "day_of_month",
                                          "day_of_year", "days_in_month"};
    const std::string_view want = rng_.pick(nullary);
    for (const Fn& f : kFunctions) {
      if (want == f.name) fn = &f;
    }
  }
  std::string name = fn->name;
  if (fault(3)) {
    static const char* const unknown[] = {"Rate", "foo", "rate2", "SUM_OVER_TIME", "start", "end", "histogram_avg",
                                          "mad_over_time", "sort_by_label", "info", "double_exponential_smoothing"};
    name = rng_.pick(unknown);
  }
  Frag f = leaf(name);
  f.toks.push_back("(");
  std::size_t count = valid_arg_count(rng_, *fn);
  if (depth <= 0 && fn->variadic > 0) count = std::string_view(fn->args).size() - 1;
  if (fault(5)) count = count == 0 || rng_.chance(50) ? count + 1 : count - 1;
  const std::string_view codes(fn->args);
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) f.toks.push_back(",");
    const char code = codes.empty() ? 'v' : codes[std::min(i, codes.size() - 1)];
    append(f, expr(arg_type(code), depth));
  }
  if (count > 0 && fault(4)) f.toks.push_back(",");  // "trailing commas not allowed"
  f.toks.push_back(")");
  if (fault(2)) f.toks.insert(f.toks.end(), {keyword_case("by"), "(", "a", ")"});  // `rate(x[5m]) by (a)`
  f.level = kAtom;
  modifiers(f);  // only ever adds a (misplaced) modifier as a fault
  return f;
}

}  // namespace rbc::oracle::detail
