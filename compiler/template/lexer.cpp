#include "template/lexer.hpp"

#include <array>
#include <utility>

#include "gotext/quote.hpp"
#include "gotext/unicode.hpp"
#include "gotext/utf8.hpp"
#include "template/go_text.hpp"

namespace rbc::gotmpl {
namespace {

constexpr std::string_view kLeftDelim = "{{";
constexpr std::string_view kRightDelim = "}}";
constexpr std::string_view kLeftComment = "/*";
constexpr std::string_view kRightComment = "*/";
constexpr std::size_t kTrimMarkerLen = 2;  // "- " or " -"
constexpr char32_t kEof = 0xFFFFFFFF;

bool has_left_trim_marker(std::string_view s) {
  return s.size() >= 2 && s[0] == '-' && is_space(static_cast<unsigned char>(s[1]));
}
bool has_right_trim_marker(std::string_view s) {
  return s.size() >= 2 && is_space(static_cast<unsigned char>(s[0])) && s[1] == '-';
}
bool is_space_byte(char c) { return is_space(static_cast<unsigned char>(c)); }

constexpr std::array<std::pair<std::string_view, Tok>, 11> kKeywords{{
    {"block", Tok::kw_block},
    {"break", Tok::kw_break},
    {"continue", Tok::kw_continue},
    {"define", Tok::kw_define},
    {"else", Tok::kw_else},
    {"end", Tok::kw_end},
    {"if", Tok::kw_if},
    {"nil", Tok::kw_nil},
    {"range", Tok::kw_range},
    {"template", Tok::kw_template},
    {"with", Tok::kw_with},
}};

// Go's lexer is a set of state functions; each returns the next state.
enum class State { text, left_delim, comment, right_delim, inside_action, space, quote, raw_quote, chr,
                   number, identifier, field, variable, done };

class Lexer {
 public:
  explicit Lexer(std::string_view input) : in_(input) {}

  std::vector<Token> run() {
    State s = State::text;
    while (s != State::done) s = step(s);
    return std::move(out_);
  }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  std::size_t start_ = 0;
  std::size_t width_ = 0;
  int paren_depth_ = 0;
  std::vector<Token> out_;

  std::string_view rest(std::size_t at) const { return at <= in_.size() ? in_.substr(at) : std::string_view{}; }

  char32_t next() {
    if (pos_ >= in_.size()) {
      width_ = 0;
      return kEof;
    }
    const gotext::Rune d = gotext::decode_rune(in_.substr(pos_));
    width_ = d.width;
    pos_ += width_;
    return d.value;
  }
  void backup() { pos_ -= width_; }
  char32_t peek() {
    const char32_t r = next();
    backup();
    return r;
  }
  bool accept(std::string_view valid) {
    const char32_t r = next();
    if (r < 0x80 && valid.find(static_cast<char>(r)) != std::string_view::npos) return true;
    backup();
    return false;
  }
  void accept_run(std::string_view valid) {
    while (accept(valid)) {
    }
  }
  void emit(Tok t) {
    out_.push_back({t, start_, std::string(in_.substr(start_, pos_ - start_))});
    start_ = pos_;
  }
  void ignore() { start_ = pos_; }
  State error(std::string message) {
    out_.push_back({Tok::error, start_, std::move(message)});
    return State::done;
  }

  // atRightDelim: the right delimiter, possibly with a trim marker before it.
  std::pair<bool, bool> at_right_delim() const {
    if (has_right_trim_marker(rest(pos_)) && rest(pos_ + kTrimMarkerLen).starts_with(kRightDelim)) return {true, true};
    if (rest(pos_).starts_with(kRightDelim)) return {true, false};
    return {false, false};
  }

  bool at_terminator() {
    const char32_t r = peek();
    if (is_space(r)) return true;
    switch (r) {
      case kEof: case '.': case ',': case '|': case ':': case ')': case '(':
        return true;
      default:
        return rest(pos_).starts_with(kRightDelim);
    }
  }

