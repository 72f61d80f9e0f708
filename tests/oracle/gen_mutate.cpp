// Entry points, token-level mutations and the whitespace/comment layout.
#include <cctype>
#include <utility>

#include "gen_core.hpp"
#include "promql_gen.hpp"

namespace rbc::oracle {
namespace detail {
namespace {

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == ':' || c == '.' ||
         (static_cast<unsigned char>(c) & 0x80) != 0;
}

// Tokens that make no sense at the spot they get inserted (mostly).
const char* const kJunkTokens[] = {"(",     ")",       "[",      "]",    "{",    "}",      ",",      ":",
                                   "@",     "=",       "==",     "!=",   "=~",   "!~",     "+",      "*",
                                   "^",     "by",      "without", "on",  "ignoring", "group_left", "bool",
                                   "offset", "sum",    "and",    "1",    "5m",   "\"x\"",  "foo",    "start",
                                   "inf",   "!",       "~",      "$",    "`",    ";",      ".",      "'",
                                   "\"",    "\\",      "<>",     "===",  "0x",   "{}",     "[5m]",   "()",
                                   // long tokens: Prometheus cuts them to 10 characters in messages
                                   "123456789012345", "\"abcdefghijklmnop\"", "'ééééééééééééé'",
                                   "`a\nb`", "\"\\xff\"", "\xC2\xA0", "\xE2\x80\x8B", "=>", "!", "&&",
                                   "a_rather_long_identifier_name", "123456789012m", "a:very:long:metric:name"};

const char* const kComments[] = {"#", "# c", "# sum by (x) (", "#\"unterminated", "# é ☺", "##"};

}  // namespace

Gen::Gen(std::uint64_t seed, bool valid) : rng_(seed), valid_(valid), faults_left_(valid ? 0 : 1) {
  // Sometimes two faults: which error Prometheus reports first is part of the contract.
  if (!valid_ && rng_.chance(15)) faults_left_ = 2;
}

bool Gen::fault(int percent) {
  if (faults_left_ <= 0 || !rng_.chance(percent)) return false;
  --faults_left_;
  return true;
}

void Gen::mutate_tokens(std::vector<std::string>& toks) {
  if (toks.empty()) return;
  const std::size_t at = rng_.below(toks.size());
  std::size_t kind = rng_.below(7);
  if (toks.size() == 1 && (kind == 0 || kind == 5)) kind = 3;  // keep something to parse
  switch (kind) {
    case 0: toks.erase(toks.begin() + static_cast<std::ptrdiff_t>(at)); break;
    case 1: toks.insert(toks.begin() + static_cast<std::ptrdiff_t>(at), toks[at]); break;
    case 2:
      if (at + 1 < toks.size()) std::swap(toks[at], toks[at + 1]);
      else toks.erase(toks.begin() + static_cast<std::ptrdiff_t>(at));
      break;
    case 3: toks.insert(toks.begin() + static_cast<std::ptrdiff_t>(at), rng_.pick(kJunkTokens)); break;
    case 4: toks[at] = rng_.pick(kJunkTokens); break;
    case 5: toks.resize(at + (at == 0 ? 1 : 0)); break;  // truncated input: end-of-input errors
    default: {  // damage one character inside a token
      std::string& t = toks[at];
      const std::size_t pos = rng_.below(t.size() + 1);
      static const char* const chars[] = {"x", "0", "_", ":", "\\", "\"", "'", "`", "{", "(", ".", "é", "\f"};
      if (pos < t.size() && (static_cast<unsigned char>(t[pos]) & 0x80) == 0 && rng_.chance(50)) {
        t.erase(pos, 1);
      } else if (pos == t.size() || (static_cast<unsigned char>(t[pos]) & 0xC0) != 0x80) {
        t.insert(pos, rng_.pick(chars));
      }
    }
  }
}

std::string Gen::join(const std::vector<std::string>& toks) {
  std::string out;
  if (rng_.chance(4)) out += rng_.chance(50) ? "\n  " : std::string(rng_.pick(kComments)) + "\n";
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const std::string& t = toks[i];
    if (t.empty()) continue;
    if (!out.empty()) {
      const bool needs_space = is_word_char(out.back()) && is_word_char(t.front());
      const std::size_t r = rng_.below(100);
      const bool after_bracket = i > 0 && toks[i - 1] == "[";
      if (r < 4 && !after_bracket) {
        out += std::string(" ") + rng_.pick(kComments) + "\n";
      } else if (r < 9) {
        static const char* const spaces[] = {"\n", "\t", "  ", "\r\n", " \n\t ", "\r"};  // CR alone: no new line
        out += rng_.pick(spaces);
      } else if (needs_space || r < 55) {
        out += ' ';
      }
    }
    out += t;
  }
  if (rng_.chance(3)) out += std::string(" ") + rng_.pick(kComments);
  if (out.find_first_not_of(" \t\r\n") == std::string::npos && rng_.chance(90)) out += "# nothing";
  if (out.empty()) out = " ";  // promtool refuses an empty expr before parsing
  return out;
}

