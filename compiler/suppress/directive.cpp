#include "suppress/directive.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <set>

#include "diag/codes.hpp"
#include "diag/suggest.hpp"
#include "suppress/comments.hpp"

namespace rbc::suppress {
namespace {

constexpr std::array<std::string_view, 3> kVerbs{"disable", "disable-file", "snooze"};

struct Token {
  std::string_view text;
  std::size_t offset = 0;  // in the file
};

// Words of a directive, split on whitespace and commas. A `--` word ends
// them: what follows is the author's reason, free text.
std::vector<Token> split_words(std::string_view text, std::size_t base) {
  std::vector<Token> out;
  const auto separator = [](char c) { return c == ' ' || c == '\t' || c == ','; };
  for (std::size_t i = 0; i < text.size();) {
    if (separator(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && !separator(text[j])) ++j;
    const std::string_view word = text.substr(i, j - i);
    if (word == "--") break;
    out.push_back({word, base + i});
    i = j;
  }
  return out;
}

// The code's group ("xcheck" of "xcheck/for").
std::string_view group_of(std::string_view code) { return code.substr(0, code.find('/')); }

class Parser {
 public:
  Parser(const SourceFile& source, Diagnostics& problems) : source_(source), problems_(problems) {}

  std::optional<Directive> parse(const Comment& comment) {
    const std::string_view text(source_.text());
    const std::vector<Token> words =
        split_words(text.substr(comment.body_begin, comment.end - comment.body_begin), comment.body_begin);
    whole_ = {source_.position_at(comment.begin), source_.position_at(comment.end)};
    if (words.empty()) return std::nullopt;  // a bare "# rbc" is just a comment
    std::optional<Kind> kind = verb(words.front());
    if (!kind) return std::nullopt;
    Directive directive;
    directive.kind = *kind;
    directive.file = source_.path();
    directive.span = whole_;
    std::size_t next = 1;
    if (*kind == Kind::snooze) {
      if (words.size() < 2 || !(directive.until = parse_date(words[1].text))) {
        problem(words.size() < 2 ? whole_ : span(words[1]),
                "`rbc snooze` needs a date (YYYY-MM-DD) before its codes" +
                    (words.size() < 2 ? std::string() : ", not '" + std::string(words[1].text) + "'"));
        return std::nullopt;
      }
      next = 2;
    }
    if (next >= words.size()) {
      problem(whole_, "`rbc " + std::string(words.front().text) +
                          "` names no code; write the codes it silences, e.g. `rbc disable rule/duplicate`");
      return std::nullopt;
    }
    for (std::size_t i = next; i < words.size(); ++i)
      if (known(words[i], words.front().text)) directive.codes.emplace_back(words[i].text);
    if (directive.codes.empty()) return std::nullopt;
    return directive;
  }

 private:
  Span span(const Token& token) const {
    return {source_.position_at(token.offset), source_.position_at(token.offset + token.text.size())};
  }

  void problem(Span where, std::string message) {
    report_problem(problems_, source_.path(), where, std::move(message));
  }

  // The directive word. A near miss ("disabel") is reported; other words
  // ("# rbc checks this file") are an ordinary comment.
  std::optional<Kind> verb(const Token& word) {
    if (word.text == kVerbs[0]) return Kind::disable;
    if (word.text == kVerbs[1]) return Kind::disable_file;
    if (word.text == kVerbs[2]) return Kind::snooze;
    if (auto guess = closest_match(word.text, kVerbs, 2)) {
      problem(span(word), "unknown rbc directive '" + std::string(word.text) + "': did you mean '" +
                              std::string(*guess) + "'? (disable, disable-file or snooze)");
    }
    return std::nullopt;
  }

  bool known(const Token& word, std::string_view verb_text) {
    const std::string_view code = word.text;
    if (code.ends_with("/*") && code.size() > 2) return known_group(word);
    if (find_code(code) == nullptr) {
      std::vector<std::string_view> names;
      for (const CodeInfo& info : all_codes()) names.push_back(info.code);
      const auto guess = closest_match(code, names, 3);
      problem(span(word), "unknown code '" + std::string(code) + "' in `rbc " + std::string(verb_text) + "`" +
                              (guess ? ": did you mean '" + std::string(*guess) + "'?"
                                     : "; `rbc checks` lists the codes"));
      return false;
    }
    if (never_silenced(code)) {
      problem(span(word), std::string(code) +
                              " cannot be silenced: the file could not be read, so rbc cannot trust what it says");
      return false;
    }
    return true;
  }

  bool known_group(const Token& word) {
    const std::string_view group = word.text.substr(0, word.text.size() - 2);
    std::set<std::string_view> groups;
    for (const CodeInfo& info : all_codes()) groups.insert(group_of(info.code));
    if (groups.contains(group)) return true;
    const std::vector<std::string_view> names(groups.begin(), groups.end());
    const auto guess = closest_match(group, names, 2);
    problem(span(word), "unknown code group '" + std::string(group) + "'" +
                            (guess ? ": did you mean '" + std::string(*guess) + "/*'?"
                                   : "; `rbc checks` lists the codes"));
    return false;
  }

  const SourceFile& source_;
  Diagnostics& problems_;
  Span whole_;
};

bool ends_with_any(std::string_view path, std::initializer_list<std::string_view> suffixes) {
  return std::any_of(suffixes.begin(), suffixes.end(), [&](std::string_view s) { return path.ends_with(s); });
}

}  // namespace

std::optional<Syntax> syntax_of(std::string_view path) {
  if (ends_with_any(path, {".yml", ".yaml", ".YML", ".YAML"}) || path == "<stdin>") return Syntax::yaml;
  if (ends_with_any(path, {".md", ".markdown", ".MD"})) return Syntax::markdown;
  return std::nullopt;
}

std::vector<Directive> read_directives(const SourceFile& source, Syntax syntax, Diagnostics& problems) {
  std::vector<Directive> out;
  Parser parser(source, problems);
  for (const Comment& comment : find_comments(source, syntax))
    if (auto directive = parser.parse(comment)) out.push_back(std::move(*directive));
  return out;
}

bool code_matches(std::string_view pattern, std::string_view code) {
  if (pattern.ends_with("/*")) return code.starts_with(pattern.substr(0, pattern.size() - 1));
  return pattern == code;
}

bool never_silenced(std::string_view code) { return code == "yaml/parse" || code == "io/read"; }

void report_problem(Diagnostics& problems, const std::string& file, Span span, std::string message) {
  Diagnostic d;
  d.code = std::string(kDirectiveCode);
  d.severity = Severity::warning;
  d.file = file;
  d.span = span;
  d.message = std::move(message);
  problems.add(std::move(d));
}

std::optional<std::chrono::year_month_day> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto number = [&](std::size_t from, std::size_t len) -> std::optional<int> {
    int value = 0;
    for (std::size_t i = from; i < from + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const auto y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (!y || !m || !d) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*y), std::chrono::month(static_cast<unsigned>(*m)),
                                         std::chrono::day(static_cast<unsigned>(*d))};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string format_date(std::chrono::year_month_day date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

std::chrono::year_month_day today_utc() {
  return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

}  // namespace rbc::suppress