  State step(State s) {
    switch (s) {
      case State::text: return lex_text();
      case State::left_delim: return lex_left_delim();
      case State::comment: return lex_comment();
      case State::right_delim: return lex_right_delim();
      case State::inside_action: return lex_inside_action();
      case State::space: return lex_space();
      case State::quote: return lex_quoted('"', Tok::string, "unterminated quoted string");
      case State::chr: return lex_quoted('\'', Tok::char_constant, "unterminated character constant");
      case State::raw_quote: return lex_raw_quote();
      case State::number: return lex_number();
      case State::identifier: return lex_identifier();
      case State::field: return lex_field_or_variable(Tok::field);
      case State::variable: return lex_variable();
      case State::done: break;
    }
    return State::done;
  }

  State lex_text() {
    width_ = 0;
    const std::size_t x = in_.find(kLeftDelim, pos_);
    if (x == std::string_view::npos) {
      pos_ = in_.size();
      if (pos_ > start_) emit(Tok::text);
      emit(Tok::eof);
      return State::done;
    }
    pos_ = x;
    std::size_t trim = 0;
    if (has_left_trim_marker(rest(pos_ + kLeftDelim.size()))) {
      while (pos_ - trim > start_ && is_space_byte(in_[pos_ - trim - 1])) ++trim;
    }
    pos_ -= trim;
    if (pos_ > start_) emit(Tok::text);
    pos_ += trim;
    ignore();
    return State::left_delim;
  }

  State lex_left_delim() {
    pos_ += kLeftDelim.size();
    const bool trim = has_left_trim_marker(rest(pos_));
    const std::size_t after_marker = trim ? kTrimMarkerLen : 0;
    if (rest(pos_ + after_marker).starts_with(kLeftComment)) {
      pos_ += after_marker;
      ignore();
      return State::comment;
    }
    emit(Tok::left_delim);
    pos_ += after_marker;
    ignore();
    paren_depth_ = 0;
    return State::inside_action;
  }

  State lex_comment() {
    pos_ += kLeftComment.size();
    const std::size_t x = in_.find(kRightComment, pos_);
    if (x == std::string_view::npos) return error("unclosed comment");
    pos_ = x + kRightComment.size();
    const auto [delim, trim] = at_right_delim();
    if (!delim) return error("comment ends before closing delimiter");
    if (trim) pos_ += kTrimMarkerLen;
    pos_ += kRightDelim.size();
    if (trim) skip_leading_space();
    ignore();
    return State::text;
  }

  void skip_leading_space() {
    while (pos_ < in_.size() && is_space_byte(in_[pos_])) ++pos_;
  }

  State lex_right_delim() {
    const bool trim = has_right_trim_marker(rest(pos_));
    if (trim) {
      pos_ += kTrimMarkerLen;
      ignore();
    }
    pos_ += kRightDelim.size();
    emit(Tok::right_delim);
    if (trim) {
      skip_leading_space();
      ignore();
    }
    return State::text;
  }

  State lex_inside_action() {
    if (at_right_delim().first) {
      if (paren_depth_ == 0) return State::right_delim;
      return error("unclosed left paren");
    }
    const char32_t r = next();
    if (r == kEof) return error("unclosed action");
    if (is_space(r)) {
      backup();  // a space may begin " -}}"
      return State::space;
    }
    switch (r) {
      case '=': emit(Tok::assign); return State::inside_action;
      case ':':
        if (next() != '=') return error("expected :=");
        emit(Tok::declare);
        return State::inside_action;
      case '|': emit(Tok::pipe); return State::inside_action;
      case '"': return State::quote;
      case '`': return State::raw_quote;
      case '$': return State::variable;
      case '\'': return State::chr;
      case '(':
        emit(Tok::left_paren);
        ++paren_depth_;
        return State::inside_action;
      case ')':
        emit(Tok::right_paren);
        if (--paren_depth_ < 0) return error("unexpected right paren " + gotext::unicode_rune(r));
        return State::inside_action;
      default: break;
    }
    if (r == '.' && pos_ < in_.size() && (in_[pos_] < '0' || in_[pos_] > '9')) return State::field;
    if (r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9')) {
      backup();
      return State::number;
    }
    if (is_alphanumeric(r)) {
      backup();
      return State::identifier;
    }
    if (r < 0x80 && gotext::is_print(r)) {
      emit(Tok::chr);
      return State::inside_action;
    }
    return error("unrecognized character in action: " + gotext::unicode_rune(r));
  }

