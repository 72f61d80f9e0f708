#include "rewrite/yaml_edit.hpp"

#include <algorithm>

namespace rbc::rewrite {
namespace {

using yaml::NodeId;
using yaml::ScalarStyle;

std::size_t line_start(std::string_view text, std::size_t pos) {
  while (pos > 0 && text[pos - 1] != '\n') --pos;
  return pos;
}

std::size_t line_end(std::string_view text, std::size_t pos) {
  while (pos < text.size() && text[pos] != '\n' && text[pos] != '\r') ++pos;
  return pos;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

// Conservative: a plain scalar that reads back as exactly `v` in block or
// flow context (YAML 1.2 plain-scalar rules, minus the rarely needed
// corners).
bool plain_safe(std::string_view v, bool flow) {
  if (v.empty() || v.front() == ' ' || v.back() == ' ' || v.back() == ':') return false;
  if (std::string_view("[]{}#&*!|>'\"%@`,").find(v.front()) != std::string_view::npos) return false;
  if (std::string_view("-?:").find(v.front()) != std::string_view::npos && (v.size() < 2 || v[1] == ' '))
    return false;
  if (v.find(": ") != std::string_view::npos || v.find(" #") != std::string_view::npos) return false;
  if (flow && v.find_first_of(",[]{}") != std::string_view::npos) return false;
  for (unsigned char c : v)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

std::string single_quoted(std::string_view v) {
  std::string out = "'";
  for (char c : v) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string double_quoted(std::string_view v) {
  static const char* hex = "0123456789abcdef";
  std::string out = "\"";
  for (char ch : v) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

std::vector<std::string_view> split_lines(std::string_view v) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t nl; (nl = v.find('\n', start)) != std::string_view::npos; start = nl + 1)
    lines.push_back(v.substr(start, nl - start));
  lines.push_back(v.substr(start));
  return lines;
}

// Pieces of a block scalar header such as `|-2  # note`.
struct BlockHeader {
  char chomp = 0;        // 0 (clip), '-' or '+'
  std::string_view rest;  // spaces and comment after the indicators
};

BlockHeader parse_header(std::string_view line) {
  BlockHeader h;
  std::size_t i = 1;
  for (; i < line.size() && i < 3 && (line[i] == '-' || line[i] == '+' || (line[i] >= '1' && line[i] <= '9')); ++i)
    if (line[i] == '-' || line[i] == '+') h.chomp = line[i];
  h.rest = line.substr(i);
  return h;
}

// A literal block scalar holding `value` whose content starts at column
// `content_col`, below a key at column `key_col`.
std::optional<std::string> literal_block(std::string_view value, const BlockHeader& header, std::size_t key_col,
                                         std::size_t content_col, std::string_view newline) {
  std::string out = "|";
  if (header.chomp) out += header.chomp;
  if (value.front() == ' ') {
    // Content that starts with spaces needs an explicit indentation.
    if (content_col <= key_col || content_col - key_col > 9) return std::nullopt;
    out += static_cast<char>('0' + (content_col - key_col));
  }
  out += header.rest;
  for (std::string_view line : split_lines(value)) {
    out += newline;
    if (!line.empty()) out += std::string(content_col, ' ');
    out += line;
  }
  return out;
}

}  // namespace

ValueIndex::ValueIndex(const yaml::Tree& tree) : key_(tree.node_count(), yaml::kNoNode), flow_(tree.node_count()) {
  for (NodeId id = 0; id < tree.node_count(); ++id) {
    const yaml::Node& n = tree.node(id);
    if (n.kind != yaml::NodeKind::mapping) continue;
    for (std::size_t i = 0; i < tree.pair_count(id); ++i) {
      const yaml::KeyValue kv = tree.pair(id, i);
      key_[kv.value] = kv.key;
      flow_[kv.value] = n.flow;
    }
  }
}

NodeId ValueIndex::key_of(NodeId value) const { return value < key_.size() ? key_[value] : yaml::kNoNode; }
bool ValueIndex::in_flow(NodeId value) const { return value < flow_.size() && flow_[value]; }

std::optional<Edit> replace_scalar(const yaml::Tree& tree, const ValueIndex& index, NodeId node, std::string_view value) {
  const yaml::Node& n = tree.node(node);
  const NodeId key = index.key_of(node);
  if (n.kind != yaml::NodeKind::scalar || key == yaml::kNoNode || value.empty()) return std::nullopt;
  const std::string_view file = tree.source().text();
  const std::string_view newline = file.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
  const bool flow = index.in_flow(node);
  const bool block = n.style == ScalarStyle::literal || n.style == ScalarStyle::folded;
  const bool multi_line = value.find('\n') != std::string_view::npos;
  const std::size_t begin = n.begin;
  const std::size_t end = tree.content_end(node);

  if (!multi_line && !block) {
    std::string text;
    if (n.style == ScalarStyle::plain && plain_safe(value, flow)) text = std::string(value);
    else if (n.style == ScalarStyle::double_quoted) text = double_quoted(value);
    else text = single_quoted(value);
    return Edit{begin, end, text};
  }
  if (flow) return std::nullopt;  // a block scalar cannot stand in a flow mapping

  const std::size_t key_col = tree.node(key).begin - line_start(file, tree.node(key).begin);
  if (block) {
    const std::size_t header_end = line_end(file, begin);
    const BlockHeader header = parse_header(file.substr(begin, header_end - begin));
    // Keep the indentation the block already has.
    std::size_t content_col = key_col + 2;
    for (std::size_t pos = header_end; pos < end;) {
      pos = file.find('\n', pos);
      if (pos == std::string_view::npos) break;
      ++pos;
      const std::string_view line = file.substr(pos, line_end(file, pos) - pos);
      if (!blank(line)) {
        content_col = line.find_first_not_of(' ');
        break;
      }
    }
    auto text = literal_block(value, header, key_col, content_col, newline);
    if (!text) return std::nullopt;
    return Edit{begin, end, *text};
  }
  // Plain or quoted becomes a literal block; a comment after the scalar
  // moves onto the block header line.
  const std::size_t eol = line_end(file, end);
  const std::string_view rest = file.substr(end, eol - end);
  if (!blank(rest) && rest.substr(rest.find_first_not_of(" \t")).front() != '#') return std::nullopt;
  if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t') return std::nullopt;
  BlockHeader header;
  header.rest = blank(rest) ? std::string_view() : rest;
  auto text = literal_block(value, header, key_col, key_col + 2, newline);
  if (!text) return std::nullopt;
  return Edit{begin, eol, *text};
}

std::optional<Edit> replace_in_value(std::string_view file, const yaml::ScalarMap& map, std::size_t begin,
                                     std::size_t end, std::string text) {
  if (begin > end || end >= map.offsets.size()) return std::nullopt;
  for (std::size_t i = begin; i < end; ++i) {
    const std::size_t at = map.offsets[i];
    if (map.offsets[i + 1] != at + 1 || at >= file.size() || file[at] != map.value[i]) return std::nullopt;
  }
  return Edit{map.offsets[begin], map.offsets[begin] + (end - begin), std::move(text)};
}

}  // namespace rbc::rewrite
