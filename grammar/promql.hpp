// PromQL token shapes as PEGTL rules (no semantics).
//
// Prometheus lexes PromQL with a mode-switching hand-written scanner, and its
// error texts quote exactly how far that scanner got. The rules below describe
// the greedy, backtrack-free token shapes; compiler/promql/lexer.cpp drives them
// per lexer mode and adds the partial-consumption error reporting.
#pragma once

#include <tao/pegtl.hpp>

namespace rbc::grammar::promql {

namespace pegtl = tao::pegtl;

// Whitespace is exactly space, TAB, LF, CR.
struct space_char : pegtl::one<' ', '\t', '\n', '\r'> {};
struct spaces : pegtl::star<space_char> {};

// `#` up to (not including) CR, LF or end of input.
struct comment : pegtl::seq<pegtl::one<'#'>, pegtl::star<pegtl::not_one<'\r', '\n'>>> {};

struct alpha : pegtl::sor<pegtl::ascii::alpha, pegtl::one<'_'>> {};
struct alnum : pegtl::sor<alpha, pegtl::ascii::digit> {};

// A word outside braces: letters, digits, `_` and `:`, not starting with a digit.
struct word_start : pegtl::sor<alpha, pegtl::one<':'>> {};
struct word : pegtl::seq<word_start, pegtl::star<pegtl::sor<alnum, pegtl::one<':'>>>> {};

// A label name inside braces: no colon, never a keyword.
struct label_word : pegtl::seq<alpha, pegtl::star<alnum>> {};

// The number shape Prometheus scans before deciding between number and
// duration: optional 0x prefix (then hex digits), digits, optional fraction,
// optional exponent. Every part is optional, so this rule always matches.
struct hex_prefix : pegtl::seq<pegtl::one<'0'>, pegtl::one<'x', 'X'>> {};
struct hex_body : pegtl::seq<hex_prefix, pegtl::star<pegtl::ascii::xdigit>,
                             pegtl::opt<pegtl::one<'.'>, pegtl::star<pegtl::ascii::xdigit>>> {};
struct dec_body : pegtl::seq<pegtl::star<pegtl::ascii::digit>,
                             pegtl::opt<pegtl::one<'.'>, pegtl::star<pegtl::ascii::digit>>> {};
struct exponent : pegtl::seq<pegtl::one<'e', 'E'>, pegtl::opt<pegtl::one<'+', '-'>>,
                             pegtl::star<pegtl::ascii::digit>> {};
// A lone "0" that is not followed by x/X is consumed by dec_body.
struct number_shape : pegtl::seq<pegtl::sor<hex_body, dec_body>, pegtl::opt<exponent>> {};

// Go float syntax accepted by strconv.ParseFloat for the decimal forms the
// lexer can produce (used to validate before converting).
struct go_decimal_float
    : pegtl::seq<pegtl::sor<pegtl::seq<pegtl::plus<pegtl::ascii::digit>,
                                       pegtl::opt<pegtl::one<'.'>, pegtl::star<pegtl::ascii::digit>>>,
                            pegtl::seq<pegtl::one<'.'>, pegtl::plus<pegtl::ascii::digit>>>,
                 pegtl::opt<pegtl::one<'e', 'E'>, pegtl::opt<pegtl::one<'+', '-'>>,
                            pegtl::plus<pegtl::ascii::digit>>,
                 pegtl::eof> {};

// Duration value syntax (prometheus/common model.ParseDuration):
// integer+unit groups, each unit at most once, largest first.
template <char... Unit>
struct dur_part : pegtl::opt<pegtl::plus<pegtl::ascii::digit>, pegtl::string<Unit...>,
                             pegtl::not_at<pegtl::ascii::alpha>> {};
struct duration_value
    : pegtl::seq<dur_part<'y'>, dur_part<'w'>, dur_part<'d'>, dur_part<'h'>, dur_part<'m'>,
                 dur_part<'s'>, dur_part<'m', 's'>, pegtl::eof> {};

// Grammar roots that tao::pegtl::analyze<> checks in the unit tests.
struct all_rules : pegtl::sor<comment, word, label_word, number_shape, spaces> {};

}  // namespace rbc::grammar::promql
