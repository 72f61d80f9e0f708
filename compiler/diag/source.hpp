// A loaded input file and the mapping from byte offsets to line/column.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rbc {

// 1-based line and 1-based byte column, as compilers print them.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  bool valid() const { return line != 0; }
  friend bool operator==(const Position&, const Position&) = default;
};

// Half-open in spirit: `end` is the position just past the last character
// (same line as begin for single-line spans).
struct Span {
  Position begin;
  Position end;
};

// The full text of one input file. Keeps the text so diagnostics can quote
// the offending line long after parsing finished.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  // Offset -> position. Offsets past the end map to the end of the file.
  Position position_at(std::size_t offset) const;
  // Byte offset of a position (clamped to the file).
  std::size_t offset_of(Position pos) const;
  // Text of line `line` (1-based) without its line terminator.
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace rbc
