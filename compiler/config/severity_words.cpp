// Severity text of a runbook ("P1 - Critical", "Warning (can escalate to
// Critical)", "🔴 **Critical**") -> canonical severity label values.
//
// The text is cut into tokens: runs of ASCII letters or of ASCII digits
// (so "SEV1", "SEV-1" and "Sev 1" all read as `sev 1`); everything else,
// including emoji, mojibake and Markdown, only separates tokens. Configured
// words are tokenised the same way and matched as token sequences, longest
// first, ignoring case. See docs/configuration.md for the rules below.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"

namespace rbc::config {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// What separates two tokens matters for how they combine.
enum class Gap {
  none,         // joined ("P1 - Critical"): one alternative
  alternative,  // "/", ",", ";", "|", "&", "+", "or", "and"
  stop,         // an arrow ("->", "→", "=>"): what follows is an escalation
};

struct Token {
  std::string text;  // lower case
  Gap before = Gap::none;
};

Gap gap_of(std::string_view between) {
  if (between.find("->") != std::string_view::npos || between.find("=>") != std::string_view::npos ||
      between.find("\u2192") != std::string_view::npos) {
    return Gap::stop;
  }
  return between.find_first_of("/,;|&+") != std::string_view::npos ? Gap::alternative : Gap::none;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  std::size_t gap_start = 0;
  while (i < text.size()) {
    if (!is_alpha(text[i]) && !is_digit(text[i])) {
      ++i;
      continue;
    }
    const bool digits = is_digit(text[i]);
    const std::size_t begin = i;
    while (i < text.size() && (digits ? is_digit(text[i]) : is_alpha(text[i]))) ++i;
    Token token;
    token.before = gap_of(text.substr(gap_start, begin - gap_start));
    for (std::size_t k = begin; k < i; ++k) token.text += lower(text[k]);
    gap_start = i;
    tokens.push_back(std::move(token));
  }
  return tokens;
}

// Words that end the current alternative: the rest of it describes when the
// alert becomes something else, not what it is.
bool is_escalation(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "escalate", "escalates", "escalated", "escalating", "escalation", "if",    "when",
      "whenever", "until",     "unless",    "after",      "becomes",    "become", "upgrade",
      "upgrades", "upgraded",  "then",      "otherwise",  "else",       "later",  "may",
      "might",    "can",       "could"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

bool is_negation(std::string_view word) { return word == "non" || word == "not" || word == "no"; }

struct Entry {
  std::vector<std::string> tokens;
  std::size_t level = 0;  // index into config.severities
  bool code = false;      // contains a number ("P1", "SEV2"): a rank, not a name
};

// A Config built by hand may leave `severities` empty: the defaults apply.
std::vector<SeverityLevel> effective_levels(const Config& config) {
  return config.severities.empty() ? default_severities() : config.severities;
}

std::vector<Entry> vocabulary(const std::vector<SeverityLevel>& levels) {
  std::vector<Entry> entries;
  for (std::size_t level = 0; level < levels.size(); ++level) {
    auto add = [&](std::string_view word) {
      Entry e;
      for (Token& t : tokenize(word)) {
        e.code = e.code || is_digit(t.text[0]);
        e.tokens.push_back(std::move(t.text));
      }
      e.level = level;
      if (!e.tokens.empty()) entries.push_back(std::move(e));
    };
    add(levels[level].value);  // a canonical value always names itself
    for (const std::string& word : levels[level].words) add(word);
  }
  // Longest first, so "P 1" style multi-token words win over a prefix;
  // stable, so among equals the first level listed wins.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.tokens.size() > b.tokens.size(); });
  return entries;
}

// A vocabulary hit inside the current alternative.
struct Found {
  std::size_t level;
  bool code;
};

const Entry* match_at(const std::vector<Entry>& entries, const std::vector<Token>& tokens, std::size_t i) {
  for (const Entry& e : entries) {
    if (i + e.tokens.size() > tokens.size()) continue;
    bool ok = true;
    for (std::size_t k = 0; k < e.tokens.size() && ok; ++k) {
      ok = tokens[i + k].text == e.tokens[k] && (k == 0 || tokens[i + k].before == Gap::none);
    }
    if (ok) return &e;
  }
  return nullptr;
}

// Within one alternative a name beats a rank: in "P2 - Critical" the team
// calls its P2 critical, whatever our default guess for P2 is.
void flush(std::vector<Found>& alternative, std::vector<std::size_t>& levels) {
  const bool has_name = std::any_of(alternative.begin(), alternative.end(), [](const Found& f) { return !f.code; });
  for (const Found& f : alternative) {
    if (has_name && f.code) continue;
    if (std::find(levels.begin(), levels.end(), f.level) == levels.end()) levels.push_back(f.level);
  }
  alternative.clear();
}

std::vector<std::size_t> scan(const std::vector<Entry>& entries, std::string_view text) {
  const std::vector<Token> tokens = tokenize(text);
  std::vector<std::size_t> levels;
  std::vector<Found> alternative;
  bool stopped = false;  // an escalation remark runs to the end of its alternative
  for (std::size_t i = 0; i < tokens.size();) {
    if (tokens[i].before == Gap::alternative) {
      flush(alternative, levels);
      stopped = false;
    }
    if (tokens[i].before == Gap::stop || is_escalation(tokens[i].text)) stopped = true;
    if (stopped) {
      ++i;
      continue;
    }
    if (tokens[i].text == "or" || tokens[i].text == "and") {
      flush(alternative, levels);
      ++i;
      continue;
    }
    const Entry* e = match_at(entries, tokens, i);
    if (!e) {
      ++i;
      continue;
    }
    const bool negated = i > 0 && is_negation(tokens[i - 1].text);
    if (!negated) alternative.push_back({e->level, e->code});
    i += e->tokens.size();
  }
  flush(alternative, levels);
  return levels;
}

// Text outside brackets, and the bracketed remarks: "Warning (Business)"
// -> "Warning " and "Business".
void split_remarks(std::string_view text, std::string& outside, std::string& inside) {
  int depth = 0;
  for (char c : text) {
    if (c == '(' || c == '[' || c == '{') {
      // Each remark is its own alternative; the outside text keeps a gap.
      (depth == 0 ? outside : inside) += depth == 0 ? ' ' : ',';
      ++depth;
    } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
      --depth;
      if (depth == 0) outside += ' ';
      inside += ',';
    } else {
      (depth == 0 ? outside : inside) += c;
    }
  }
}

}  // namespace

std::vector<std::string> severity_values(const Config& config, std::string_view text) {
  const std::vector<SeverityLevel> all = effective_levels(config);
  const std::vector<Entry> entries = vocabulary(all);
  std::string outside;
  std::string inside;
  split_remarks(text, outside, inside);
  // A bracketed remark counts only when the text has nothing else:
  // "Warning (can escalate to Critical)" is a warning.
  std::vector<std::size_t> levels = scan(entries, outside);
  if (levels.empty()) levels = scan(entries, inside);
  std::vector<std::string> values;
  for (std::size_t level : levels) {
    if (std::find(values.begin(), values.end(), all[level].value) == values.end()) values.push_back(all[level].value);
  }
  return values;
}

}  // namespace rbc::config
