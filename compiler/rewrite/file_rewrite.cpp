#include "rewrite/file_rewrite.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <set>

#include "diag/diagnostic.hpp"
#include "diag/source.hpp"
#include "promql/ast.hpp"
#include "promql/lexer.hpp"
#include "promql/values.hpp"
#include "rewrite/expr_layout.hpp"
#include "rewrite/safe_fixes.hpp"
#include "rewrite/verify.hpp"
#include "rewrite/yaml_edit.hpp"
#include "rules/load.hpp"

namespace rbc::rewrite {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// A file loaded for rewriting (the byte order mark, which the loader
// would not see, is set aside and put back on write).
struct Loaded {
  std::string bom;
  std::unique_ptr<SourceFile> source;
  rules::LoadedFile file;
};

Loaded load(const std::string& path, std::string_view bytes) {
  Loaded l;
  if (bytes.substr(0, kBom.size()) == kBom) {
    l.bom = std::string(kBom);
    bytes.remove_prefix(kBom.size());
  }
  l.source = std::make_unique<SourceFile>(path, std::string(bytes));
  Diagnostics diags;
  const rules::FileKind kind = rules::classify(*l.source);
  if (kind != rules::FileKind::rule_file && kind != rules::FileKind::prometheus_rule) {
    l.file.kind = kind;
    return l;
  }
  l.file = rules::load_rule_file(*l.source, diags);
  return l;
}

// Collects edits for one file, then verifies and assembles the result.
class Rewriter {
 public:
  Rewriter(const std::string& path, const std::string& bytes) : path_(path), loaded_(load(path, bytes)) {
    result_.original = bytes;
    result_.rewritten = bytes;
  }

  bool usable() {
    const auto kind = loaded_.file.kind;
    if (kind == rules::FileKind::rule_file || kind == rules::FileKind::prometheus_rule) return true;
    refuse("not a rule file");
    return false;
  }

  const Loaded& loaded() const { return loaded_; }
  std::string_view text() const { return loaded_.source->text(); }
  FileRewrite& result() { return result_; }

  // Each scalar is edited once, even when aliases make rules share it.
  bool claim(yaml::NodeId node) { return node != yaml::kNoNode && claimed_.insert(node).second; }
  void add(Edit e) { edits_.push_back(std::move(e)); }
  void note(const std::string& n) { result_.notes.push_back(path_ + ": " + n); }

  FileRewrite finish(const MatcherAccept& accept) {
    if (edits_.empty()) return result_;
    const std::string body = apply_edits(text(), edits_);
    const Loaded again = load(path_, loaded_.bom + body);
    if (std::string diff = rules_difference(again, accept); !diff.empty()) {
      refuse("left unchanged: the rewrite would change " + diff);
      return result_;
    }
    result_.rewritten = loaded_.bom + body;
    return result_;
  }

 private:
  std::string rules_difference(const Loaded& again, const MatcherAccept& accept) const {
    return loaded_difference(loaded_.file, again.file, accept);
  }
  void refuse(const std::string& why) {
    result_.refused = true;
    note(why);
  }

