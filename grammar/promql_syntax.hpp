// PromQL phrase structure (Prometheus 2.42) as a PEGTL grammar over tokens.
//
// How it mirrors Prometheus's yacc grammar (promql/parser/generated_parser.y):
//
//  * Terminals are lexer items, not characters. Prometheus's lexer is modal
//    (statements, inside braces, after '['), so a character grammar cannot
//    say what a token is without re-implementing that state machine. Every
//    terminal here is `token<Terminal>`: a custom rule that asks the first
//    parse state (the token source, see compiler/promql/syntax_tokens.hpp)
//    for the item at the current position and succeeds, advancing past it,
//    iff the item belongs to `Terminal`. Whitespace and comments are skipped
//    by the lexer; keywords are whole words because the lexer only ever
//    produces whole words. Terminal classes such as `metric_word` are yacc's
//    nonterminals that only derive single tokens (metric_identifier,
//    maybe_label).
//  * Operator precedence has six named levels, lowest first: or <
//    and/unless < comparisons < + - < * / % atan2 < ^ (right associative).
//    climb<> runs them by precedence climbing, which matches the same
//    inputs as the ladder level_i = level_i+1 (op_i level_i+1)* but tests
//    once per operand whether any operator follows. Unary +/- is yacc's
//    `unary_op expr %prec MUL`: its operand is a whole `^` chain
//    (`pow_level`), so the sign binds tighter than `*`. Postfix forms
//    (range, subquery, offset, @) bind tightest and apply to a primary
//    (yacc's %right LEFT_BRACKET and %nonassoc OFFSET).
//  * yacc decides with one token of lookahead; every sor<> below decides on
//    its first token (or on `at<>` of the second), so the grammar never
//    backtracks over a rule with an action and reads each token exactly
//    when yacc would read its lookahead. That keeps lexer errors and the
//    errors of grammar actions in yacc's order.
//  * yacc's `error` productions become named must<> points; the control
//    (compiler/promql/syntax_control.hpp) words them the way yacc does
//    ("unexpected X in <context>, expected Y").
//
// Accepts more / less than Prometheus 2.42's yacc grammar: nowhere known
// (differentially tested against promtool through the whole parser).
// As in Prometheus, several rejections are not rules but checks of grammar
// actions (compiler/promql/syntax_builder.cpp): number, duration and regex
// syntax, unknown function names, aggregation arity, `1[5m]`, offset/@ on a
// non-selector or twice. So the grammar alone accepts `nofunc(1)` or
// `sum(a, b)`, exactly like generated_parser.y. Two points differ in form,
// not in outcome: `trailing_comma` is a must<> point where yacc has an
// action on a rule that accepts `f(a,)`, and `group_side_operand` stands
// for the yacc state after `group_left` that only shifts `(` or an operand.
// `range_duration` can never fail: after `[` the lexer returns a duration
// or an error. Type rules (checkAST) are not part of the grammar.
#pragma once

#include <cstddef>
#include <tuple>
#include <utility>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

namespace rbc::grammar::promql::syntax {

namespace pegtl = tao::pegtl;

// Terminal classes: each names a set of lexer item types.
namespace terminal {
// clang-format off
struct eof; struct number; struct string; struct duration;
struct lparen; struct rparen; struct lbrace; struct rbrace; struct lbracket; struct rbracket;
struct comma; struct colon; struct eql; struct eql_regex; struct neq_regex;
struct add; struct sub; struct mul; struct div; struct mod; struct pow; struct atan2;
struct eqlc; struct neq; struct lss; struct lte; struct gtr; struct gte;
struct land; struct lor; struct lunless; struct at;
struct bool_; struct by; struct without; struct on; struct ignoring;  // NOLINT
struct group_left; struct group_right; struct offset; struct start; struct end;
struct identifier;      // a plain identifier (function name; label name inside braces)
struct aggregator;      // sum avg count min max group stddev stdvar topk bottomk count_values quantile
struct metric_word;     // yacc metric_identifier: identifiers and the keywords usable as a metric name
struct grouping_label;  // yacc maybe_label whose text is a valid label name
struct expr_start;      // FIRST(expr)
struct sign;            // + -
struct postfix_start;   // [ offset @
struct binary_operator; // any binary operator
struct mul_ops;         // * / % atan2
struct comparison_ops;  // == != < <= > >=
struct and_ops;         // and unless
// clang-format on
}  // namespace terminal

// One lexer item of class Terminal. The first state must provide
// `template <class Terminal> bool accept(ParseInput&)`.
template <typename Terminal>
struct token {
  using rule_t = token;
  using subs_t = pegtl::empty_list;

