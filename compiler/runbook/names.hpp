// What an alert name looks like: identifier tests, CamelCase words, the
// words that make a name sound like an alert, and names written in words.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rbc::runbook {

bool equals_ignore_case(std::string_view a, std::string_view b);
std::string to_lower(std::string_view text);

// [A-Za-z_][A-Za-z0-9_]*, at least two characters.
bool is_identifier(std::string_view text);

// "HighCPUUsage" -> High, CPU, Usage; "etcdNoLeader" -> etcd, No, Leader.
std::vector<std::string_view> camel_words(std::string_view name);

// An identifier of two or more CamelCase words.
bool is_camel_name(std::string_view name);

// Whether one of the name's words says something is wrong (High, Down,
// Errors, Lag, ...): such names are alerts even without fields around them.
bool has_condition_word(std::string_view name);

// critical, warning, info, P1..P5, S1..S4, high/medium/low, ...
bool is_severity_word(std::string_view word);

// "High Error Rate Alert" -> "HighErrorRate": Title Case words (a trailing
// "Alert" dropped), joined. Empty when the heading is not such a phrase.
std::string name_from_words(std::string_view heading);

// A name as written in a heading or a cell, with its byte range there.
struct NamePart {
  std::string name;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// A heading (or cell) that names alerts: "X", "X / Y", "X, Y", each
// possibly followed by a decoration: "(Critical)", "[Deprecated]",
// " - words", " — words", ": words".
struct NamedHeading {
  std::vector<NamePart> names;
  std::size_t paren_begin = 0;  // contents of "( ... )" after the names
  std::size_t paren_end = 0;    // (paren_begin == paren_end: none)
  std::size_t words_begin = 0;  // words after " - " / " — " / ": " (0: none)
  bool decorated = false;
};
bool parse_named_heading(std::string_view text, NamedHeading& out);

}  // namespace rbc::runbook