  std::string path_;
  Loaded loaded_;
  FileRewrite result_;
  std::vector<Edit> edits_;
  std::set<yaml::NodeId> claimed_;
};

// `rbc fmt`: each parsed expression in its canonical layout.
void format_rules(Rewriter& rw) {
  const yaml::Tree& tree = *rw.loaded().file.tree;
  const ValueIndex index(tree);
  for (const rules::RuleRef& ref : rules::all_rules(rw.loaded().file)) {
    const rules::Rule& rule = *ref.rule;
    if (!rule.ast || !rw.claim(rule.expr.node)) continue;
    const Layout layout = layout_expr(rule.expr.value, *rule.ast);
    if (layout.skip == LayoutSkip::has_comment) {
      rw.note("kept the expression of " + std::string(rule.name.value) + " as written: it has comments");
      continue;
    }
    if (layout.skip != LayoutSkip::none) continue;
    // A block scalar's value ends with its line break: compare without it.
    std::string_view current = rule.expr.value;
    while (!current.empty() && current.back() == '\n') current.remove_suffix(1);
    const yaml::Node& node = tree.node(rule.expr.node);
    const bool block = node.style == yaml::ScalarStyle::literal || node.style == yaml::ScalarStyle::folded;
    if (layout.text == current && (block || layout.text.find('\n') == std::string::npos)) continue;
    if (auto edit = replace_scalar(tree, index, rule.expr.node, layout.text)) rw.add(std::move(*edit));
    else rw.note("kept the expression of " + std::string(rule.name.value) + " as written: no safe YAML form");
  }
}

// Adds the edit replacing value bytes [begin, end) of a scalar.
bool edit_value(Rewriter& rw, const std::optional<yaml::ScalarMap>& map, std::size_t begin, std::size_t end,
                std::string text) {
  if (!map) return false;
  auto edit = replace_in_value(rw.text(), *map, begin, end, std::move(text));
  if (edit) rw.add(std::move(*edit));
  return edit.has_value();
}

void fix_duration_field(Rewriter& rw, const std::optional<rules::Duration>& d) {
  if (!d || d->ms <= 0 || !rw.claim(d->text.node)) return;
  const std::string canonical = canonical_duration(d->ms);
  if (canonical.empty() || canonical == d->text.value) return;
  const auto map = yaml::map_scalar(*rw.loaded().file.tree, d->text.node);
  if (map && map->value == d->text.value && edit_value(rw, map, 0, map->value.size(), canonical))
    ++rw.result().fixes.durations;
}

// One matcher `label =~ "value"`: the operator token and the string token.
// All of its edits are made, or none.
void fix_matcher_tokens(Rewriter& rw, const yaml::ScalarMap& map, const promql::Token& op, const promql::Token& str) {
  const auto fix = fix_matcher(op.type == promql::Tok::EqlRegex ? promql::MatchOp::Regex : promql::MatchOp::NotRegex,
                               promql::unquote(str.text));
  if (!fix) return;
  const std::size_t last = str.pos + str.text.size() - 2;  // the byte before the closing quote
  if (fix->drop_caret && str.text[1] != '^') return;
  if (fix->drop_dollar && str.text[str.text.size() - 2] != '$') return;
  std::vector<std::optional<Edit>> edits;
  // `=~` loses its `~`; `!~` becomes `!=`.
  if (fix->op == promql::MatchOp::Equal || fix->op == promql::MatchOp::NotEqual)
    edits.push_back(replace_in_value(rw.text(), map, op.pos + 1, op.pos + 2, op.type == promql::Tok::EqlRegex ? "" : "="));
  if (fix->drop_caret) edits.push_back(replace_in_value(rw.text(), map, str.pos + 1, str.pos + 2, ""));
  if (fix->drop_dollar) edits.push_back(replace_in_value(rw.text(), map, last, last + 1, ""));
  for (const auto& e : edits)
    if (!e) return;
  for (auto& e : edits) rw.add(std::move(*e));
  ++rw.result().fixes.matchers;
}

void fix_expression(Rewriter& rw, const rules::Rule& rule) {
  if (!rule.ast || !rw.claim(rule.expr.node)) return;
  const auto map = yaml::map_scalar(*rw.loaded().file.tree, rule.expr.node);
  if (!map || map->value != rule.expr.value) return;
  std::vector<promql::Token> tokens;
  promql::Lexer lexer(map->value);
  for (promql::Token t = lexer.next(); t.type != promql::Tok::Eof && t.type != promql::Tok::Error; t = lexer.next())
    tokens.push_back(t);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const promql::Token& t = tokens[i];
    if ((t.type == promql::Tok::EqlRegex || t.type == promql::Tok::NeqRegex) && i + 1 < tokens.size() &&
        tokens[i + 1].type == promql::Tok::String) {
      fix_matcher_tokens(rw, *map, t, tokens[i + 1]);
    } else if (t.type == promql::Tok::Duration) {
      std::int64_t ms = 0;
      if (promql::parse_duration_ms(t.text, ms)) continue;
      const std::string canonical = canonical_duration(ms);
      if (!canonical.empty() && canonical != t.text &&
          edit_value(rw, map, t.pos, t.pos + t.text.size(), canonical))
        ++rw.result().fixes.durations;
    }
  }
}

bool accept_fixes(const promql::Matcher& before, const promql::Matcher& after) {
  return accepted_matcher_change(before, after);
}

}  // namespace

FileRewrite format_file(const std::string& path, const std::string& bytes) {
  Rewriter rw(path, bytes);
  if (!rw.usable()) return rw.result();
  format_rules(rw);
  return rw.finish(same_matcher);
}

FileRewrite fix_file(const std::string& path, const std::string& bytes) {
  Rewriter rw(path, bytes);
  if (!rw.usable()) return rw.result();
  for (const rules::RuleSet& set : rw.loaded().file.sets) {
    for (const rules::Group& group : set.groups) {
      fix_duration_field(rw, group.interval);
      for (const rules::Rule& rule : group.rules) {
        fix_duration_field(rw, rule.for_duration);
        fix_duration_field(rw, rule.keep_firing_for);
        fix_expression(rw, rule);
      }
    }
  }
  FileRewrite result = rw.finish(accept_fixes);
  if (result.refused) result.fixes = {};
  return result;
}

}  // namespace rbc::rewrite
