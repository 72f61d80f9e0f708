// Text-level helpers of the rule emitter: edits to a file's bytes and YAML
// scalar quoting. Editing the source text (instead of printing a YAML tree
// again) keeps comments, key order, quoting and layout as the author wrote.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rbc::emit {

// Replace bytes [begin, end) of the text with `text` (begin == end: insert).
struct Edit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
};

// Applies non-overlapping edits. Insertions at the same offset keep the
// order they were made in.
std::string apply_edits(std::string_view text, std::vector<Edit> edits);

// A YAML double-quoted scalar: `"a\"b"`. Control characters are escaped;
// other bytes (UTF-8) are kept.
std::string double_quoted(std::string_view value);

// A YAML single-quoted scalar: `'it''s'`.
std::string single_quoted(std::string_view value);

// True when `value` reads back as the same string when written plain
// (letters, digits, '_', '-', '.', not a YAML 1.1 boolean/null word, not a
// number), so a plain scalar may stay plain.
bool plain_safe(std::string_view value);

// "\r\n" when the text's first line ends so, else "\n".
std::string_view newline_of(std::string_view text);

// Offset of the end of the line holding `offset` (at its '\r\n' or '\n',
// or the end of the text).
std::size_t line_end(std::string_view text, std::size_t offset);

}  // namespace rbc::emit