  template <pegtl::apply_mode, pegtl::rewind_mode, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename Source, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, Source& source, States&... /*unused*/) {
    return source.template accept<Terminal>(in);
  }
};

template <typename Terminal>
using t = token<Terminal>;
namespace k = terminal;

// clang-format off
struct expr;

// ---- grouping labels: by/without (...), on/ignoring (...), group_x (...)
struct grouping_open : t<k::lparen> {};
struct grouping_label : t<k::grouping_label> {};
struct grouping_close : t<k::rparen> {};
struct grouping_list_close : t<k::rparen> {};
struct grouping_list : pegtl::seq<pegtl::must<grouping_label>,
                                  pegtl::star<t<k::comma>, pegtl::not_at<t<k::rparen>>, pegtl::must<grouping_label>>,
                                  pegtl::opt<t<k::comma>>, pegtl::must<grouping_list_close>> {};
struct grouping_labels : pegtl::seq<pegtl::must<grouping_open>, pegtl::sor<grouping_close, grouping_list>> {};

// ---- vector selectors
struct matcher_open : t<k::lbrace> {};
struct matcher_label : t<k::identifier> {};
struct match_op : pegtl::sor<t<k::eql>, t<k::neq>, t<k::eql_regex>, t<k::neq_regex>> {};
struct matcher_value : t<k::string> {};
struct label_matcher : pegtl::seq<pegtl::must<matcher_label>, pegtl::must<match_op>, pegtl::must<matcher_value>> {};
struct matchers_empty_close : t<k::rbrace> {};
struct matchers_close : t<k::rbrace> {};
struct matcher_list : pegtl::seq<label_matcher,
                                 pegtl::star<t<k::comma>, pegtl::not_at<t<k::rbrace>>, label_matcher>,
                                 pegtl::opt<t<k::comma>>, pegtl::must<matchers_close>> {};
struct label_matchers : pegtl::seq<matcher_open, pegtl::sor<matchers_empty_close, matcher_list>> {};
struct selector_name : t<k::metric_word> {};
struct named_selector : pegtl::seq<selector_name, pegtl::opt<label_matchers>> {};
struct brace_selector : label_matchers {};

// ---- literals and parentheses
struct number_literal : t<k::number> {};
struct string_literal : t<k::string> {};
struct paren_open : t<k::lparen> {};
struct paren_close : t<k::rparen> {};
struct paren_expr : pegtl::seq<paren_open, expr, pegtl::must<paren_close>> {};

// ---- calls and aggregations
struct call_open : t<k::lparen> {};
struct call_empty_close : t<k::rparen> {};
struct call_close : t<k::rparen> {};
struct call_comma : t<k::comma> {};
struct trailing_comma : pegtl::at<t<k::expr_start>> {};
struct call_args : pegtl::seq<expr, pegtl::star<call_comma, pegtl::must<trailing_comma>, expr>> {};
struct call_body : pegtl::seq<pegtl::must<call_open>,
                              pegtl::sor<call_empty_close, pegtl::seq<call_args, pegtl::must<call_close>>>> {};
struct function_name : pegtl::seq<t<k::identifier>, pegtl::at<t<k::lparen>>> {};
struct function_call : pegtl::seq<function_name, call_body> {};

