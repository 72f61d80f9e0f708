#include "promql/regex.hpp"

#include <re2/re2.h>

#include <string>
#include <unordered_map>

#include "gotext/utf8.hpp"
#include "promql/go_format.hpp"

namespace rbc::promql {
namespace {

// Go regexp/syntax ErrorCode texts for RE2's error codes.
const char* go_error_code(RE2::ErrorCode code) {
  switch (code) {
    case RE2::ErrorBadEscape: return "invalid escape sequence";
    case RE2::ErrorBadCharClass: return "invalid character class";
    case RE2::ErrorBadCharRange: return "invalid character class range";
    case RE2::ErrorMissingBracket: return "missing closing ]";
    case RE2::ErrorMissingParen: return "missing closing )";
    case RE2::ErrorUnexpectedParen: return "unexpected )";
    case RE2::ErrorTrailingBackslash: return "trailing backslash at end of expression";
    case RE2::ErrorRepeatArgument: return "missing argument to repetition operator";
    case RE2::ErrorRepeatSize: return "invalid repeat count";
    case RE2::ErrorRepeatOp: return "invalid nested repetition operator";
    case RE2::ErrorBadPerlOp: return "invalid or unsupported Perl syntax";
    case RE2::ErrorBadUTF8: return "invalid UTF-8";
    case RE2::ErrorBadNamedCapture: return "invalid named capture";
    case RE2::ErrorPatternTooLarge: return "expression too large";
    default: return "internal error";
  }
}

// What Go's regexp/syntax rejects and RE2 accepts, at the byte Go stops:
// `\C` (any byte: Go has no such escape, also inside a class) and a
// repeat count too big for Go's integer parser (ten digits or more: Go
// reports "invalid repeat count", RE2 reads the braces as literal text).
struct GoOnlyRejection {
  std::size_t at = 0;
  std::string message;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Digits at `i` as Go's parseInt reads them: false for none or a leading
// zero; `overflow` when Go gives up on the size (at the tenth digit).
bool go_int(std::string_view re, std::size_t& i, bool& overflow) {
  const std::size_t start = i;
  if (i >= re.size() || !is_digit(re[i])) return false;
  if (i + 1 < re.size() && re[i] == '0' && is_digit(re[i + 1])) return false;
  while (i < re.size() && is_digit(re[i])) ++i;
  overflow = overflow || i - start >= 10;
  return true;
}

// `{min}`, `{min,}` or `{min,max}` at `open` with a number Go cannot read.
std::optional<GoOnlyRejection> oversized_repeat(std::string_view re, std::size_t open) {
  std::size_t i = open + 1;
  bool overflow = false;
  if (!go_int(re, i, overflow) || i >= re.size()) return std::nullopt;
  if (re[i] == ',') {
    ++i;
    if (i < re.size() && re[i] != '}' && !go_int(re, i, overflow)) return std::nullopt;
  }
  if (i >= re.size() || re[i] != '}' || !overflow) return std::nullopt;
  return GoOnlyRejection{open, "invalid repeat count: `" + std::string(re.substr(open, i + 1 - open)) + "`"};
}

enum class Piece { escape, plain };

// Walks a pattern as Go's parser reads it, calling `visit(i, piece)` for
// each escape (`\x` at i, also inside a class) and each character outside
// a class; \Q...\E text and class members are skipped. Returns the index
// where `visit` returned true, or npos.
template <class Visit>
std::size_t walk_pattern(std::string_view re, Visit visit) {
  bool in_class = false;
  for (std::size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\' && i + 1 < re.size()) {
      if (re[i + 1] == 'Q' && !in_class) {  // \Q...\E: literal text
        const std::size_t end = re.find("\\E", i + 2);
        if (end == std::string_view::npos) return std::string_view::npos;
        i = end + 1;
        continue;
      }
      if (visit(i, Piece::escape)) return i;
      ++i;
    } else if (in_class) {
      if (c == '[' && i + 1 < re.size() && re[i + 1] == ':') {
        const std::size_t end = re.find(":]", i + 2);
        if (end != std::string_view::npos) i = end + 1;
      } else if (c == ']') {
        in_class = false;
      }
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < re.size() && re[i + 1] == '^') ++i;
      if (i + 1 < re.size() && re[i + 1] == ']') ++i;  // a leading ']' is a member
    } else if (visit(i, Piece::plain)) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::optional<GoOnlyRejection> go_only_rejection(std::string_view re) {
  std::optional<GoOnlyRejection> found;
  walk_pattern(re, [&](std::size_t i, Piece piece) {
    if (piece == Piece::escape && re[i + 1] == 'C') found = GoOnlyRejection{i, "invalid escape sequence: `\\C`"};
    if (piece == Piece::plain && re[i] == '{') found = oversized_repeat(re, i);
    return found.has_value();
  });
  return found;
}

// Where Go meets the first ')' that closes no group (npos: none).
std::size_t unmatched_paren(std::string_view re) {
  int depth = 0;
  return walk_pattern(re, [&](std::size_t i, Piece piece) {
    if (piece != Piece::plain) return false;
    if (re[i] == '(') ++depth;
    return re[i] == ')' && --depth < 0;
  });
}

// Patterns made only of literal characters, '.', '|' and quantifiers that
// follow an atom are always valid; decide them without compiling.
bool simple_check(std::string_view re, RegexCheck& out) {
  bool alt_empty = true;      // every atom of this alternative so far is optional
  bool any_empty = false;
  bool after_atom = false;    // previous char was an atom (quantifiable)
  bool pending_atom = false;  // last atom not yet known to be optional
  for (char c : re) {
    const bool literal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                         c == '_' || c == ':' || c == '-' || c == '/' || c == ' ' || c == '.' || c == '=' ||
                         c == ',' || c == '@' || c == '%' || c == '#' || c == '!' || c == '\'' || c == '"';
    if (literal) {
      if (pending_atom) alt_empty = false;
      pending_atom = true;
      after_atom = true;
    } else if (c == '*' || c == '?' || c == '+') {
      if (!after_atom) return false;
      if (c == '+' && pending_atom) alt_empty = false;
      pending_atom = false;
      after_atom = false;
    } else if (c == '|') {
      if (pending_atom) alt_empty = false;
      any_empty = any_empty || alt_empty;
      alt_empty = true;
      pending_atom = false;
      after_atom = false;
    } else {
      return false;
    }
  }
  if (pending_atom) alt_empty = false;
  out.matches_empty = any_empty || alt_empty;
  return true;
}

RegexCheck compile_check(std::string_view pattern);

}  // namespace

// Rule files repeat the same regexes a lot; compiling is the costly part.
RegexCheck check_regex(std::string_view pattern) {
  RegexCheck out;
  if (simple_check(pattern, out)) return out;
  thread_local std::unordered_map<std::string, RegexCheck> cache;
  const std::string key(pattern);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  if (cache.size() > 50000) cache.clear();
  return cache.emplace(key, compile_check(pattern)).first->second;
}

namespace {

// Go checks a repeat's bounds (min > max, over 1000) as soon as it reads
// `{...}`, before its non-greedy '?' and before asking whether it repeats
// a repeat; RE2 does it later. So RE2's `{2,0}?` is Go's `{2,0}`, and its
// "invalid nested repetition operator: `*{1001}`" is Go's "invalid repeat
// count: `{1001}`". A repeat too big only once nested, `(a{500}){3}?`, is
// found after the '?' in both.
std::string_view trailing_braces(std::string_view op) {
  if (!op.empty() && op.back() == '?') op.remove_suffix(1);
  const std::size_t open = op.rfind('{');
  return open == std::string_view::npos ? std::string_view() : op.substr(open);
}

bool bounds_out_of_range(std::string_view braces) {
  if (braces.size() < 3 || braces.front() != '{' || braces.back() != '}') return false;
  const std::string inside(braces.substr(1, braces.size() - 2));
  const std::size_t comma = inside.find(',');
  const auto number = [](const std::string& digits) {
    return digits.empty() || digits.size() > 9 ? -1L : std::stol(digits);
  };
  const long min = number(inside.substr(0, comma));
  const long max = comma == std::string::npos ? min : number(inside.substr(comma + 1));
  return min > 1000 || max > 1000 || (max >= 0 && min > max);
}

// Go's "error parsing regexp: <code>: `<arg>`" for a failed RE2 compile of
// `text` (the whole expression Go was parsing).
std::string go_error(const RE2& re, const std::string& text) {
  std::string arg = re.error_arg();
  RE2::ErrorCode code = re.error_code();
  switch (code) {
    case RE2::ErrorMissingParen:
    case RE2::ErrorUnexpectedParen: arg = text; break;
    case RE2::ErrorTrailingBackslash: arg.clear(); break;
    case RE2::ErrorRepeatSize:
    case RE2::ErrorRepeatOp:
      if (const std::string_view braces = trailing_braces(arg); bounds_out_of_range(braces)) {
        code = RE2::ErrorRepeatSize;
        arg = std::string(braces);
      }
      break;
    case RE2::ErrorBadUTF8: {
      // Go quotes the rest of the expression from the first bad byte.
      std::size_t i = 0;
      while (i < text.size()) {
        const gotext::Rune r = gotext::decode_rune(std::string_view(text).substr(i));
        if (r.value == 0xFFFD && r.width == 1) break;
        i += r.width;
      }
      arg = text.substr(i);
      break;
    }
    default: break;
  }
  return std::string("error parsing regexp: ") + go_error_code(code) + ": `" + arg + "`";
}

// Which error Go reports first when RE2 found one and a Go-only rejection
// exists too: Go parses left to right, so the earlier one. RE2 gives no
// position; unclosed groups, classes and a trailing backslash are found at
// the end, a stray ')' where it stands, other errors where their text
// first appears.
bool go_stops_first(const GoOnlyRejection& go, const RE2& re, std::string_view text, std::size_t offset) {
  switch (re.error_code()) {
    case RE2::ErrorMissingParen:
    case RE2::ErrorMissingBracket:
    case RE2::ErrorTrailingBackslash: return true;
    case RE2::ErrorUnexpectedParen: return go.at + offset < unmatched_paren(text);
    default: break;
  }
  const std::size_t at = re.error_arg().empty() ? std::string_view::npos : text.find(re.error_arg());
  return at == std::string_view::npos || go.at + offset < at;
}

// RE2's verdict on `text` (`pattern` starts at `offset` in it), as Go's.
std::optional<std::string> compile_error(const RE2& re, const std::string& text, std::size_t offset,
                                         const std::optional<GoOnlyRejection>& go) {
  if (re.ok()) return std::nullopt;
  if (go && go_stops_first(*go, re, text, offset)) return "error parsing regexp: " + go->message;
  return go_error(re, text);
}

// Prometheus compiles "^(?:re)$" and then also parses the bare pattern, so
// a pattern like ")(" that only balances once wrapped is still rejected.
RegexCheck compile_check(std::string_view pattern) {
  RegexCheck out;
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(64 << 20);
  const std::optional<GoOnlyRejection> go = go_only_rejection(pattern);
  const std::string anchored = "^(?:" + std::string(pattern) + ")$";
  RE2 re(anchored, opts);
  if (auto error = compile_error(re, anchored, 4, go)) {
    out.error = std::move(*error);
    return out;
  }
  if (pattern.find(')') != std::string_view::npos) {
    const std::string bare(pattern);
    RE2 raw(bare, opts);
    if (auto error = compile_error(raw, bare, 0, go)) {
      out.error = std::move(*error);
      return out;
    }
  }
  if (go) {
    out.error = "error parsing regexp: " + go->message;
    return out;
  }
  out.matches_empty = RE2::FullMatch("", re);
  return out;
}

}  // namespace

}  // namespace rbc::promql
