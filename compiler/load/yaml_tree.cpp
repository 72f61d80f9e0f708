#include "load/yaml_tree.hpp"

#include <algorithm>
#include <cstring>

namespace rbc::yaml {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

NodeId Tree::resolve(NodeId id) const {
  // Anchors always precede their aliases and an alias never names another
  // alias, so one step is enough.
  if (id != kNoNode && nodes_[id].kind == NodeKind::alias) return nodes_[id].first;
  return id;
}

std::string_view Tree::value(NodeId id) const {
  const Node& n = nodes_[id];
  if (n.value_in_buffer) return std::string_view(buffer_).substr(n.value_pos, n.value_len);
  return std::string_view(source_->text()).substr(n.value_pos, n.value_len);
}

std::string_view Tree::tag(NodeId id) const {
  const Node& n = nodes_[id];
  return n.tag == 0 ? std::string_view() : std::string_view(tags_[n.tag - 1]);
}

std::span<const NodeId> Tree::items(NodeId sequence) const {
  const Node& n = nodes_[sequence];
  return {children_.data() + n.first, n.count};
}

KeyValue Tree::pair(NodeId mapping, std::size_t i) const {
  const Node& n = nodes_[mapping];
  return {children_[n.first + 2 * i], children_[n.first + 2 * i + 1]};
}

NodeId Tree::find(NodeId mapping, std::string_view key) const {
  for (std::size_t i = 0; i < pair_count(mapping); ++i) {
    const KeyValue kv = pair(mapping, i);
    const NodeId k = resolve(kv.key);
    if (nodes_[k].kind == NodeKind::scalar && value(k) == key) return kv.value;
  }
  return kNoNode;
}

bool Tree::is_null(NodeId id) const {
  id = resolve(id);
  const Node& n = nodes_[id];
  if (n.kind != NodeKind::scalar) return false;
  const std::string_view t = tag(id);
  if (t == "tag:yaml.org,2002:null") return true;
  if (!t.empty() || n.style != ScalarStyle::plain) return false;
  const std::string_view v = value(id);
  return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

Position Tree::position_at(std::size_t offset) const {
  const std::string& text = source_->text();
  offset = std::min(offset, text.size());
  if (line_starts_.empty()) {
    // Built on first use; a newline scan with memchr is fast.
    auto& starts = line_starts_;
    starts.push_back(0);
    for (const char* p = text.data(); (p = static_cast<const char*>(std::memchr(
                                           p, '\n', static_cast<std::size_t>(text.data() + text.size() - p))));
         ++p)
      starts.push_back(static_cast<std::uint32_t>(p - text.data() + 1));
  }
  const auto in_line = [&](std::size_t i) {
    return line_starts_[i] <= offset && (i + 1 == line_starts_.size() || offset < line_starts_[i + 1]);
  };
  std::size_t line = line_hint_;
  if (!in_line(line)) {
    if (line + 1 < line_starts_.size() && in_line(line + 1)) {
      ++line;
    } else {
      line = static_cast<std::size_t>(
                 std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin()) -
             1;
    }
  }
  line_hint_ = line;
  return {static_cast<std::uint32_t>(line + 1), static_cast<std::uint32_t>(offset - line_starts_[line] + 1)};
}

Span Tree::span(NodeId id) const {
  return {position_at(nodes_[id].begin), position_at(content_end(id))};
}

std::size_t Tree::content_end(NodeId id) const {
  const Node& n = nodes_[id];
  std::size_t end = n.end;
  const bool block_scalar = n.kind == NodeKind::scalar &&
                            (n.style == ScalarStyle::literal || n.style == ScalarStyle::folded);
  if (block_scalar) {
    const std::string_view text = source_->text();
    while (end > n.begin && is_space(text[end - 1])) --end;
  }
  return end;
}

}  // namespace rbc::yaml