struct aggregate_op : pegtl::seq<t<k::aggregator>, pegtl::at<pegtl::sor<t<k::lparen>, t<k::by>, t<k::without>>>> {};
struct aggregate_grouping : pegtl::seq<pegtl::sor<t<k::by>, t<k::without>>, grouping_labels> {};
struct aggregation : pegtl::seq<aggregate_op, pegtl::sor<pegtl::seq<aggregate_grouping, call_body>,
                                                         pegtl::seq<call_body, pegtl::opt<aggregate_grouping>>>> {};

// ---- primaries and postfix modifiers
// Alternatives differ in their first item (function_call and aggregation
// also look at the second), so their order only matters for speed.
struct primary : pegtl::sor<function_call, aggregation, named_selector, number_literal, paren_expr, brace_selector,
                            string_literal> {};

struct range_open : t<k::lbracket> {};
struct range_duration : t<k::duration> {};
struct range_close : t<k::rbracket> {};
struct subquery_colon : t<k::colon> {};
struct subquery_step : t<k::duration> {};
struct subquery_step_close : t<k::rbracket> {};
struct subquery_close : t<k::rbracket> {};
struct subquery_tail : pegtl::seq<pegtl::must<subquery_colon>,
                                  pegtl::sor<pegtl::seq<subquery_step, pegtl::must<subquery_step_close>>,
                                             pegtl::must<subquery_close>>> {};
struct bracket_suffix : pegtl::seq<range_open, pegtl::must<range_duration>, pegtl::sor<range_close, subquery_tail>> {};

struct offset_duration : t<k::duration> {};
struct offset_suffix : pegtl::seq<t<k::offset>, pegtl::opt<t<k::sub>>, pegtl::must<offset_duration>> {};

struct at_lparen : t<k::lparen> {};
struct at_rparen : t<k::rparen> {};
struct at_number : t<k::number> {};
struct at_preprocessor : pegtl::seq<pegtl::sor<t<k::start>, t<k::end>>, pegtl::must<at_lparen>, pegtl::must<at_rparen>> {};
struct at_timestamp : pegtl::seq<pegtl::opt<t<k::sign>>, pegtl::must<at_number>> {};
struct at_suffix : pegtl::seq<t<k::at>, pegtl::sor<at_preprocessor, at_timestamp>> {};

struct postfix_op : pegtl::seq<pegtl::at<t<k::postfix_start>>, pegtl::sor<bracket_suffix, offset_suffix, at_suffix>> {};
struct postfix_expr : pegtl::seq<pegtl::must<primary>, pegtl::star<postfix_op>> {};

// ---- binary operator modifiers: bool, on/ignoring (...), group_left/group_right [(...)]
struct bool_modifier : t<k::bool_> {};
struct matching_kind : pegtl::sor<t<k::on>, t<k::ignoring>> {};
struct matching_labels : grouping_labels {};
struct group_side : pegtl::sor<t<k::group_left>, t<k::group_right>> {};
struct include_labels : pegtl::seq<pegtl::at<t<k::lparen>>, grouping_labels> {};
struct group_side_operand : pegtl::at<t<k::expr_start>> {};
struct group_modifier : pegtl::seq<group_side, pegtl::sor<include_labels, pegtl::must<group_side_operand>>> {};
struct vector_matching : pegtl::seq<matching_kind, matching_labels, pegtl::opt<group_modifier>> {};
struct bin_modifiers : pegtl::seq<pegtl::opt<bool_modifier>, pegtl::opt<vector_matching>> {};

// ---- operator precedence
// Binary operator levels, lowest first: or < and/unless < comparisons <
// + - < * / % atan2 < ^. climb<Min, ...> is the ladder
//   level_i = seq<level_i+1, star<binary_tail<op_i, level_i+1>>>   (i >= Min)
// run as precedence climbing: after each operand it makes one test for any
// binary operator instead of one per level, and it nests one rule per
// operand instead of one per level (deep inputs recurse less). The last
// level (^) is right associative: its right operand is the same level.
template <typename Operator, typename Operand>
struct binary_tail : pegtl::seq<Operator, bin_modifiers, Operand> {};

