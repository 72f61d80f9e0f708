#include "template/parser.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <utility>
#include <vector>

#include "template/function_set.hpp"
#include "template/go_literals.hpp"
#include "gotext/quote.hpp"
#include "gotext/unicode.hpp"
#include "gotext/utf8.hpp"
#include "template/go_text.hpp"
#include "template/lexer.hpp"

namespace rbc::gotmpl {
namespace {

// Go grows its stack as needed; we bound nesting instead so that hostile
// input cannot overflow ours. Real templates nest a handful of levels.
constexpr int kMaxDepth = 1000;

// Go's parser reports errors by panicking; this is our panic.
struct ParseFailure {
  TemplateError error;
};

// State shared by the top-level tree and the trees of define/block.
struct Shared {
  ParseRequest request;
  std::vector<Token> tokens;
  std::size_t next_token = 0;
  std::vector<std::size_t> newlines;
  std::map<std::string, bool> tree_set;  // template name -> has a non-empty body
  int depth = 0;                         // nesting of control structures and parentheses

  const Token* lex_next() {
    const Token* t = &tokens[std::min(next_token, tokens.size() - 1)];
    ++next_token;
    return t;
  }
  std::size_t line_of(std::size_t pos) const {
    return 1 + static_cast<std::size_t>(std::lower_bound(newlines.begin(), newlines.end(), pos) - newlines.begin());
  }
  bool recording(std::size_t pos) const { return request.refs != nullptr && pos >= request.refs_from; }
  void record(std::vector<TemplateRef> TemplateRefs::*list, std::string name, std::size_t pos) {
    if (recording(pos)) (request.refs->*list).push_back({std::move(name), pos - request.refs_from});
  }
};

enum class NodeKind { other, end, else_ };

struct NodeInfo {
  NodeKind kind = NodeKind::other;
  bool empty = false;    // parse.IsEmptyTree of the node
  std::size_t pos = 0;   // of the else/end keyword
};

std::string node_string(const NodeInfo& n) { return n.kind == NodeKind::end ? "{{end}}" : "{{else}}"; }

enum class Operand { identifier, dot, nil, variable, field, boolean, number, string, pipe, chain };

struct OperandNode {
  Operand kind = Operand::chain;
  std::string text;   // Node.String() for literals; the full name for fields/variables
  std::string value;  // unquoted value of a string
  std::size_t pos = 0;
};

bool is_literal(Operand k) {
  return k == Operand::boolean || k == Operand::dot || k == Operand::nil || k == Operand::number ||
         k == Operand::string;
}

bool is_whitespace_text(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return is_space(static_cast<unsigned char>(c)) || c == '\v' || c == '\f'; });
}

// One parse.Tree: its own lookahead buffer, variables and range depth.
class TreeParser {
 public:
  TreeParser(Shared& shared, std::string name, bool top_level)
      : s_(shared), name_(std::move(name)), top_level_(top_level) {}

  void parse_top();
  void parse_definition();
  std::pair<bool, NodeInfo> item_list();  // (non-empty, the end/else that stopped it)
  void set_non_empty(bool v) { non_empty_ = v; }
  void add();

  void declare(std::string name) { vars_.push_back(std::move(name)); }

 private:
  Shared& s_;
  std::string name_;
  bool top_level_;
  std::array<const Token*, 3> token_{};
  int peek_count_ = 0;
  std::vector<std::string> vars_{"$"};
  int range_depth_ = 0;
  int dot_depth_ = 0;  // > 0 inside range/with, where "." is no longer the alert
  std::size_t action_line_ = 0;
  bool non_empty_ = false;