  State lex_space() {
    int spaces = 0;
    while (is_space(peek())) {
      next();
      ++spaces;
    }
    // A trim-marked right delimiter starts with a space: leave it alone.
    if (has_right_trim_marker(rest(pos_ - 1)) && rest(pos_ - 1 + kTrimMarkerLen).starts_with(kRightDelim)) {
      backup();
      if (spaces == 1) return State::right_delim;
    }
    emit(Tok::space);
    return State::inside_action;
  }

  State lex_identifier() {
    while (true) {
      const char32_t r = next();
      if (is_alphanumeric(r)) continue;
      backup();
      if (!at_terminator()) return error("bad character " + gotext::unicode_rune(r));
      const std::string_view word = in_.substr(start_, pos_ - start_);
      Tok t = Tok::identifier;
      for (const auto& [kw, tok] : kKeywords) {
        if (kw == word) t = tok;
      }
      if (t == Tok::identifier && (word == "true" || word == "false")) t = Tok::boolean;
      emit(t);
      return State::inside_action;
    }
  }

  State lex_variable() {
    if (at_terminator()) {  // just "$"
      emit(Tok::variable);
      return State::inside_action;
    }
    return lex_field_or_variable(Tok::variable);
  }

  State lex_field_or_variable(Tok type) {
    if (at_terminator()) {  // "." alone is the cursor
      emit(type == Tok::variable ? Tok::variable : Tok::kw_dot);
      return State::inside_action;
    }
    char32_t r = kEof;
    while (true) {
      r = next();
      if (!is_alphanumeric(r)) {
        backup();
        break;
      }
    }
    if (!at_terminator()) return error("bad character " + gotext::unicode_rune(r));
    emit(type);
    return State::inside_action;
  }

  State lex_quoted(char32_t quote, Tok type, const char* unterminated) {
    while (true) {
      char32_t r = next();
      if (r == '\\') {
        r = next();
        if (r != kEof && r != '\n') continue;
        return error(unterminated);
      }
      if (r == kEof || r == '\n') return error(unterminated);
      if (r == quote) break;
    }
    emit(type);
    return State::inside_action;
  }

  State lex_raw_quote() {
    while (true) {
      const char32_t r = next();
      if (r == kEof) return error("unterminated raw quoted string");
      if (r == '`') break;
    }
    emit(Tok::raw_string);
    return State::inside_action;
  }

  State lex_number() {
    if (!scan_number()) return error("bad number syntax: " + gotext::quote(in_.substr(start_, pos_ - start_)));
    const char32_t sign = peek();
    if (sign == '+' || sign == '-') {
      // Complex: 1+2i, no spaces, must end in 'i'.
      if (!scan_number() || in_[pos_ - 1] != 'i') {
        return error("bad number syntax: " + gotext::quote(in_.substr(start_, pos_ - start_)));
      }
      emit(Tok::complex);
    } else {
      emit(Tok::number);
    }
    return State::inside_action;
  }

  // Deliberately loose (accepts "." and "089"); the parser checks values.
  bool scan_number() {
    accept("+-");
    std::string_view digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    accept_run(digits);
    if (accept(".")) accept_run(digits);
    if (digits.size() == 11 && accept("eE")) {
      accept("+-");
      accept_run("0123456789_");
    }
    if (digits.size() == 23 && accept("pP")) {
      accept("+-");
      accept_run("0123456789_");
    }
    accept("i");
    if (is_alphanumeric(peek())) {
      next();
      return false;
    }
    return true;
  }
};

}  // namespace

std::vector<Token> lex_template(std::string_view text) { return Lexer(text).run(); }

std::string describe(const Token& token) {
  switch (token.type) {
    case Tok::eof: return "EOF";
    case Tok::error: return token.value;
    default: break;
  }
  if (token.type >= Tok::kw_block) return "<" + token.value + ">";
  // Go: values longer than 10 bytes print as %.10q followed by "...".
  if (token.value.size() > 10) return gotext::quote_prefix(token.value, 10) + "...";
  return gotext::quote(token.value);
}

}  // namespace rbc::gotmpl