template <std::size_t Min, typename Operand, typename AnyOperator, typename... Operators>
struct climb {
  using rule_t = climb;
  using subs_t = pegtl::type_list<Operand, AnyOperator, Operators...>;

  static constexpr std::size_t levels = sizeof...(Operators);
  template <std::size_t I>
  using operator_at = std::tuple_element_t<I, std::tuple<Operators...>>;
  template <std::size_t I>
  using tail = binary_tail<operator_at<I>, climb<(I + 1 < levels ? I + 1 : I), Operand, AnyOperator, Operators...>>;

  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&... st) {
    if (!Control<Operand>::template match<A, M, Action, Control>(in, st...)) return false;
    while (Control<pegtl::at<AnyOperator>>::template match<A, M, Action, Control>(in, st...) &&
           match_tail<Min, A, Action, Control>(in, st...)) {
    }
    return true;
  }

  // The operator's level decides: only levels >= Min belong to this climb.
  template <std::size_t I, pegtl::apply_mode A, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match_tail(ParseInput& in, States&... st) {
    if constexpr (I >= levels) {
      return false;
    } else {
      return Control<tail<I>>::template match<A, pegtl::rewind_mode::required, Action, Control>(in, st...) ||
             match_tail<I + 1, A, Action, Control>(in, st...);
    }
  }
};

struct pow_op : t<k::pow> {};
struct mul_op : t<k::mul_ops> {};
struct add_op : t<k::sign> {};
struct comparison_op : t<k::comparison_ops> {};
struct and_op : t<k::and_ops> {};
struct or_op : t<k::lor> {};

struct unary_level;
template <std::size_t Min>
using binary_levels = climb<Min, unary_level, t<k::binary_operator>, or_op, and_op, comparison_op, add_op, mul_op, pow_op>;

// Unary +/- (yacc `unary_op expr %prec MUL`): its operand is a `^` chain.
struct pow_level : binary_levels<5> {};
struct unary_sign : t<k::sign> {};
struct unary_expr : pegtl::seq<unary_sign, pow_level> {};
struct unary_level : pegtl::sor<unary_expr, postfix_expr> {};
struct expr : binary_levels<0> {};

// For analyze<>(): the alternatives climb<> tries after an operand.
template <typename Climb, typename = std::make_index_sequence<Climb::levels>>
struct climb_tails;
template <typename Climb, std::size_t... I>
struct climb_tails<Climb, std::index_sequence<I...>> {
  using type = pegtl::sor<typename Climb::template tail<I>...>;
};
template <typename Climb>
using climb_tails_t = typename climb_tails<Climb>::type;

// ---- the whole input
struct no_expression : pegtl::not_at<t<k::eof>> {};
struct query_end : t<k::eof> {};
struct query : pegtl::seq<pegtl::must<no_expression>, expr, pegtl::must<query_end>> {};
// clang-format on

}  // namespace rbc::grammar::promql::syntax

namespace tao::pegtl {

// For analyze<>(): every item consumes input except end of input.
template <typename Name, typename Terminal>
struct analyze_traits<Name, rbc::grammar::promql::syntax::token<Terminal>> : analyze_any_traits<> {};
template <typename Name>
struct analyze_traits<Name, rbc::grammar::promql::syntax::token<rbc::grammar::promql::syntax::terminal::eof>>
    : analyze_opt_traits<> {};
// climb<> is seq<Operand, star<sor<binary_tail<...>...>>>.
template <typename Name, std::size_t Min, typename Operand, typename AnyOperator, typename... Operators>
struct analyze_traits<Name, rbc::grammar::promql::syntax::climb<Min, Operand, AnyOperator, Operators...>>
    : analyze_traits<Name, typename seq<Operand, star<rbc::grammar::promql::syntax::climb_tails_t<
                                                    rbc::grammar::promql::syntax::climb<Min, Operand, AnyOperator, Operators...>>>>::rule_t> {};

}  // namespace tao::pegtl
