#include "promql/lexer.hpp"

#include <array>
#include <cstdint>

#include "gotext/quote.hpp"
#include "gotext/utf8.hpp"
#include "promql.hpp"
#include "promql/go_format.hpp"

namespace rbc::promql {
namespace {

namespace pegtl = tao::pegtl;
namespace g = rbc::grammar::promql;

constexpr std::int64_t kEof = -1;

bool is_space(std::int64_t r) { return r == ' ' || r == '\t' || r == '\n' || r == '\r'; }
bool is_digit(std::int64_t r) { return r >= '0' && r <= '9'; }
bool is_alpha(std::int64_t r) { return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'); }
bool is_alnum(std::int64_t r) { return is_alpha(r) || is_digit(r); }

// Length of the longest match of Rule at the start of `s` (0 when no match).
template <typename Rule>
std::size_t match_length(std::string_view s) {
  pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf, const char*> in(s.data(), s.data() + s.size(), "");
  if (!pegtl::parse<Rule>(in)) return 0;
  return static_cast<std::size_t>(in.current() - s.data());
}

struct Keyword {
  std::string_view word;
  Tok type;
};

constexpr std::array<Keyword, 28> kKeywords = {{
    {"and", Tok::Land}, {"or", Tok::Lor}, {"unless", Tok::Lunless}, {"atan2", Tok::Atan2},
    {"sum", Tok::Sum}, {"avg", Tok::Avg}, {"count", Tok::Count}, {"min", Tok::Min},
    {"max", Tok::Max}, {"group", Tok::Group}, {"stddev", Tok::Stddev}, {"stdvar", Tok::Stdvar},
    {"topk", Tok::Topk}, {"bottomk", Tok::Bottomk}, {"count_values", Tok::CountValues},
    {"quantile", Tok::Quantile}, {"offset", Tok::Offset}, {"by", Tok::By},
    {"without", Tok::Without}, {"on", Tok::On}, {"ignoring", Tok::Ignoring},
    {"group_left", Tok::GroupLeft}, {"group_right", Tok::GroupRight}, {"bool", Tok::Bool},
    {"start", Tok::Start}, {"end", Tok::End}, {"inf", Tok::Number}, {"nan", Tok::Number},
}};

// Keyword lookup on the lower-cased whole word; Identifier when none.
Tok classify_word(std::string_view word) {
  if (word.size() >= 2 && word.size() <= 12) {
    char lower[12];
    for (std::size_t i = 0; i < word.size(); ++i) {
      const char c = word[i];
      lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    const std::string_view lw(lower, word.size());
    for (const Keyword& k : kKeywords)
      if (k.word == lw) return k.type;
  }
  return word.find(':') == std::string_view::npos ? Tok::Identifier : Tok::MetricIdentifier;
}

int digit_val(std::int64_t ch) {
  if (ch >= '0' && ch <= '9') return static_cast<int>(ch - '0');
  if (ch >= 'a' && ch <= 'f') return static_cast<int>(ch - 'a' + 10);
  if (ch >= 'A' && ch <= 'F') return static_cast<int>(ch - 'A' + 10);
  return 16;
}

}  // namespace

bool is_aggregator(Tok t) { return t >= Tok::Avg && t <= Tok::Topk; }
bool is_keyword(Tok t) { return t >= Tok::Bool && t <= Tok::Without; }
bool is_operator(Tok t) { return t >= Tok::Add && t <= Tok::Lunless; }

std::string describe(const Token& t) {
  const std::string_view v = t.text;
  switch (t.type) {
    case Tok::Eof: return "end of input";
    case Tok::Error: return "error";
    case Tok::Identifier: return "identifier " + gotext::quote(v);
    case Tok::MetricIdentifier: return "metric identifier " + gotext::quote(v);
    case Tok::Number:
    case Tok::String:
    case Tok::Duration: {
      const char* kind = t.type == Tok::Number ? "number " : t.type == Tok::String ? "string " : "duration ";
      if (v.size() > 10) return kind + gotext::quote_prefix(v, 10) + "...";
      return kind + gotext::quote(v);
    }
    case Tok::At: return "\"<Item 57385>\" <op:@>";
    default: break;
  }
  if (is_keyword(t.type)) return "<" + std::string(v) + ">";
  if (is_operator(t.type)) return "<op:" + std::string(v) + ">";
  if (is_aggregator(t.type)) return "<aggr:" + std::string(v) + ">";
  // Punctuation, '=', start, end: Go %q of the text.
  return gotext::quote(v);
}

std::int64_t Lexer::next_rune() {
  if (pos_ >= in_.size()) {
    width_ = 0;
    return kEof;
  }
  const gotext::Rune r = gotext::decode_rune(in_.substr(pos_));
  width_ = r.width;
  pos_ += width_;
  return static_cast<std::int64_t>(r.value);
}

std::int64_t Lexer::peek_rune() {
  const std::int64_t r = next_rune();
  backup();
  return r;
}

bool Lexer::accept(std::string_view valid) {
  const std::int64_t r = next_rune();
  if (r >= 0 && r < 128 && valid.find(static_cast<char>(r)) != std::string_view::npos) return true;
  backup();
  return false;
}

Token Lexer::emit(Tok type) {
  Token t{type, start_, in_.substr(start_, pos_ - start_)};
  start_ = pos_;
  return t;
}

Token Lexer::error(std::string message) {
  done_ = true;
  error_ = std::move(message);
  return Token{Tok::Error, start_, {}};
}

Token Lexer::next() {
  if (done_) return Token{Tok::Eof, in_.size(), {}};
  if (want_duration_) {
    want_duration_ = false;
    return lex_duration();
  }
  return brace_open_ ? lex_inside_braces() : lex_statements();
}

// Skips comments and whitespace between tokens (both may appear anywhere a
// token may start) and returns the first rune of the next token, consumed.
std::int64_t Lexer::next_significant_rune() {
  for (;;) {
    if (pos_ < in_.size() && in_[pos_] == '#') {
      pos_ += match_length<g::comment>(in_.substr(pos_));
      start_ = pos_;
      continue;
    }
    const std::int64_t r = next_rune();
    if (!is_space(r)) return r;
    pos_ += match_length<g::spaces>(in_.substr(pos_));
    start_ = pos_;
  }
}

Token Lexer::lex_statements() {
  const std::int64_t r = next_significant_rune();
  switch (r) {
    case kEof:
      if (paren_depth_ != 0) return error("unclosed left parenthesis");
      if (bracket_open_) return error("unclosed left bracket");
      done_ = true;
      return emit(Tok::Eof);
    case ',': return emit(Tok::Comma);
    case '*': return emit(Tok::Mul);
    case '/': return emit(Tok::Div);
    case '%': return emit(Tok::Mod);
    case '+': return emit(Tok::Add);
    case '-': return emit(Tok::Sub);
    case '^': return emit(Tok::Pow);
    case '@': return emit(Tok::At);
    case '=': {
      const std::int64_t t = peek_rune();
      if (t == '=') {
        next_rune();
        return emit(Tok::Eqlc);
      }
      if (t == '~') return error("unexpected character after '=': " + gotext::quote_rune(t));
      return emit(Tok::Eql);
    }
    case '!': {
      const std::int64_t t = next_rune();
      if (t == '=') return emit(Tok::Neq);
      return error("unexpected character after '!': " + gotext::quote_rune(t));
    }
    case '<':
      if (peek_rune() == '=') {
        next_rune();
        return emit(Tok::Lte);
      }
      return emit(Tok::Lss);
    case '>':
      if (peek_rune() == '=') {
        next_rune();
        return emit(Tok::Gte);
      }
      return emit(Tok::Gtr);
    case '"':
    case '\'': return lex_string(static_cast<char>(r));
    case '`': return lex_raw_string();
    case '(':
      ++paren_depth_;
      return emit(Tok::LeftParen);
    case ')': {
      Token t = emit(Tok::RightParen);
      if (--paren_depth_ < 0) return error("unexpected right parenthesis " + gotext::quote_rune(r));
      return t;
    }
    case '{':
      brace_open_ = true;
      return emit(Tok::LeftBrace);
    case '[': {
      if (bracket_open_) return error("unexpected left bracket " + gotext::quote_rune(r));
      got_colon_ = false;
      Token t = emit(Tok::LeftBracket);
      pos_ += match_length<g::spaces>(in_.substr(pos_));
      start_ = pos_;
      bracket_open_ = true;
      want_duration_ = true;
      return t;
    }
    case ']':
      if (!bracket_open_) return error("unexpected right bracket " + gotext::quote_rune(r));
      bracket_open_ = false;
      return emit(Tok::RightBracket);
    default: break;
  }
  if (is_digit(r) || (r == '.' && is_digit(peek_rune()))) {
    backup();
    return lex_number_or_duration();
  }
  if (is_alpha(r) || r == ':') {
    if (!bracket_open_) {
      backup();
      return lex_word();
    }
    // Prometheus 2.42 lexes any letter inside brackets as the subquery colon.
    if (got_colon_) return error("unexpected colon " + gotext::quote_rune(r));
    got_colon_ = true;
    return emit(Tok::Colon);
  }
  return error("unexpected character: " + gotext::quote_rune(r));
}

Token Lexer::lex_inside_braces() {
  const std::int64_t r = next_significant_rune();
  if (is_alpha(r)) {
    backup();
    return lex_label_word();
  }
  switch (r) {
    case kEof: return error("unexpected end of input inside braces");
    case ',': return emit(Tok::Comma);
    case '"':
    case '\'': return lex_string(static_cast<char>(r));
    case '`': return lex_raw_string();
    case '=':
      if (next_rune() == '~') return emit(Tok::EqlRegex);
      backup();
      return emit(Tok::Eql);
    case '!': {
      const std::int64_t nr = next_rune();
      if (nr == '~') return emit(Tok::NeqRegex);
      if (nr == '=') return emit(Tok::Neq);
      return error("unexpected character after '!' inside braces: " + gotext::quote_rune(nr));
    }
    case '{': return error("unexpected left brace " + gotext::quote_rune(r));
    case '}':
      brace_open_ = false;
      return emit(Tok::RightBrace);
    default: return error("unexpected character inside braces: " + gotext::quote_rune(r));
  }
}

// The number shape; true when it is not followed by a letter, digit or '_'.
bool Lexer::scan_number() {
  pos_ += match_length<g::number_shape>(in_.substr(pos_));
  return !is_alnum(peek_rune());
}

// Unit, optional 's', then (digits unit 's'?)*, and no alphanumeric after.
// Like Prometheus, consumes as it goes so that error texts show how far it got.
bool Lexer::accept_remaining_duration() {
  if (!accept("smhdwy")) return false;
  accept("s");
  while (accept("0123456789")) {
    while (accept("0123456789")) {
    }
    if (!accept("smhdw")) return false;
    accept("s");
  }
  return !is_alnum(next_rune());
}

Token Lexer::lex_duration() {
  if (scan_number()) return error("missing unit character in duration");
  if (!accept_remaining_duration())
    return error("bad duration syntax: " + gotext::quote(in_.substr(start_, pos_ - start_)));
  backup();
  return emit(Tok::Duration);
}

Token Lexer::lex_number_or_duration() {
  if (scan_number()) return emit(Tok::Number);
  if (accept_remaining_duration()) {
    backup();
    return emit(Tok::Duration);
  }
  return error("bad number or duration syntax: " + gotext::quote(in_.substr(start_, pos_ - start_)));
}

Token Lexer::lex_word() {
  pos_ += match_length<g::word>(in_.substr(pos_));
  Token t = emit(Tok::Identifier);
  t.type = classify_word(t.text);
  return t;
}

Token Lexer::lex_label_word() {
  pos_ += match_length<g::label_word>(in_.substr(pos_));
  return emit(Tok::Identifier);
}

// Returns false (and fills `error`) when the escape is invalid.
bool Lexer::lex_escape(char quote, Token& err) {
  int n = 0;
  std::uint32_t base = 0;
  std::uint32_t max = 0;
  std::int64_t ch = next_rune();
  switch (ch) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
      return true;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
      n = 3, base = 8, max = 255;
      break;
    case 'x':
      ch = next_rune();
      n = 2, base = 16, max = 255;
      break;
    case 'u':
      ch = next_rune();
      n = 4, base = 16, max = 0x10FFFF;
      break;
    case 'U':
      ch = next_rune();
      n = 8, base = 16, max = 0x10FFFF;
      break;
    case kEof:
      err = error("escape sequence not terminated");
      return false;
    default:
      if (ch == quote) return true;
      err = error("unknown escape sequence " + gotext::unicode_rune(ch));
      return false;
  }
  std::uint64_t x = 0;
  while (n > 0) {
    const auto d = static_cast<std::uint32_t>(digit_val(ch));
    if (d >= base) {
      if (ch == kEof) {
        err = error("escape sequence not terminated");
        return false;
      }
      err = error("illegal character " + gotext::unicode_rune(ch) + " in escape sequence");
      return false;
    }
    x = x * base + d;
    if (--n > 0) ch = next_rune();
  }
  if (x > max || (x >= 0xD800 && x < 0xE000)) {
    err = error("escape sequence is an invalid Unicode code point");
    return false;
  }
  return true;
}

Token Lexer::lex_string(char quote) {
  for (;;) {
    const std::int64_t r = next_rune();
    if (r == '\\') {
      Token err;
      if (!lex_escape(quote, err)) return err;
      continue;
    }
    // Go reports U+FFFD as invalid even when it is correctly encoded.
    if (r == 0xFFFD) return error("invalid UTF-8 rune");
    if (r == kEof || r == '\n') return error("unterminated quoted string");
    if (r == quote) return emit(Tok::String);
  }
}

Token Lexer::lex_raw_string() {
  for (;;) {
    const std::int64_t r = next_rune();
    if (r == 0xFFFD) return error("invalid UTF-8 rune");
    if (r == kEof) return error("unterminated raw string");
    if (r == '`') return emit(Tok::String);
  }
}

}  // namespace rbc::promql
