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

// Go rejects \C (any byte), which RE2 accepts; report it like Go does.
std::optional<std::string> go_only_rejections(std::string_view re) {
  for (std::size_t i = 0; i + 1 < re.size(); ++i) {
    if (re[i] != '\\') continue;
    if (re[i + 1] == 'C') return std::string("invalid escape sequence: `\\C`");
    ++i;
  }
  return std::nullopt;
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

// Go's "error parsing regexp: <code>: `<arg>`" for a failed RE2 compile of
// `text` (the whole expression Go was parsing).
std::string go_error(const RE2& re, const std::string& text) {
  std::string arg = re.error_arg();
  switch (re.error_code()) {
    case RE2::ErrorMissingParen:
    case RE2::ErrorUnexpectedParen: arg = text; break;
    case RE2::ErrorTrailingBackslash: arg.clear(); break;
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
  return std::string("error parsing regexp: ") + go_error_code(re.error_code()) + ": `" + arg + "`";
}

// Prometheus compiles "^(?:re)$" and then also parses the bare pattern, so
// a pattern like ")(" that only balances once wrapped is still rejected.
RegexCheck compile_check(std::string_view pattern) {
  RegexCheck out;
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(64 << 20);
  const std::string anchored = "^(?:" + std::string(pattern) + ")$";
  RE2 re(anchored, opts);
  if (!re.ok()) {
    out.error = go_error(re, anchored);
    return out;
  }
  if (pattern.find(')') != std::string_view::npos) {
    const std::string bare(pattern);
    RE2 raw(bare, opts);
    if (!raw.ok()) {
      out.error = go_error(raw, bare);
      return out;
    }
  }
  if (auto go_err = go_only_rejections(pattern)) {
    out.error = "error parsing regexp: " + *go_err;
    return out;
  }
  out.matches_empty = RE2::FullMatch("", re);
  return out;
}

}  // namespace

}  // namespace rbc::promql
