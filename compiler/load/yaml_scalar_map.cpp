// Re-decoding of YAML scalars with a byte map. The folding rules follow the
// YAML 1.1 spec as libyaml implements them: in flow scalars a single line
// break becomes a space and each further empty line a newline; trailing
// blanks of a line and leading blanks of the next are dropped; in double
// quotes "\" before a break joins the lines without a space.
#include "load/yaml_scalar_map.hpp"

#include <algorithm>
#include <string_view>

namespace rbc::yaml {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_break(char c) { return c == '\n' || c == '\r'; }

class Builder {
 public:
  explicit Builder(ScalarMap& out) : out_(out) {}
  void put(char c, std::size_t src) {
    out_.value.push_back(c);
    out_.offsets.push_back(static_cast<std::uint32_t>(src));
  }
  void put(std::string_view s, std::size_t src) {
    for (char c : s) put(c, src);
  }

 private:
  ScalarMap& out_;
};

std::size_t break_length(std::string_view text, std::size_t pos) {
  return text.compare(pos, 2, "\r\n") == 0 ? 2 : 1;
}

void put_code_point(Builder& b, std::uint32_t cp, std::size_t src) {
  std::string s;
  if (cp < 0x80) {
    s.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    s.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    s.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    s.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  b.put(s, src);
}

// One escape sequence starting at text[pos] == '\\' (not a line break).
// Returns the number of source bytes used, 0 when invalid.
std::size_t put_escape(Builder& b, std::string_view text, std::size_t pos, std::size_t end) {
  if (pos + 1 >= end) return 0;
  const char c = text[pos + 1];
  const std::string_view simple_from = "0abt\tnvfre \"/'\\";
  const std::string_view simple_to("\0\a\b\t\t\n\v\f\r\x1b \"/'\\", 15);
  if (const auto i = simple_from.find(c); i != std::string_view::npos) {
    b.put(simple_to[i], pos);
    return 2;
  }
  std::uint32_t cp = 0;
  std::size_t digits = 0;
  switch (c) {
    case 'N': put_code_point(b, 0x85, pos); return 2;
    case '_': put_code_point(b, 0xA0, pos); return 2;
    case 'L': put_code_point(b, 0x2028, pos); return 2;
    case 'P': put_code_point(b, 0x2029, pos); return 2;
    case 'x': digits = 2; break;
    case 'u': digits = 4; break;
    case 'U': digits = 8; break;
    default: return 0;
  }
  if (pos + 2 + digits > end) return 0;
  for (std::size_t i = 0; i < digits; ++i) {
    const char h = text[pos + 2 + i];
    const int v = h >= '0' && h <= '9'   ? h - '0'
                  : h >= 'a' && h <= 'f' ? h - 'a' + 10
                  : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                         : -1;
    if (v < 0) return 0;
    cp = cp * 16 + static_cast<std::uint32_t>(v);
  }
  put_code_point(b, cp, pos);
  return 2 + digits;
}

// Plain, single- and double-quoted scalars; [pos, end) excludes the quotes.
bool decode_flow(std::string_view text, std::size_t pos, std::size_t end, ScalarStyle style,
                 Builder& b) {
  std::vector<std::size_t> blanks;           // pending blanks, dropped before a break
  std::vector<std::size_t> trailing_breaks;  // empty lines after the first break
  while (pos < end) {
    bool leading_blanks = false;
    std::size_t leading_break = std::string_view::npos;
    while (pos < end && !is_blank(text[pos]) && !is_break(text[pos])) {
      const char c = text[pos];
      if (style == ScalarStyle::single_quoted && c == '\'' && pos + 1 < end && text[pos + 1] == '\'') {
        b.put('\'', pos);
        pos += 2;
      } else if (style == ScalarStyle::double_quoted && c == '\\') {
        if (pos + 1 < end && is_break(text[pos + 1])) {  // escaped line break
          pos += 1 + break_length(text, pos + 1);
          leading_blanks = true;
          break;
        }
        const std::size_t used = put_escape(b, text, pos, end);
        if (used == 0) return false;
        pos += used;
      } else {
        b.put(c, pos);
        ++pos;
      }
    }
    while (pos < end && (is_blank(text[pos]) || is_break(text[pos]))) {
      if (is_blank(text[pos])) {
        if (!leading_blanks) blanks.push_back(pos);
        ++pos;
        continue;
      }
      if (!leading_blanks) {
        blanks.clear();
        leading_break = pos;
        leading_blanks = true;
      } else {
        trailing_breaks.push_back(pos);
      }
      pos += break_length(text, pos);
    }
    if (leading_blanks) {
      if (leading_break != std::string_view::npos && trailing_breaks.empty()) b.put(' ', leading_break);
      for (std::size_t at : trailing_breaks) b.put('\n', at);
      trailing_breaks.clear();
    } else {
      for (std::size_t at : blanks) b.put(text[at], at);
    }
    blanks.clear();
  }
  return true;
}

struct BlockHeader {
  bool folded = false;
  int chomping = 0;  // -1 strip, 0 clip, +1 keep
  int increment = 0;
  std::size_t body = 0;  // first byte after the header line
};

std::optional<BlockHeader> read_header(std::string_view text, std::size_t pos, std::size_t end) {
  BlockHeader h;
  h.folded = text[pos] == '>';
  ++pos;
  for (int i = 0; i < 2 && pos < end; ++i) {
    const char c = text[pos];
    if ((c == '+' || c == '-') && h.chomping == 0) {
      h.chomping = c == '+' ? 1 : -1;
      ++pos;
    } else if (c >= '1' && c <= '9' && h.increment == 0) {
      h.increment = c - '0';
      ++pos;
    }
  }
  while (pos < end && !is_break(text[pos])) ++pos;  // blanks and a comment
  if (pos < end) pos += break_length(text, pos);
  h.body = pos;
  return h;
}

class BlockDecoder {
 public:
  BlockDecoder(std::string_view text, std::size_t end, Builder& b) : text_(text), end_(end), b_(b) {}

  bool run(const BlockHeader& h, int parent_indent) {
    pos_ = line_start_ = h.body;
    int indent = h.increment ? (parent_indent >= 0 ? parent_indent + h.increment : h.increment) : 0;
    if (h.body > end_) return false;
    if (!scan_breaks(indent, parent_indent)) return false;
    std::size_t leading_break = std::string_view::npos;
    bool leading_blank = false;
    while (column() == indent && pos_ < end_) {
      const bool trailing_blank = is_blank(text_[pos_]);
      if (h.folded && leading_break != std::string_view::npos && !leading_blank && !trailing_blank) {
        if (trailing_.empty()) b_.put(' ', leading_break);
        leading_break = std::string_view::npos;
      }
      if (leading_break != std::string_view::npos) b_.put('\n', leading_break);
      flush_trailing();
      leading_blank = is_blank(text_[pos_]);
      for (; pos_ < end_ && !is_break(text_[pos_]); ++pos_) b_.put(text_[pos_], pos_);
      if (pos_ >= end_) {
        leading_break = std::string_view::npos;
        break;
      }
      leading_break = pos_;
      pos_ += break_length(text_, pos_);
      line_start_ = pos_;
      if (!scan_breaks(indent, parent_indent)) return false;
    }
    if (h.chomping != -1 && leading_break != std::string_view::npos) b_.put('\n', leading_break);
    if (h.chomping == 1) flush_trailing();
    return true;
  }

 private:
  int column() const { return static_cast<int>(pos_ - line_start_); }

  void flush_trailing() {
    for (std::size_t at : trailing_) b_.put('\n', at);
    trailing_.clear();
  }

  // Skips indentation and empty lines; fixes the indentation when it is
  // still to be detected from the first non-empty line.
  bool scan_breaks(int& indent, int parent_indent) {
    int max_indent = 0;
    for (;;) {
      while ((indent == 0 || column() < indent) && pos_ < end_ && text_[pos_] == ' ') ++pos_;
      max_indent = std::max(max_indent, column());
      if ((indent == 0 || column() < indent) && pos_ < end_ && text_[pos_] == '\t') return false;
      if (pos_ >= end_ || !is_break(text_[pos_])) break;
      trailing_.push_back(pos_);
      pos_ += break_length(text_, pos_);
      line_start_ = pos_;
    }
    if (indent == 0) indent = std::max({max_indent, parent_indent + 1, 1});
    return true;
  }

  std::string_view text_;
  std::size_t end_;
  Builder& b_;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  std::vector<std::size_t> trailing_;
};

// Indentation of the line holding `pos`: the largest parent indentation a
// block scalar starting there can have.
int line_indent(std::string_view text, std::size_t pos) {
  std::size_t start = pos;
  while (start > 0 && text[start - 1] != '\n') --start;
  return static_cast<int>(pos - start);
}

void close_map(ScalarMap& map, std::size_t fallback_end) {
  map.offsets.push_back(static_cast<std::uint32_t>(
      map.offsets.empty() ? fallback_end : map.offsets.back() + 1));
}

}  // namespace

std::optional<ScalarMap> map_scalar(const Tree& tree, NodeId id) {
  id = tree.resolve(id);
  const Node& n = tree.node(id);
  if (n.kind != NodeKind::scalar) return std::nullopt;
  const std::string_view text = tree.source().text();
  const std::string_view expected = tree.value(id);
  std::size_t end = std::min<std::size_t>(n.end, text.size());
  if (n.begin >= end) {
    if (!expected.empty()) return std::nullopt;
    ScalarMap map;
    close_map(map, n.begin);
    return map;
  }
  if (n.style == ScalarStyle::literal || n.style == ScalarStyle::folded) {
    const auto header = read_header(text, n.begin, end);
    if (!header) return std::nullopt;
    // The parent's indentation is not in the tree; only one candidate
    // reproduces libyaml's value when an indentation indicator is used.
    for (int parent = -1; parent <= line_indent(text, n.begin); ++parent) {
      ScalarMap map;
      Builder b(map);
      if (BlockDecoder(text, end, b).run(*header, parent) && map.value == expected) {
        close_map(map, n.begin);
        return map;
      }
    }
    return std::nullopt;
  }
  std::size_t begin = n.begin;
  if (n.style != ScalarStyle::plain) {
    ++begin;
    end = std::max(begin, end - 1);
  }
  ScalarMap map;
  Builder b(map);
  if (!decode_flow(text, begin, end, n.style, b) || map.value != expected) return std::nullopt;
  close_map(map, begin);
  return map;
}

std::size_t value_source_offset(const Tree& tree, NodeId scalar, std::size_t value_offset) {
  const auto map = map_scalar(tree, scalar);
  if (!map) return tree.node(tree.resolve(scalar)).begin;
  return map->offsets[std::min(value_offset, map->offsets.size() - 1)];
}

Position value_position(const Tree& tree, NodeId scalar, std::size_t value_offset) {
  return tree.position_at(value_source_offset(tree, scalar, value_offset));
}

}  // namespace rbc::yaml