  // --- token buffer, as parse.Tree does it
  const Token& next() {
    if (peek_count_ > 0) {
      --peek_count_;
    } else {
      token_[0] = s_.lex_next();
    }
    return *token_[static_cast<std::size_t>(peek_count_)];
  }
  void backup() { ++peek_count_; }
  void backup2(const Token& t1) {
    token_[1] = &t1;
    peek_count_ = 2;
  }
  void backup3(const Token& t2, const Token& t1) {
    token_[1] = &t1;
    token_[2] = &t2;
    peek_count_ = 3;
  }
  const Token& peek() {
    if (peek_count_ > 0) return *token_[static_cast<std::size_t>(peek_count_ - 1)];
    peek_count_ = 1;
    token_[0] = s_.lex_next();
    return *token_[0];
  }
  const Token& next_non_space() {
    while (true) {
      const Token& t = next();
      if (t.type != Tok::space) return t;
    }
  }
  const Token& peek_non_space() {
    const Token& t = next_non_space();
    backup();
    return t;
  }

  // --- errors: Go reports the line of the last token read (token[0])
  [[noreturn]] void errorf(std::size_t pos, std::string message, std::string_view unknown_function = {}) {
    const std::size_t line = s_.line_of(token_[0] != nullptr ? token_[0]->pos : pos);
    throw ParseFailure{{pos, std::move(message), line, std::string(unknown_function)}};
  }
  [[noreturn]] void unexpected(const Token& token, std::string_view context) {
    if (token.type == Tok::error) {
      std::string extra;
      const std::size_t line = s_.line_of(token.pos);
      if (action_line_ != 0 && action_line_ != line) {
        const std::string name = s_.request.parse_name.empty() ? "template" : std::string(s_.request.parse_name);
        extra = " in action started at " + name + ":" + std::to_string(action_line_);
        if (token.value.ends_with(" action")) extra.erase(0, std::string_view(" in action").size());
      }
      errorf(token.pos, token.value + extra);
    }
    errorf(token.pos, "unexpected " + describe(token) + " in " + std::string(context));
  }
  const Token& expect(Tok type, std::string_view context) {
    const Token& t = next_non_space();
    if (t.type != type) unexpected(t, context);
    return t;
  }

  // Counts one level of nesting for the lifetime of the guard.
  struct DepthGuard {
    TreeParser& p;
    explicit DepthGuard(TreeParser& parser, std::size_t pos) : p(parser) {
      if (++p.s_.depth > kMaxDepth) p.errorf(pos, "template nesting exceeds " + std::to_string(kMaxDepth) + " levels");
    }
    ~DepthGuard() { --p.s_.depth; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
  };

