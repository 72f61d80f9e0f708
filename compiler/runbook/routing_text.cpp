// Channel mentions, durations and category words of routing prose.
#include "runbook/routing_text.hpp"

#include <algorithm>
#include <cmath>

namespace rbc::runbook {

namespace {

using model::ChannelKind;

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower_text(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

struct Word {
  std::string text;  // lower case
  std::size_t begin;
  std::size_t end;
};

std::vector<Word> word_spans(std::string_view text) {
  std::vector<Word> words;
  for (std::size_t i = 0; i < text.size();) {
    if (!is_alnum(text[i])) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    while (i < text.size() && is_alnum(text[i])) ++i;
    words.push_back({lower_text(text.substr(begin, i - begin)), begin, i});
  }
  return words;
}

bool email_local_char(char c) { return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }
bool email_domain_char(char c) { return is_alnum(c) || c == '.' || c == '-'; }

// user@host.tld around each '@'; the domain needs a dot inside it.
void find_emails(std::string_view text, std::vector<Mention>& out) {
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t begin = at;
    while (begin > 0 && email_local_char(text[begin - 1])) --begin;
    std::size_t end = at + 1;
    while (end < text.size() && email_domain_char(text[end])) ++end;
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
    while (begin < at && !is_alnum(text[begin])) ++begin;
    const std::string_view domain = text.substr(at + 1, end - at - 1);
    const std::size_t dot = domain.find('.');
    if (begin == at || dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size()) continue;
    out.push_back({ChannelKind::email, lower_text(text.substr(begin, end - begin)), begin, end});
  }
}

bool slack_char(char c) { return is_alnum(c) || c == '-' || c == '_' || c == '.'; }

// "#alerts-warnings": a '#' not inside a word, then a name that starts with
// a letter (so "#1" and "C#" are not channels).
void find_slack_channels(std::string_view text, std::vector<Mention>& out) {
  for (std::size_t i = text.find('#'); i != std::string_view::npos; i = text.find('#', i + 1)) {
    if (i > 0 && (is_alnum(text[i - 1]) || text[i - 1] == '&' || text[i - 1] == '#')) continue;
    if (i + 1 >= text.size() || !is_alpha(text[i + 1])) continue;
    std::size_t end = i + 1;
    while (end < text.size() && slack_char(text[end])) ++end;
    while (end > i + 1 && !is_alnum(text[end - 1])) --end;
    out.push_back({ChannelKind::slack, lower_text(text.substr(i, end - i)), i, end});
  }
}

struct WordChannel {
  std::string_view word;
  ChannelKind kind;
  std::string_view target;
  bool loose_only;
};

constexpr WordChannel kWordChannels[] = {
    {"pagerduty", ChannelKind::pagerduty, "", false}, {"opsgenie", ChannelKind::opsgenie, "", false},
    {"page", ChannelKind::pagerduty, "", true},       {"paged", ChannelKind::pagerduty, "", true},
    {"paging", ChannelKind::pagerduty, "", true},     {"pager", ChannelKind::pagerduty, "", true},
    {"slack", ChannelKind::slack, "", true},          {"email", ChannelKind::email, "", true},
    {"emails", ChannelKind::email, "", true},         {"mail", ChannelKind::email, "", true},
    {"webhook", ChannelKind::webhook, "", true},      {"webhooks", ChannelKind::webhook, "", true},
    {"ticket", ChannelKind::other, "ticket", true},   {"tickets", ChannelKind::other, "ticket", true},
};

void find_word_channels(std::string_view text, bool loose, std::vector<Mention>& out) {
  const std::vector<Word> words = word_spans(text);
  const bool has_slack = std::any_of(out.begin(), out.end(), [](const Mention& m) { return m.kind == ChannelKind::slack; });
  const bool has_email = std::any_of(out.begin(), out.end(), [](const Mention& m) { return m.kind == ChannelKind::email; });
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    // "Pager Duty" written apart is still PagerDuty.
    const bool pager_duty = w.text == "pager" && i + 1 < words.size() && words[i + 1].text == "duty";
    for (const WordChannel& wc : kWordChannels) {
      if (w.text != wc.word || (wc.loose_only && !loose && !pager_duty)) continue;
      // A bare "Slack"/"email" next to a concrete target is that target.
      if ((wc.kind == ChannelKind::slack && has_slack) || (wc.kind == ChannelKind::email && has_email)) break;
      const std::size_t end = pager_duty ? words[i + 1].end : w.end;
      out.push_back({wc.kind, std::string(wc.target), w.begin, end});
      break;
    }
  }
}

struct Unit {
  std::string_view word;
  std::int64_t ms;
};

constexpr Unit kUnits[] = {
    {"ms", 1},           {"s", 1000},          {"sec", 1000},        {"secs", 1000},
    {"second", 1000},    {"seconds", 1000},    {"m", 60000},         {"min", 60000},
    {"mins", 60000},     {"minute", 60000},    {"minutes", 60000},   {"h", 3600000},
    {"hr", 3600000},     {"hrs", 3600000},     {"hour", 3600000},    {"hours", 3600000},
    {"d", 86400000},     {"day", 86400000},    {"days", 86400000},   {"w", 604800000},
    {"week", 604800000}, {"weeks", 604800000},
};

std::optional<std::int64_t> unit_ms(std::string_view word) {
  for (const Unit& u : kUnits) {
    if (u.word == word) return u.ms;
  }
  return std::nullopt;
}

// Words that carry no category: delivery words, quantifiers, filler.
bool category_filler(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "alert", "alerts", "alerting", "notification", "notifications", "only", "all", "any",
      "every", "regular", "general", "other", "others", "specific", "related", "the", "for",
      "of", "level", "levels", "severity", "severities", "category", "type", "types",
      "issues", "events", "messages", "channel", "channels", "goes", "go", "here", "to",
      "a", "an", "in", "on", "with", "mentions", "via", "team", "page", "pages"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// "P1", "SEV2", "S3": severity codes whatever the configuration says.
bool severity_code(std::string_view w) {
  std::size_t letters = 0;
  while (letters < w.size() && is_alpha(w[letters])) ++letters;
  if (letters == w.size() || letters == 0) return false;
  const std::string_view head = w.substr(0, letters);
  const bool digits = std::all_of(w.begin() + static_cast<std::ptrdiff_t>(letters), w.end(), is_digit);
  return digits && (head == "p" || head == "sev" || head == "s");
}

}  // namespace

std::vector<Mention> find_mentions(std::string_view text, bool loose) {
  std::vector<Mention> found;
  find_emails(text, found);
  find_slack_channels(text, found);
  find_word_channels(text, loose, found);
  std::stable_sort(found.begin(), found.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  std::vector<Mention> out;
  for (Mention& m : found) {
    const bool seen = std::any_of(out.begin(), out.end(), [&](const Mention& o) {
      return o.kind == m.kind && o.target == m.target;
    });
    if (!seen) out.push_back(std::move(m));
  }
  return out;
}

std::optional<std::int64_t> duration_ms(std::string_view text, bool immediate_is_zero) {
  const std::vector<Word> words = word_spans(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (!is_digit(w.text[0])) continue;
    // The number, a decimal part ("1.5") and the unit, either glued on
    // ("15m", "2h") or as the next word ("15 min", "60+ minutes").
    std::size_t digits = 0;
    while (digits < w.text.size() && is_digit(w.text[digits])) ++digits;
    if (digits > 9) continue;  // no one writes response times that long; keeps stod in range
    double value = std::stod(w.text.substr(0, digits));
    std::string unit = w.text.substr(digits);
    std::size_t next = i + 1;
    std::size_t number_end = w.end;
    if (unit.empty() && next < words.size() && text[w.end] == '.' && words[next].begin == w.end + 1 &&
        is_digit(words[next].text[0])) {
      const Word& frac = words[next];
      std::size_t fd = 0;
      while (fd < frac.text.size() && is_digit(frac.text[fd])) ++fd;
      if (fd > 9) continue;
      value = std::stod(w.text.substr(0, digits) + "." + frac.text.substr(0, fd));
      unit = frac.text.substr(fd);
      number_end = frac.end;
      ++next;
    }
    if (unit.empty() && next < words.size()) {
      const std::string_view between = text.substr(number_end, words[next].begin - number_end);
      const bool joined = between.find_first_not_of(" +\t") == std::string_view::npos;
      if (joined) unit = words[next].text;
    }
    if (const auto ms = unit_ms(unit)) {
      if (value > 1e9) return std::nullopt;  // nonsense; avoid overflow
      return static_cast<std::int64_t>(std::llround(value * static_cast<double>(*ms)));
    }
  }
  if (immediate_is_zero) {
    for (const Word& w : words) {
      if (w.text == "immediate" || w.text == "immediately" || w.text == "asap") return 0;
    }
  }
  return std::nullopt;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  for (Word& w : word_spans(text)) out.push_back(std::move(w.text));
  return out;
}

std::string outside_brackets(std::string_view text) {
  std::string out;
  int depth = 0;
  for (char c : text) {
    if (c == '(' || c == '[') {
      ++depth;
      out += ' ';
    } else if ((c == ')' || c == ']') && depth > 0) {
      --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  return out;
}

std::vector<std::string> category_values(const config::Config& config, std::string_view text) {
  const std::string outside = outside_brackets(text);
  std::vector<std::string> out;
  std::string current;
  const auto flush = [&] {
    if (!current.empty() && std::find(out.begin(), out.end(), current) == out.end()) out.push_back(current);
    current.clear();
  };
  const std::vector<Word> words = word_spans(outside);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i].text;
    const std::string_view gap = i == 0 ? std::string_view{}
                                        : std::string_view(outside).substr(words[i - 1].end, words[i].begin - words[i - 1].end);
    if (gap.find_first_of(",&/;+") != std::string_view::npos) flush();
    if (w == "and" || w == "or") {
      flush();
      continue;
    }
    if (category_filler(w) || severity_code(w) || !config::severity_values(config, w).empty()) continue;
    if (is_digit(w[0])) continue;
    if (!current.empty()) current += '-';
    current += w;
  }
  flush();
  return out;
}

bool names_severity(const config::Config& config, std::string_view text) {
  for (const std::string& w : words_of(text)) {
    if (w == "page" || w == "paged" || w == "paging") continue;
    if (severity_code(w) || !config::severity_values(config, w).empty()) return true;
  }
  return false;
}

bool speaks_of_alerts(std::string_view text) {
  static constexpr std::string_view kWords[] = {"alert", "alerts", "notification", "notifications",
                                                "page", "pages", "incident", "incidents"};
  for (const std::string& w : words_of(text)) {
    if (std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords)) return true;
  }
  return false;
}

std::string name_slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (is_alnum(c)) {
      out += lower(c);
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace rbc::runbook