std::string Gen::soup() {
  // Short runs of PromQL's own characters: lexer corner cases no grammar walk reaches.
  static const char* const pieces[] = {"a", "z", "e", "x", "_", ":", "0", "1", "9", ".", "(", ")", "{", "}",
                                       "[", "]", ",", "=", "!", "~", "<", ">", "+", "-", "*", "/", "%", "^",
                                       "@", "#", "\"", "'", "`", "\\", " ", "\n", "\t", "m", "s", "h", "y",
                                       "by", "on", "bool", "offset", "sum", "inf", "nan", "é", "\r"};
  std::string out;
  const std::size_t len = rng_.chance(2) ? 2000 + rng_.below(8000) : 1 + rng_.below(24);  // sometimes huge
  const std::size_t alphabet = rng_.chance(30) ? 1 + rng_.below(4) : sizeof pieces / sizeof pieces[0];
  const std::size_t offset = rng_.below(sizeof pieces / sizeof pieces[0] - alphabet + 1);
  for (std::size_t i = 0; i < len; ++i) out += pieces[offset + rng_.below(alphabet)];
  return out.find_first_not_of(" \t\r\n") == std::string::npos ? out + "x" : out;
}

std::string Gen::generate() {
  static const Ty tops[] = {Ty::vector, Ty::vector, Ty::vector, Ty::vector, Ty::vector, Ty::vector,
                            Ty::vector, Ty::scalar, Ty::scalar, Ty::matrix, Ty::string};
  if (!valid_ && rng_.chance(5)) return soup();
  const int depth = static_cast<int>(rng_.below(8));
  const Ty top = rng_.pick(tops);
  Frag f = expr(top, depth);
  if (!valid_ && faults_left_ > 0 && rng_.chance(6)) {
    // Splice: the head of this expression onto the tail of another one.
    const Frag other = expr(rng_.pick(tops), static_cast<int>(rng_.below(4)));
    f.toks.resize(rng_.below(f.toks.size() + 1));
    f.toks.insert(f.toks.end(), other.toks.begin() + static_cast<std::ptrdiff_t>(rng_.below(other.toks.size())),
                  other.toks.end());
    faults_left_ = 0;
  }
  if (rng_.chance(1)) {  // deep nesting: parentheses or a long chain of signs
    const std::size_t n = rng_.chance(15) ? 1000 + rng_.below(2000) : 20 + rng_.below(300);
    const bool signs_fit = top == Ty::vector || top == Ty::scalar;
    const bool parens = !signs_fit || rng_.chance(60);
    std::vector<std::string> toks;
    for (std::size_t i = 0; i < n; ++i) toks.push_back(parens ? "(" : rng_.chance(50) ? "-" : "+");
    toks.insert(toks.end(), f.toks.begin(), f.toks.end());
    if (parens) {
      std::size_t closing = n;
      if (fault(100)) closing = rng_.chance(50) ? n - 1 : n + 1;
      toks.insert(toks.end(), closing, ")");
    }
    f.toks = std::move(toks);
  }
  if (!valid_ && faults_left_ > 0 && rng_.chance(10)) {
    // Characters Prometheus does not count as whitespace, where a space could be.
    static const char* const odd[] = {"\f", "\v", "\xC2\xA0", "\xEF\xBB\xBF", "\xC2\x85", "\x01", ""};
    std::string junk = rng_.pick(odd);
    if (junk.empty()) junk.push_back('\0');  // a NUL byte
    f.toks.insert(f.toks.begin() + static_cast<std::ptrdiff_t>(rng_.below(f.toks.size() + 1)), junk);
    faults_left_ = 0;
  }
  if (!valid_ && (faults_left_ > 0 || rng_.chance(15))) {
    faults_left_ = 0;
    mutate_tokens(f.toks);
  }
  return join(f.toks);
}

}  // namespace detail

namespace {

std::uint64_t mix(std::uint64_t seed, std::uint64_t index) {
  detail::Rng rng(seed ^ (index * 0xd1b54a32d192ed03ULL + 0x8cb92ba72f3d8dd7ULL));
  return rng.next();
}

}  // namespace

std::string generate_expression(std::uint64_t seed, std::size_t index, GenMode mode) {
  const std::uint64_t sub_seed = mix(seed, index);
  bool valid = mode == GenMode::valid;
  if (mode == GenMode::mixed) valid = (sub_seed >> 63) == 0;
  detail::Gen gen(sub_seed, valid);
  return gen.generate();
}

std::vector<std::string> generate_batch(std::uint64_t seed, std::size_t count, GenMode mode) {
  std::vector<std::string> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) out.push_back(generate_expression(seed, i, mode));
  return out;
}

}  // namespace rbc::oracle
