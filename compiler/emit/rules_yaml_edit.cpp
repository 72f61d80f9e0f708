#include "emit/rules_yaml_edit.hpp"

#include <algorithm>

namespace rbc::emit {
namespace {

using yaml::kNoNode;
using yaml::NodeId;
using yaml::NodeKind;
using yaml::ScalarStyle;

std::string key_text(std::string_view key) { return plain_safe(key) ? std::string(key) : double_quoted(key); }

std::size_t line_start(std::string_view text, std::size_t offset) {
  const std::size_t nl = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  return offset == 0 || nl == std::string_view::npos ? 0 : nl + 1;
}

}  // namespace

RuleEditor::RuleEditor(const yaml::Tree& tree)
    : tree_(tree), text_(tree.source().text()), newline_(newline_of(tree.source().text())) {
  for (std::size_t id = 0; id < tree_.node_count(); ++id) {
    const yaml::Node& n = tree_.node(static_cast<NodeId>(id));
    if (n.kind != NodeKind::alias) continue;
    const yaml::Node& target = tree_.node(n.first);
    shared_ranges_.emplace_back(target.begin, std::max(target.end, target.begin + 1));
  }
}

bool RuleEditor::shared(NodeId id) const {
  const std::size_t at = tree_.node(id).begin;
  return std::any_of(shared_ranges_.begin(), shared_ranges_.end(),
                     [&](const auto& r) { return r.first <= at && at < r.second; });
}

bool RuleEditor::has_merge(NodeId mapping) const {
  for (std::size_t i = 0; i < tree_.pair_count(mapping); ++i) {
    const NodeId key = tree_.resolve(tree_.pair(mapping, i).key);
    if (tree_.node(key).kind == NodeKind::scalar && tree_.value(key) == "<<") return true;
  }
  return false;
}

bool RuleEditor::empty_scalar(NodeId id) const {
  const yaml::Node& n = tree_.node(id);
  return n.kind == NodeKind::scalar && n.style == ScalarStyle::plain && n.end <= n.begin;
}

std::pair<std::size_t, bool> RuleEditor::last_content(NodeId id) const {
  const yaml::Node& n = tree_.node(id);
  if (n.kind == NodeKind::mapping && !n.flow && n.count > 0) {
    const yaml::KeyValue last = tree_.pair(id, n.count - 1);
    if (empty_scalar(last.value)) return {tree_.content_end(last.key), false};
    return last_content(last.value);
  }
  if (n.kind == NodeKind::sequence && !n.flow && n.count > 0) return last_content(tree_.items(id).back());
  const bool block = n.kind == NodeKind::scalar && (n.style == ScalarStyle::literal || n.style == ScalarStyle::folded);
  bool keep = false;
  if (block) {
    // The header: `|`, then indentation and chomping indicators in any order.
    for (std::size_t i = n.begin + 1; i < text_.size() && text_[i] != ' ' && text_[i] != '\n' && text_[i] != '\r' &&
                                      text_[i] != '#';
         ++i)
      keep = keep || text_[i] == '+';
  }
  return {tree_.content_end(id), keep};
}

std::string RuleEditor::write(std::string_view value, Quoting quoting, NodeId replaced) const {
  if (quoting == Quoting::double_quoted) return double_quoted(value);
  const ScalarStyle style = replaced == kNoNode ? ScalarStyle::plain : tree_.node(replaced).style;
  if (style == ScalarStyle::single_quoted) return single_quoted(value);
  if (style == ScalarStyle::plain && plain_safe(value)) return std::string(value);
  return double_quoted(value);
}

std::string RuleEditor::replace_scalar(NodeId id, std::string_view value, Quoting quoting,
                                       std::vector<Edit>& out) const {
  const yaml::Node& n = tree_.node(id);
  if (n.kind == NodeKind::alias) {  // the alias is written here only: replace it
    out.push_back({n.begin, n.end, write(value, quoting, tree_.resolve(id))});
    return "";
  }
  if (n.kind != NodeKind::scalar) return "the value is not a string";
  if (shared(id)) return "the value is shared through a YAML anchor";
  if (empty_scalar(id)) {
    out.push_back({n.begin, n.begin, write(value, Quoting::double_quoted, kNoNode)});
    return "";
  }
  out.push_back({n.begin, tree_.content_end(id), write(value, quoting, id)});
  return "";
}

// `field:` with nothing (or `~`, `null`) after it: write a flow mapping there.
std::string RuleEditor::fill_null(NodeId owner, NodeId value, const std::string& flow, std::vector<Edit>& out) const {
  const yaml::Node& n = tree_.node(value);
  if (n.kind == NodeKind::scalar && n.end > n.begin && n.tag == 0) {
    out.push_back({n.begin, n.end, "{" + flow + "}"});
    return "";
  }
  if (!empty_scalar(value) || n.tag != 0) return "the field holds a tagged null";
  for (std::size_t i = 0; i < tree_.pair_count(owner); ++i) {
    const yaml::KeyValue kv = tree_.pair(owner, i);
    if (kv.value != value) continue;
    const std::size_t colon = text_.find(':', tree_.content_end(kv.key));
    if (colon == std::string_view::npos) break;
    out.push_back({colon + 1, colon + 1, " {" + flow + "}"});
    return "";
  }
  return "the field's key was not found";
}

std::string RuleEditor::insert_pair(NodeId mapping, const std::vector<std::string>& lines, const std::string& flow,
                                    std::vector<Edit>& out) const {
  const yaml::Node& m = tree_.node(mapping);
  if (m.flow) {
    if (m.begin >= text_.size() || text_[m.begin] != '{') return "the flow mapping has an unexpected form";
    out.push_back({m.begin + 1, m.begin + 1, m.count == 0 ? flow : flow + ", "});
    return "";
  }
  if (m.count == 0) return "the mapping is empty";
  const std::size_t first_key = tree_.node(tree_.pair(mapping, 0).key).begin;
  const std::size_t start = line_start(text_, first_key);
  // Only indentation and sequence dashes may come before the first key.
  for (std::size_t i = start; i < first_key; ++i)
    if (text_[i] != ' ' && text_[i] != '-') return "the mapping's first key is not at its indentation";
  const std::string indent(first_key - start, ' ');
  std::string block;
  for (std::size_t i = 0; i < lines.size(); ++i) block += (i == 0 ? "" : newline_ + indent) + lines[i];
  const auto [end, keeps_breaks] = last_content(mapping);
  if (keeps_breaks) {
    // Appending would move the kept line breaks of the last value: put the
    // pair first instead.
    out.push_back({first_key, first_key, block + newline_ + indent});
  } else {
    const std::size_t at = line_end(text_, end);
    out.push_back({at, at, newline_ + indent + block});
  }
  return "";
}

// How far this file indents a nested mapping: the rule's labels or
// annotations tell, else two spaces.
std::size_t RuleEditor::indent_step(NodeId rule) const {
  for (const std::string_view field : {"labels", "annotations"}) {
    const NodeId f = tree_.find(rule, field);
    if (f == kNoNode) continue;
    const yaml::Node& n = tree_.node(f);
    if (n.kind != NodeKind::mapping || n.flow || n.count == 0) continue;
    const NodeId key = tree_.pair(rule, 0).key;
    const Position outer = tree_.position_at(tree_.node(key).begin);
    const Position inner = tree_.position_at(tree_.node(tree_.pair(f, 0).key).begin);
    if (inner.column > outer.column) return inner.column - outer.column;
  }
  return 2;
}

std::string RuleEditor::set(NodeId rule_item, std::string_view field, std::string_view key, std::string_view value,
                            Quoting quoting, std::vector<Edit>& out) const {
  const NodeId rule = tree_.resolve(rule_item);
  if (rule != rule_item || shared(rule)) return "the rule is shared through a YAML anchor";
  if (tree_.node(rule).kind != NodeKind::mapping) return "the rule is not a mapping";
  const std::string pair = key_text(key) + ": " + write(value, quoting, kNoNode);
  const NodeId f = tree_.find(rule, field);
  if (f == kNoNode) {
    if (has_merge(rule)) return "the rule merges another mapping (<<) that may hold `" + std::string(field) + "`";
    const std::string step(indent_step(rule), ' ');
    return insert_pair(rule, {std::string(field) + ":", step + pair}, std::string(field) + ": {" + pair + "}", out);
  }
  const yaml::Node& fn = tree_.node(f);
  if (fn.kind == NodeKind::alias) {
    // `annotations: *common` -> `{<<: *common, key: value}`: the explicit
    // key wins over the merged one.
    const std::string alias(text_.substr(fn.begin, fn.end - fn.begin));
    out.push_back({fn.begin, fn.end, "{<<: " + alias + ", " + pair + "}"});
    return "";
  }
  if (tree_.is_null(f)) return fill_null(rule, f, pair, out);
  if (fn.kind != NodeKind::mapping) return "`" + std::string(field) + "` is not a mapping";
  if (shared(f)) return "`" + std::string(field) + "` is shared through a YAML anchor";
  const NodeId existing = tree_.find(f, key);
  if (existing != kNoNode) return replace_scalar(existing, value, quoting, out);
  return insert_pair(f, {pair}, pair, out);
}

}  // namespace rbc::emit
