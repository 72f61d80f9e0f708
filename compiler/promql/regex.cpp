#include "promql/regex.hpp"

#include <re2/re2.h>

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

}  // namespace

RegexCheck check_regex(std::string_view pattern) {
  RegexCheck out;
  std::string anchored = "^(?:";
  anchored.append(pattern);
  anchored += ")$";
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(64 << 20);
  RE2 re(anchored, opts);
  if (!re.ok()) {
    std::string arg = re.error_arg();
    // RE2 reports "unexpected )" as a missing paren with the remainder;
    // Go names the whole anchored expression.
    std::string msg = go_error_code(re.error_code());
    if (re.error_code() == RE2::ErrorMissingParen) {
      if (re.error().find("unexpected )") != std::string::npos) msg = "unexpected )";
      arg = anchored;
    } else if (re.error_code() == RE2::ErrorTrailingBackslash) {
      arg.clear();
    }
    out.error = "error parsing regexp: " + msg + ": `" + arg + "`";
    return out;
  }
  if (auto go_err = go_only_rejections(pattern)) {
    out.error = "error parsing regexp: " + *go_err;
    return out;
  }
  out.matches_empty = RE2::FullMatch("", re);
  return out;
}

}  // namespace rbc::promql