  NodeInfo text_or_action();
  NodeInfo action();
  void pipeline(std::string_view context, Tok end);
  void check_pipeline(const std::vector<OperandNode>& first_args, std::string_view context);
  OperandNode command();
  std::optional<OperandNode> operand();
  std::optional<OperandNode> term();
  void use_var(const Token& token);
  void parse_control(bool allow_else_if, std::string_view context);
  NodeInfo else_control(std::size_t pos);
  NodeInfo end_control(std::size_t pos);
  void loop_control(std::string_view word);
  void block_control();
  void template_control();
  std::string template_name(const Token& token, std::string_view context);
  void record_label_refs(const std::vector<OperandNode>& args);
  void record_operand(const OperandNode& node);
};

void TreeParser::parse_top() {
  while (peek().type != Tok::eof) {
    if (peek().type == Tok::left_delim) {
      const Token& delim = next();
      if (next_non_space().type == Tok::kw_define) {
        TreeParser definition(s_, "definition", false);
        definition.parse_definition();
        continue;
      }
      backup2(delim);
    }
    const NodeInfo n = text_or_action();
    if (n.kind != NodeKind::other) errorf(n.pos, "unexpected " + node_string(n));
    non_empty_ = non_empty_ || !n.empty;
  }
  if (!name_.empty()) add();
}

void TreeParser::add() {
  const auto it = s_.tree_set.find(name_);
  if (it == s_.tree_set.end() || !it->second) {
    s_.tree_set[name_] = non_empty_;
    return;
  }
  if (non_empty_) errorf(token_[0]->pos, "template: multiple definition of template " + gotext::quote(name_));
}

void TreeParser::parse_definition() {
  constexpr std::string_view context = "define clause";
  const Token& name = next_non_space();
  if (name.type != Tok::string && name.type != Tok::raw_string) unexpected(name, context);
  if (auto err = check_string_literal(name.value, &name_)) errorf(name.pos, *err);
  expect(Tok::right_delim, context);
  const auto [non_empty, end] = item_list();
  if (end.kind != NodeKind::end) errorf(end.pos, "unexpected " + node_string(end) + " in define clause");
  non_empty_ = non_empty;
  add();
}

std::pair<bool, NodeInfo> TreeParser::item_list() {
  bool non_empty = false;
  peek_non_space();
  while (peek_non_space().type != Tok::eof) {
    const NodeInfo n = text_or_action();
    if (n.kind != NodeKind::other) return {non_empty, n};
    non_empty = non_empty || !n.empty;
  }
  errorf(token_[0]->pos, "unexpected EOF");
}

NodeInfo TreeParser::text_or_action() {
  const Token& t = next_non_space();
  switch (t.type) {
    case Tok::text:
      return {NodeKind::other, is_whitespace_text(t.value)};
    case Tok::left_delim: {
      action_line_ = s_.line_of(t.pos);
      const NodeInfo n = action();
      action_line_ = 0;  // Go clears it when any action ends, nested ones too
      return n;
    }
    default:
      unexpected(t, "input");
  }
}

NodeInfo TreeParser::action() {
  const Token& t = next_non_space();
  switch (t.type) {
    case Tok::kw_block: block_control(); return {};
    case Tok::kw_break: loop_control("break"); return {};
    case Tok::kw_continue: loop_control("continue"); return {};
    case Tok::kw_else: return else_control(t.pos);
    case Tok::kw_end: return end_control(t.pos);
    case Tok::kw_if: parse_control(true, "if"); return {};
    case Tok::kw_range: parse_control(false, "range"); return {};
    case Tok::kw_template: template_control(); return {};
    case Tok::kw_with: parse_control(false, "with"); return {};
    default: break;
  }
  backup();
  peek();
  // Variables declared here persist until the enclosing {{end}}.
  pipeline("command", Tok::right_delim);
  return {};
}

void TreeParser::pipeline(std::string_view context, Tok end) {
  peek_non_space();
  std::size_t decls = 0;
  // Declarations: "$x :=", "$x =", and in range "$i, $e :=".
  while (peek_non_space().type == Tok::variable) {
    const Token& v = next();
    const Token& after = peek();
    const Token& following = peek_non_space();
    if (following.type == Tok::assign || following.type == Tok::declare) {
      next_non_space();
      declare(v.value);
      break;
    }
    if (following.type == Tok::chr && following.value == ",") {
      next_non_space();
      declare(v.value);
      ++decls;
      if (context == "range" && decls < 2) {
        const Tok k = peek_non_space().type;
        if (k == Tok::variable || k == Tok::right_delim || k == Tok::right_paren) continue;
        errorf(token_[0]->pos, "range can only initialize variables");
      }
      errorf(token_[0]->pos, "too many declarations in " + std::string(context));
    }
    if (after.type == Tok::space) {
      backup3(v, after);
    } else {
      backup2(v);
    }
    break;
  }
  std::vector<OperandNode> first_args;
  while (true) {
    const Token& t = next_non_space();
    if (t.type == end) {
      check_pipeline(first_args, context);
      return;
    }
    switch (t.type) {
      case Tok::boolean: case Tok::char_constant: case Tok::complex: case Tok::kw_dot: case Tok::field:
      case Tok::identifier: case Tok::number: case Tok::kw_nil: case Tok::raw_string: case Tok::string:
      case Tok::variable: case Tok::left_paren:
        backup();
        first_args.push_back(command());
        break;
      default:
        unexpected(t, context);
    }
  }
}

void TreeParser::check_pipeline(const std::vector<OperandNode>& first_args, std::string_view context) {
  if (first_args.empty()) errorf(token_[0]->pos, "missing value for " + std::string(context));
  for (std::size_t i = 1; i < first_args.size(); ++i) {
    if (is_literal(first_args[i].kind)) {
      errorf(first_args[i].pos, "non executable command in pipeline stage " + std::to_string(i + 1));
    }
  }
}

// Returns the command's first argument (what check_pipeline looks at).
OperandNode TreeParser::command() {
  std::vector<OperandNode> args;
  while (true) {
    peek_non_space();
    if (auto op = operand()) args.push_back(std::move(*op));
    const Token& t = next();
    if (t.type == Tok::space) continue;
    if (t.type == Tok::right_delim || t.type == Tok::right_paren) {
      backup();
    } else if (t.type != Tok::pipe) {
      unexpected(t, "operand");
    }
    break;
  }
  if (args.empty()) errorf(token_[0]->pos, "empty command");
  record_label_refs(args);
  return args.front();
}

void TreeParser::record_label_refs(const std::vector<OperandNode>& args) {
  if (s_.request.refs == nullptr || args.size() < 3) return;
  if (args[0].kind == Operand::identifier && args[0].text == "index" && args[1].kind == Operand::variable &&
      args[1].text == "$labels" && args[2].kind == Operand::string) {
    s_.record(&TemplateRefs::labels, args[2].value, args[2].pos);
  }
}

std::optional<OperandNode> TreeParser::operand() {
  auto node = term();
  if (!node) return node;
  if (peek().type == Tok::field) {
    const std::size_t field_pos = peek().pos;
    std::string chain = node->text;
    while (peek().type == Tok::field) chain += next().value;
    switch (node->kind) {
      case Operand::field:
      case Operand::variable:
        break;
      case Operand::boolean: case Operand::string: case Operand::number: case Operand::nil: case Operand::dot:
        errorf(field_pos, "unexpected . after term " + gotext::quote(node->text));
      default:
        node->kind = Operand::chain;
    }
    node->text = std::move(chain);
  }
  record_operand(*node);
  return node;
}

void TreeParser::record_operand(const OperandNode& node) {
  if (node.kind == Operand::variable) s_.record(&TemplateRefs::variables, node.text, node.pos);
  if (node.kind == Operand::field) s_.record(&TemplateRefs::fields, node.text, node.pos);
  // $labels.name and, where "." is still the alert, .Labels.name.
  const auto label_after = [&](std::string_view prefix) {
    const std::string_view chain = node.text;
    if (chain.size() > prefix.size() && chain.starts_with(prefix) && chain[prefix.size()] == '.') {
      const std::string_view rest = chain.substr(prefix.size() + 1);
      s_.record(&TemplateRefs::labels, std::string(rest.substr(0, rest.find('.'))), node.pos);
    }
  };
  if (node.kind == Operand::variable) label_after("$labels");
  if (node.kind == Operand::field && top_level_ && dot_depth_ == 0) label_after(".Labels");
}

std::optional<OperandNode> TreeParser::term() {
  const Token& t = next_non_space();
  switch (t.type) {
    case Tok::identifier:
      if (!is_template_function(t.value))
        errorf(t.pos, "function " + gotext::quote(t.value) + " not defined", t.value);
      s_.record(&TemplateRefs::functions, t.value, t.pos);
      return OperandNode{Operand::identifier, t.value, {}, t.pos};
    case Tok::kw_dot: return OperandNode{Operand::dot, ".", {}, t.pos};
    case Tok::kw_nil: return OperandNode{Operand::nil, "nil", {}, t.pos};
    case Tok::variable:
      use_var(t);
      return OperandNode{Operand::variable, t.value, {}, t.pos};
    case Tok::field: return OperandNode{Operand::field, t.value, {}, t.pos};
    case Tok::boolean: return OperandNode{Operand::boolean, t.value, {}, t.pos};
    case Tok::char_constant:
      if (auto err = check_char_literal(t.value)) errorf(t.pos, *err);
      return OperandNode{Operand::number, t.value, {}, t.pos};
    case Tok::complex:
    case Tok::number:
      if (auto err = check_number_literal(t.value, t.type == Tok::complex)) errorf(t.pos, *err);
      return OperandNode{Operand::number, t.value, {}, t.pos};
    case Tok::left_paren: {
      const DepthGuard guard(*this, t.pos);
      pipeline("parenthesized pipeline", Tok::right_paren);
      return OperandNode{Operand::pipe, "(...)", {}, t.pos};
    }
    case Tok::string:
    case Tok::raw_string: {
      OperandNode n{Operand::string, t.value, {}, t.pos};
      if (auto err = check_string_literal(t.value, &n.value)) errorf(t.pos, *err);
      return n;
    }
    default:
      backup();
      return std::nullopt;
  }
}

void TreeParser::use_var(const Token& token) {
  if (std::find(vars_.begin(), vars_.end(), token.value) == vars_.end()) {
    errorf(token.pos, "undefined variable " + gotext::quote(token.value));
  }
}

void TreeParser::parse_control(bool allow_else_if, std::string_view context) {
  const DepthGuard guard(*this, token_[0]->pos);
  const std::size_t saved_vars = vars_.size();
  const bool is_range = context == "range";
  pipeline(context, Tok::right_delim);
  if (context != "if") ++dot_depth_;
  if (is_range) ++range_depth_;
  auto [non_empty, next_node] = item_list();
  if (is_range) --range_depth_;
  if (next_node.kind == NodeKind::else_) {
    // "{{else if}}" is read as "{{else}}{{if}}...{{end}}" sharing one {{end}}.
    if (allow_else_if && peek().type == Tok::kw_if) {
      next();
      parse_control(true, "if");
    } else {
      const auto [else_non_empty, else_end] = item_list();
      if (else_end.kind != NodeKind::end) errorf(else_end.pos, "expected end; found " + node_string(else_end));
    }
  }
  if (context != "if") --dot_depth_;
  vars_.resize(saved_vars);
}

NodeInfo TreeParser::else_control(std::size_t pos) {
  if (peek_non_space().type == Tok::kw_if) return {NodeKind::else_, false, pos};  // leave the "if" pending
  expect(Tok::right_delim, "else");
  return {NodeKind::else_, false, pos};
}

NodeInfo TreeParser::end_control(std::size_t pos) {
  expect(Tok::right_delim, "end");
  return {NodeKind::end, false, pos};
}

void TreeParser::loop_control(std::string_view word) {
  const std::string braced = "{{" + std::string(word) + "}}";
  const Token& t = next_non_space();
  if (t.type != Tok::right_delim) unexpected(t, braced);
  if (range_depth_ == 0) errorf(t.pos, braced + " outside {{range}}");
}

void TreeParser::block_control() {
  constexpr std::string_view context = "block clause";
  const Token& t = next_non_space();
  const DepthGuard guard(*this, t.pos);
  const std::string name = template_name(t, context);
  pipeline(context, Tok::right_delim);
  TreeParser block(s_, name, false);
  const auto [non_empty, end] = block.item_list();
  if (end.kind != NodeKind::end) errorf(end.pos, "unexpected " + node_string(end) + " in block clause");
  block.set_non_empty(non_empty);
  block.add();
}

void TreeParser::template_control() {
  constexpr std::string_view context = "template clause";
  const Token& t = next_non_space();
  template_name(t, context);
  if (next_non_space().type != Tok::right_delim) {
    backup();
    pipeline(context, Tok::right_delim);
  }
}

std::string TreeParser::template_name(const Token& token, std::string_view context) {
  if (token.type != Tok::string && token.type != Tok::raw_string) unexpected(token, context);
  std::string name;
  if (auto err = check_string_literal(token.value, &name)) errorf(token.pos, *err);
  return name;
}

}  // namespace

std::optional<TemplateError> parse_template(const ParseRequest& request) {
  Shared shared{request, lex_template(request.text), 0, {}, {}};
  for (std::size_t i = 0; i < request.text.size(); ++i) {
    if (request.text[i] == '\n') shared.newlines.push_back(i);
  }
  try {
    TreeParser top(shared, std::string(request.parse_name), true);
    top.parse_top();
  } catch (const ParseFailure& failure) {
    if (request.refs != nullptr) request.refs->complete = false;
    return failure.error;
  }
  return std::nullopt;
}

}  // namespace rbc::gotmpl
