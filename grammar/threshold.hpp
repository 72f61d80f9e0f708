// Threshold phrases as PEGTL rules (no semantics).
//
// Runbooks state thresholds in free English: "Service error rate >5% for 5
// minutes", "Alert at 85%, critical at 95%", "Certificate expires in < 14
// days". compiler/threshold/phrase.cpp scans text forward and tries `clause`
// at each token start; the actions there turn matched rules into values. Every
// rule here is bounded by what it reads, so no attempt backtracks over more
// than the text it actually looks at.
#pragma once

#include <tao/pegtl.hpp>

namespace rbc::threshold::grammar {

namespace pegtl = tao::pegtl;
using pegtl::at;
using pegtl::istring;
using pegtl::not_at;
using pegtl::one;
using pegtl::opt;
using pegtl::plus;
using pegtl::rep;
using pegtl::rep_opt;
using pegtl::rep_min_max;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;
using pegtl::string;
using pegtl::ascii::alnum;
using pegtl::ascii::alpha;
using pegtl::ascii::digit;

// ---------------------------------------------------------------------------
// Spacing and word edges. A no-break space (UTF-8 C2 A0) counts as a blank
// because Markdown editors insert it.
struct nbsp : string<'\xC2', '\xA0'> {};
struct blank : sor<one<' ', '\t'>, nbsp> {};
struct ws : star<blank> {};
struct ws1 : plus<blank> {};
struct word_char : sor<alnum, one<'_'>> {};
struct word_end : not_at<word_char> {};

// A whole case-insensitive word: kw<TAO_PEGTL_ISTRING("above")>.
template <typename Word>
struct kw : seq<Word, word_end> {};
// Two or three words with blanks between them ("more than", "not more than").
template <typename A, typename B>
struct words2 : seq<kw<A>, ws1, kw<B>> {};
template <typename A, typename B, typename C>
struct words3 : seq<kw<A>, ws1, kw<B>, ws1, kw<C>> {};

#define RBC_W(x) TAO_PEGTL_ISTRING(x)

// ---------------------------------------------------------------------------
// Numbers: "1,000", "0.5", ".5", "1e3", "-10", "10k", and the small number
// words people write for counts and durations ("less than one minute").
struct digits : plus<digit> {};
struct thousands_group : seq<one<','>, rep<3, digit>, not_at<digit>> {};
struct grouped_integer : seq<rep_min_max<1, 3, digit>, plus<thousands_group>> {};
struct integer_part : sor<grouped_integer, digits> {};
struct fraction : seq<one<'.'>, digits> {};
struct exponent : seq<one<'e', 'E'>, opt<one<'+', '-'>>, digits> {};
struct decimal : seq<opt<one<'-'>>, sor<seq<integer_part, opt<fraction>>, fraction>, opt<exponent>> {};
struct number_word
    : sor<kw<RBC_W("one")>, kw<RBC_W("two")>, kw<RBC_W("three")>, kw<RBC_W("four")>,
          kw<RBC_W("five")>, kw<RBC_W("six")>, kw<RBC_W("seven")>, kw<RBC_W("eight")>,
          kw<RBC_W("nine")>, kw<RBC_W("ten")>, kw<RBC_W("twelve")>, kw<RBC_W("once")>,
          kw<RBC_W("twice")>> {};
// "10k" = 10000, "1M" = 1000000; only when the letter ends the token (upper-case
// M only: "5m" is five minutes).
struct kilo : seq<one<'k', 'K'>, word_end> {};
struct mega : seq<one<'M'>, word_end> {};
struct number : sor<seq<decimal, opt<sor<kilo, mega>>>, number_word> {};
// "5+" in "for 5+ minutes" or "5+ restarts".
struct plus_mark : one<'+'> {};

// ---------------------------------------------------------------------------
// Time units, longest spelling first; single letters are lower-case only so
// "5M" is not read as minutes.
struct unit_ms : sor<kw<RBC_W("milliseconds")>, kw<RBC_W("millisecond")>, kw<RBC_W("msecs")>,
                     kw<RBC_W("msec")>, kw<RBC_W("ms")>> {};
struct unit_s : sor<kw<RBC_W("seconds")>, kw<RBC_W("second")>, kw<RBC_W("secs")>,
                    kw<RBC_W("sec")>, kw<string<'s'>>> {};
struct unit_m : sor<kw<RBC_W("minutes")>, kw<RBC_W("minute")>, kw<RBC_W("mins")>,
                    kw<RBC_W("min")>, kw<string<'m'>>> {};
struct unit_h : sor<kw<RBC_W("hours")>, kw<RBC_W("hour")>, kw<RBC_W("hrs")>, kw<RBC_W("hr")>,
                    kw<string<'h'>>> {};
struct unit_d : sor<kw<RBC_W("days")>, kw<RBC_W("day")>, kw<string<'d'>>> {};
struct unit_w : sor<kw<RBC_W("weeks")>, kw<RBC_W("week")>, kw<string<'w'>>> {};
struct unit_y : sor<kw<RBC_W("years")>, kw<RBC_W("year")>, kw<string<'y'>>> {};
struct time_unit : sor<unit_ms, unit_s, unit_m, unit_h, unit_d, unit_w, unit_y> {};

// ---------------------------------------------------------------------------
// Other measures: percent, bytes (case-insensitive multiples, "B" only
// upper-case), temperatures.
struct percent : sor<one<'%'>, kw<RBC_W("percent")>, words2<RBC_W("per"), RBC_W("cent")>,
                     kw<RBC_W("pct")>> {};
struct byte_multiple : sor<kw<RBC_W("kib")>, kw<RBC_W("mib")>, kw<RBC_W("gib")>, kw<RBC_W("tib")>,
                           kw<RBC_W("kb")>, kw<RBC_W("mb")>, kw<RBC_W("gb")>, kw<RBC_W("tb")>,
                           kw<RBC_W("pb")>> {};
struct byte_word : sor<kw<RBC_W("kilobytes")>, kw<RBC_W("megabytes")>, kw<RBC_W("gigabytes")>,
                       kw<RBC_W("terabytes")>> {};
struct byte_single : sor<kw<RBC_W("bytes")>, kw<RBC_W("byte")>, kw<string<'B'>>> {};
struct byte_unit : sor<byte_multiple, byte_word, byte_single> {};
struct degree_unit : seq<string<'\xC2', '\xB0'>, one<'C', 'F'>, word_end> {};
struct currency : one<'$'> {};

// ---------------------------------------------------------------------------
// Rates: "/s", "/10min", "per second", "per 5 minutes".
struct rate_count : number {};
struct rate_start : pegtl::success {};
struct rate_period : seq<rate_start, opt<rate_count, ws>, time_unit> {};
struct per_word : sor<kw<RBC_W("per")>, kw<RBC_W("every")>, kw<RBC_W("each")>> {};
struct rate : sor<seq<one<'/'>, rate_period>, seq<per_word, ws1, opt<kw<RBC_W("a")>, ws1>, rate_period>> {};

// ---------------------------------------------------------------------------
// Counted nouns ("1000 messages", "100 failures"): a plain word that is not a
// function word; anything after the noun is ignored unless it is a rate.
struct stop_word
    : sor<kw<RBC_W("for")>, kw<RBC_W("in")>, kw<RBC_W("of")>, kw<RBC_W("over")>,
          kw<RBC_W("within")>, kw<RBC_W("to")>, kw<RBC_W("and")>, kw<RBC_W("or")>,
          kw<RBC_W("the")>, kw<RBC_W("a")>, kw<RBC_W("an")>, kw<RBC_W("per")>, kw<RBC_W("at")>,
          kw<RBC_W("on")>, kw<RBC_W("from")>, kw<RBC_W("with")>, kw<RBC_W("than")>,
          kw<RBC_W("is")>, kw<RBC_W("are")>, kw<RBC_W("was")>, kw<RBC_W("were")>,
          kw<RBC_W("be")>, kw<RBC_W("by")>, kw<RBC_W("as")>, kw<RBC_W("if")>,
          kw<RBC_W("when")>, kw<RBC_W("while")>, kw<RBC_W("during")>, kw<RBC_W("after")>,
          kw<RBC_W("before")>, kw<RBC_W("since")>, kw<RBC_W("until")>, kw<RBC_W("then")>,
          kw<RBC_W("every")>, kw<RBC_W("each")>, kw<RBC_W("ago")>, kw<RBC_W("total")>,
          kw<RBC_W("left")>, kw<RBC_W("remaining")>, kw<RBC_W("used")>, kw<RBC_W("free")>,
          kw<RBC_W("critical")>, kw<RBC_W("warning")>, kw<RBC_W("page")>, kw<RBC_W("alert")>,
          kw<RBC_W("not")>, kw<RBC_W("no")>, kw<RBC_W("but")>, kw<RBC_W("so")>,
          kw<RBC_W("its")>, kw<RBC_W("has")>, kw<RBC_W("this")>,
          kw<RBC_W("does")>, kw<RBC_W("always")>, kw<RBC_W("across")>> {};
struct noun : seq<not_at<stop_word>, alpha, star<sor<alpha, one<'-'>>>, word_end> {};
// "0.1 errors per second", "0.01 failed peer sends per second": the noun
// phrase is dropped and the value becomes a bare rate.
struct counted_rate : seq<noun, rep_opt<2, ws1, noun>, ws, rate> {};
// A plural noun ends in "s"; up to two words before it are taken as its
// adjectives ("100 active accounts", "2 live nodes"). Without a plural the
// first word is the noun ("1 consumer").
struct plural_noun
    : seq<not_at<stop_word>, alpha, star<alpha, at<alpha>>, one<'s', 'S'>, word_end> {};
struct lone_noun : noun {};
struct counted_noun : sor<plural_noun, seq<noun, ws1, plural_noun>,
                          seq<noun, ws1, noun, ws1, plural_noun>, lone_noun> {};

// ---------------------------------------------------------------------------
// The measured part of a comparison: amount, unit, rate, "of max".
struct measure : sor<percent, byte_unit, time_unit, degree_unit> {};
struct measured_rate : rate {};
struct unit_part : sor<seq<ws, measure, opt<ws, measured_rate>>,  // "5%", "10 MB/10min"
                       seq<ws, measured_rate>,                   // "$5/hour", "1/s"
                       seq<ws1, counted_rate>,                   // "0.5 times/second"
                       seq<ws1, counted_noun>,                   // "1000 messages"
                       pegtl::success> {};
// A value must end the token: "1.2.3", "10.0.0.1", "2024-01-15", "1-4",
// "10:30" and "5xx" are not thresholds.
struct value_end : not_at<sor<word_char, one<'/'>, seq<one<'.', ',', '-', ':'>, digit>>> {};
struct max_word : sor<seq<istring<'m', 'a', 'x'>, star<word_char>>, kw<RBC_W("limits")>,
                      kw<RBC_W("limit")>, kw<RBC_W("capacity")>, kw<RBC_W("quota")>> {};
struct of_max : seq<kw<RBC_W("of")>, ws1,
                    rep_opt<2, sor<kw<RBC_W("the")>, kw<RBC_W("its")>, kw<RBC_W("configured")>,
                                   kw<RBC_W("allowed")>>, ws1>,
                    max_word> {};
struct amount : seq<opt<currency>, number, opt<plus_mark>> {};
// Severity words that can qualify a comparison.
struct severity_name : sor<kw<RBC_W("critical")>, kw<RBC_W("warning")>, kw<RBC_W("warn")>,
                           kw<RBC_W("info")>, kw<RBC_W("page")>> {};
// "(critical)" right after a value names its severity.
struct severity_note : seq<ws, one<'('>, ws, severity_name, ws, one<')'>> {};
struct value : seq<amount, unit_part, value_end, opt<ws1, of_max>, opt<severity_note>> {};

// ---------------------------------------------------------------------------
// Comparison operators: symbols first, then words. "over" has its own rule
// because "over 5 minutes" may turn out to be a window.
struct op_ge_sym : sor<string<'>', '='>, string<'\xE2', '\x89', '\xA5'>, TAO_PEGTL_STRING("&gt;=")> {};
struct op_le_sym : sor<string<'<', '='>, string<'\xE2', '\x89', '\xA4'>, TAO_PEGTL_STRING("&lt;=")> {};
struct op_ne_sym : sor<string<'!', '='>, string<'\xE2', '\x89', '\xA0'>> {};
struct op_eq_sym : sor<string<'=', '='>, one<'='>> {};
struct op_gt_sym : sor<one<'>'>, TAO_PEGTL_STRING("&gt;")> {};
struct op_lt_sym : sor<one<'<'>, TAO_PEGTL_STRING("&lt;")> {};

struct more_than : sor<words2<RBC_W("more"), RBC_W("than")>, words2<RBC_W("greater"), RBC_W("than")>,
                       words2<RBC_W("higher"), RBC_W("than")>, words2<RBC_W("larger"), RBC_W("than")>,
                       words2<RBC_W("bigger"), RBC_W("than")>, words2<RBC_W("longer"), RBC_W("than")>,
                       words2<RBC_W("slower"), RBC_W("than")>, words2<RBC_W("older"), RBC_W("than")>> {};
struct less_than : sor<words2<RBC_W("less"), RBC_W("than")>, words2<RBC_W("fewer"), RBC_W("than")>,
                       words2<RBC_W("lower"), RBC_W("than")>, words2<RBC_W("smaller"), RBC_W("than")>,
                       words2<RBC_W("shorter"), RBC_W("than")>, words2<RBC_W("newer"), RBC_W("than")>,
                       words2<RBC_W("younger"), RBC_W("than")>> {};
struct negation : sor<kw<RBC_W("not")>, kw<RBC_W("no")>> {};
// "not more than" = at most; "no less than" = at least.
struct op_not_above : seq<negation, ws1, sor<more_than, kw<RBC_W("above")>, kw<RBC_W("over")>,
                                             kw<RBC_W("exceeding")>>> {};
struct op_not_below : seq<negation, ws1, sor<less_than, kw<RBC_W("below")>, kw<RBC_W("under")>>> {};
struct op_ge_word : sor<words2<RBC_W("at"), RBC_W("least")>, kw<RBC_W("reaches")>,
                        kw<RBC_W("reached")>, kw<RBC_W("reaching")>, kw<RBC_W("hits")>> {};
struct op_le_word : sor<words2<RBC_W("at"), RBC_W("most")>> {};
struct op_gt_word : sor<more_than, kw<RBC_W("above")>, kw<RBC_W("exceeds")>, kw<RBC_W("exceeding")>,
                        kw<RBC_W("exceeded")>, kw<RBC_W("exceed")>, kw<RBC_W("beyond")>,
                        words3<RBC_W("in"), RBC_W("excess"), RBC_W("of")>> {};
struct op_lt_word : sor<less_than, kw<RBC_W("below")>, kw<RBC_W("under")>, kw<RBC_W("beneath")>> {};
struct op_eq_word : sor<words2<RBC_W("equal"), RBC_W("to")>, kw<RBC_W("equals")>> {};
struct op_over : kw<RBC_W("over")> {};

// Verbs that only say which way the value moves: "drops below", "rises above".
struct motion_verb
    : sor<kw<RBC_W("drops")>, kw<RBC_W("drop")>, kw<RBC_W("dropped")>, kw<RBC_W("dropping")>,
          kw<RBC_W("falls")>, kw<RBC_W("fall")>, kw<RBC_W("fell")>, kw<RBC_W("falling")>,
          kw<RBC_W("goes")>, kw<RBC_W("go")>, kw<RBC_W("going")>, kw<RBC_W("went")>,
          kw<RBC_W("rises")>, kw<RBC_W("rise")>, kw<RBC_W("rising")>, kw<RBC_W("rose")>,
          kw<RBC_W("climbs")>, kw<RBC_W("grows")>, kw<RBC_W("growing")>, kw<RBC_W("stays")>,
          kw<RBC_W("remains")>> {};

struct op_ge : sor<op_ge_sym, op_not_below, op_ge_word> {};
struct op_le : sor<op_le_sym, op_not_above, op_le_word> {};
struct op_ne : op_ne_sym {};
struct op_eq : sor<op_eq_sym, op_eq_word> {};
struct op_gt : sor<op_gt_sym, op_gt_word> {};
struct op_lt : sor<op_lt_sym, op_lt_word> {};
struct op : seq<opt<motion_verb, ws1>, sor<op_ge, op_le, op_ne, op_eq, op_gt, op_lt, op_over>> {};

// ---------------------------------------------------------------------------
// Severity leads: "critical at 95%", "warning: > 80%", "Alert at 85%". Only
// after such a word does "at" mean "reaches" (>=).
struct alert_name : sor<kw<RBC_W("alerts")>, kw<RBC_W("alert")>, kw<RBC_W("alerting")>> {};
struct op_at : kw<RBC_W("at")> {};
struct severity_lead : seq<sor<severity_name, alert_name>, ws, opt<one<':'>, ws>, sor<op_at, op>> {};

// ---------------------------------------------------------------------------
// Durations: "5 minutes", "5+ minutes", "1h30m", "1 hour 30 minutes",
// "an hour". A lone "hour" after "the last" means one hour.
struct duration_amount : sor<number, kw<RBC_W("an")>, kw<RBC_W("a")>> {};
struct duration_part : seq<duration_amount, opt<plus_mark>, ws, time_unit, opt<plus_mark>> {};
struct duration_start : pegtl::success {};
// Prometheus style with two or more parts: "1h30m", "2m30s".
struct compact_unit : sor<seq<string<'m', 's'>, at<sor<digit, word_end>>>, one<'s'>, one<'m'>, one<'h'>,
                          one<'d'>, one<'w'>, one<'y'>> {};
struct compact_amount : digits {};
struct compact_part : seq<compact_amount, compact_unit> {};
struct compact_duration : seq<duration_start, compact_part, plus<compact_part>, word_end> {};
struct spelled_duration : seq<duration_start, duration_part, star<ws, duration_part>> {};
struct duration : seq<sor<compact_duration, spelled_duration>, value_end> {};
struct bare_duration : seq<duration_start, time_unit> {};

// "for >1 minute", "for more than 1 minute", "for at least 5m".
struct for_qualifier : sor<op_ge_sym, op_gt_sym, more_than, op_ge_word, kw<RBC_W("over")>,
                           words3<RBC_W("in"), RBC_W("excess"), RBC_W("of")>> {};
struct for_clause : seq<kw<RBC_W("for")>, ws1, opt<for_qualifier, ws>, duration> {};

// "in 1 hour", "within 10 minutes", "over the last 5m", "during the past
// hour", "for the last 5 minutes".
struct last_words : seq<opt<kw<RBC_W("the")>, ws1>,
                        sor<kw<RBC_W("last")>, kw<RBC_W("past")>, kw<RBC_W("previous")>>, ws1> {};
struct recent_duration : seq<last_words, sor<duration, bare_duration>> {};
struct window_lead : sor<kw<RBC_W("in")>, kw<RBC_W("within")>, kw<RBC_W("during")>> {};
struct window_clause : sor<seq<window_lead, ws1, sor<recent_duration, duration>>,
                           seq<sor<kw<RBC_W("over")>, kw<RBC_W("for")>>, ws1, recent_duration>> {};
// Directly after a comparison, "over 5 minutes" is its window.
struct over_window : seq<kw<RBC_W("over")>, ws1, duration> {};

// ---------------------------------------------------------------------------
// A comparison: an operator (maybe led by a severity word) and a value,
// followed directly by its own duration or window when there is one.
struct comparison_head : sor<severity_lead, op> {};
struct comparison_tail : sor<window_clause, for_clause, over_window> {};
struct operator_comparison : seq<comparison_head, ws, value> {};
// "5+ restarts" means at least five; it needs a unit or noun to count.
struct plus_amount : seq<number, plus_mark> {};
struct plus_comparison
    : seq<plus_amount, sor<seq<ws, measure>, seq<ws, measured_rate>, seq<ws1, counted_rate>,
                           seq<ws1, counted_noun>>,
          value_end> {};
struct comparison : seq<sor<operator_comparison, plus_comparison>, opt<ws, comparison_tail>> {};

// What the scanner tries at each token start.
struct clause : sor<window_clause, for_clause, comparison> {};

#undef RBC_W

}  // namespace rbc::threshold::grammar
