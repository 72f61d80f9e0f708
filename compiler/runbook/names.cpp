#include "runbook/names.hpp"

#include <algorithm>
#include <iterator>

namespace rbc::runbook {

namespace {

template <typename List>
bool contains(const List& list, std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
bool is_ident_char(char c) { return is_alpha(c) || is_digit(c) || c == '_'; }
char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Words that, inside a CamelCase name, say the name describes a problem.
constexpr std::string_view kConditionWords[] = {
    "high", "low", "down", "error", "errors", "failure", "failures", "failed", "failing",
    "fails", "fail", "exceeded", "exceeds", "exceeding", "full", "filling", "lag", "latency",
    "slow", "stale", "missing", "absent", "unhealthy", "unavailable", "unreachable", "critical",
    "warning", "rate", "usage", "pressure", "spike", "expiring", "expired", "expiration",
    "expiry", "timeout", "timeouts", "restart", "restarts", "restarting", "crash", "crashing",
    "crashlooping", "saturation", "throttling", "throttled", "drop", "dropped", "dropping",
    "backlog", "behind", "stuck", "mismatch", "notready", "not", "no", "open", "halted",
    "degraded", "lost", "offline", "overload", "overloaded", "limit", "exhausted", "deadlock",
    "deadlocks", "increase", "increasing", "skew", "flapping", "leak", "detected", "violation",
    "invalid", "outdated", "disabled", "too", "burn", "quota", "pending", "evicted", "oom",
    "killed", "watchdog", "unknown", "rejected", "denied", "errs", "lagging", "hit",
    "saturated", "drift"};

constexpr std::string_view kSeverityWords[] = {
    "critical", "warning", "warn", "info", "informational", "high", "medium", "low", "page",
    "major", "minor", "error", "none", "fatal", "emergency", "urgent", "notice", "debug"};

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool starts_with_at(std::string_view text, std::size_t i, std::string_view what) {
  return text.substr(i, what.size()) == what;
}

// Emoji, symbols and blanks around a heading are decoration.
bool is_decoration_byte(char c) {
  return static_cast<unsigned char>(c) >= 0x80 || c == ' ' || c == '\t';
}

std::size_t skip_blanks(std::string_view text, std::size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i;
}

// A name separator at i ("/", ",", "&", "and", "or"); returns its end or i.
std::size_t skip_separator(std::string_view text, std::size_t i) {
  const std::size_t j = skip_blanks(text, i);
  if (j < text.size() && (text[j] == '/' || text[j] == ',' || text[j] == '&')) {
    return skip_blanks(text, j + 1);
  }
  for (std::string_view word : {"and ", "or "}) {
    if (j > i && starts_with_at(text, j, word)) return skip_blanks(text, j + word.size());
  }
  return i;
}

// The rest of a heading after its names: decorations only.
bool read_decoration(std::string_view text, std::size_t i, NamedHeading& out) {
  while (true) {
    i = skip_blanks(text, i);
    if (i >= text.size()) return true;
    const char c = text[i];
    if (c == '(' || c == '[') {
      const std::size_t close = text.find(c == '(' ? ')' : ']', i);
      if (close == std::string_view::npos) return false;
      if (c == '(' && out.paren_begin == out.paren_end) {
        out.paren_begin = i + 1;
        out.paren_end = close;
      }
      out.decorated = true;
      i = close + 1;
      continue;
    }
    if (c == '-' || c == ':' || starts_with_at(text, i, "\xE2\x80\x94") ||
        starts_with_at(text, i, "\xE2\x80\x93")) {
      out.decorated = true;
      const std::size_t words = skip_blanks(text, i + (c == '-' || c == ':' ? 1 : 3));
      if (words < text.size()) out.words_begin = words;
      return true;
    }
    // Trailing emoji and symbols.
    while (i < text.size() && is_decoration_byte(text[i])) ++i;
    if (i >= text.size()) return true;
    return false;
  }
}

}  // namespace

bool equals_ignore_case(std::string_view a, std::string_view b) {
  const auto same = [](char x, char y) { return lower(x) == lower(y); };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), same);
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

bool is_identifier(std::string_view text) {
  if (text.size() < 2 || !(is_alpha(text[0]) || text[0] == '_')) return false;
  return std::all_of(text.begin(), text.end(), is_ident_char);
}

std::vector<std::string_view> camel_words(std::string_view name) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  for (std::size_t i = 1; i <= name.size(); ++i) {
    bool boundary = i == name.size() || name[i] == '_';
    if (!boundary && is_upper(name[i])) {
      // "aB" starts a word; so does "ABc" at B (an acronym ends before it).
      boundary = !is_upper(name[i - 1]) || (i + 1 < name.size() && is_lower(name[i + 1]));
    }
    if (!boundary) continue;
    if (i > start && name[start] != '_') words.push_back(name.substr(start, i - start));
    start = name.size() > i && name[i] == '_' ? i + 1 : i;
  }
  return words;
}

bool is_camel_name(std::string_view name) {
  return is_identifier(name) && camel_words(name).size() >= 2;
}

bool has_condition_word(std::string_view name) {
  for (std::string_view word : camel_words(name)) {
    const std::string low = to_lower(word);
    if (contains(kConditionWords, low)) return true;
  }
  return false;
}

bool is_severity_word(std::string_view word) {
  word = trim(word);
  if (word.size() == 2 && (word[0] == 'P' || word[0] == 'p' || word[0] == 'S' || word[0] == 's') &&
      word[1] >= '0' && word[1] <= '5') {
    return true;
  }
  const std::string low = to_lower(word);
  return contains(kSeverityWords, low);
}

std::string name_from_words(std::string_view heading) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < heading.size()) {
    i = skip_blanks(heading, i);
    std::size_t j = i;
    while (j < heading.size() && heading[j] != ' ' && heading[j] != '\t') ++j;
    if (j > i) words.push_back(heading.substr(i, j - i));
    i = j;
  }
  while (!words.empty() && (words.back() == "Alert" || words.back() == "Alerts")) words.pop_back();
  if (words.size() < 2) return {};
  std::string name;
  for (std::string_view word : words) {
    if (!(is_upper(word[0]) || is_digit(word[0]))) return {};
    for (char c : word) {
      if (!is_alpha(c) && !is_digit(c)) return {};
    }
    name += word;
  }
  return is_identifier(name) ? name : std::string();
}

bool parse_named_heading(std::string_view text, NamedHeading& out) {
  out = {};
  std::size_t i = 0;
  while (i < text.size() && is_decoration_byte(text[i])) ++i;
  while (true) {
    std::size_t j = i;
    while (j < text.size() && is_ident_char(text[j])) ++j;
    if (!is_identifier(text.substr(i, j - i))) return false;
    out.names.push_back({std::string(text.substr(i, j - i)), i, j});
    const std::size_t next = skip_separator(text, j);
    if (next == j) {
      i = j;
      break;
    }
    i = next;
  }
  return read_decoration(text, i, out);
}

}  // namespace rbc::runbook
