// Builds a yaml::Tree from libyaml's event stream. No recursion: open
// collections live on an explicit stack, so nesting depth is bounded only
// by ParseOptions::max_depth.
#include <yaml.h>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "load/yaml_tree.hpp"

namespace rbc::yaml {
namespace {

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// libyaml marks count characters; rbc positions count bytes. Marks arrive
// almost in order, so a cursor that walks from the last answer is O(1)
// amortised.
class MarkToOffset {
 public:
  explicit MarkToOffset(std::string_view text) : text_(text) {
    if (text_.starts_with("\xEF\xBB\xBF")) base_ = byte_ = 3;  // libyaml skips a BOM silently
    ascii_ = std::all_of(text_.begin() + static_cast<std::ptrdiff_t>(base_), text_.end(),
                         [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  }

  std::size_t operator()(std::size_t index) {
    if (ascii_) return std::min(base_ + index, text_.size());  // one byte per character
    while (chars_ < index && byte_ < text_.size()) {
      ++byte_;
      while (byte_ < text_.size() && is_utf8_continuation(text_[byte_])) ++byte_;
      ++chars_;
    }
    while (chars_ > index && byte_ > base_) {
      --byte_;
      while (byte_ > base_ && is_utf8_continuation(text_[byte_])) --byte_;
      --chars_;
    }
    return byte_;
  }

 private:
  std::string_view text_;
  std::size_t base_ = 0;
  std::size_t byte_ = 0;
  std::size_t chars_ = 0;
  bool ascii_ = false;
};

// Anchors and tags come before the scalar they belong to, and libyaml's
// start mark points at them. Skip to the scalar itself.
std::size_t skip_properties(std::string_view text, std::size_t pos, std::size_t end) {
  while (pos < end && (text[pos] == '&' || text[pos] == '!')) {
    if (text.compare(pos, 2, "!<") == 0) {
      while (pos < end && text[pos] != '>') ++pos;
      if (pos < end) ++pos;
    } else {
      while (pos < end && text[pos] != ' ' && text[pos] != '\t' && text[pos] != '\n' &&
             text[pos] != '\r')
        ++pos;
    }
    while (pos < end) {
      const char c = text[pos];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos;
      } else if (c == '#') {
        while (pos < end && text[pos] != '\n') ++pos;
      } else {
        break;
      }
    }
  }
  return pos;
}

ScalarStyle to_style(yaml_scalar_style_t style) {
  switch (style) {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return ScalarStyle::single_quoted;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return ScalarStyle::double_quoted;
    case YAML_LITERAL_SCALAR_STYLE: return ScalarStyle::literal;
    case YAML_FOLDED_SCALAR_STYLE: return ScalarStyle::folded;
    default: return ScalarStyle::plain;
  }
}

std::string_view as_view(const yaml_char_t* p, std::size_t len) {
  return p ? std::string_view(reinterpret_cast<const char*>(p), len) : std::string_view();
}

std::string_view as_view(const yaml_char_t* p) {
  return p ? std::string_view(reinterpret_cast<const char*>(p)) : std::string_view();
}

struct Frame {
  NodeId node;
  std::size_t pending_start;  // where this collection's children start in pending_
  std::size_t expanded;       // nodes below, counting alias expansions
};

}  // namespace

class TreeBuilder {
 public:
  TreeBuilder(Tree& tree, const ParseOptions& options)
      : tree_(tree), options_(options), text_(tree.source().text()), marks_(text_) {
    // Rule files run at about one node per 14 bytes; reserving avoids
    // copying the node array several times while it grows.
    tree_.nodes_.reserve(text_.size() / 16);
  }

  std::optional<ParseError> run() {
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text_.data()),
                                 text_.size());
    std::optional<ParseError> error;
    bool done = false;
    while (!done && !error) {
      yaml_event_t event;
      if (!yaml_parser_parse(&parser, &event)) {
        error = parser_error(parser);
        break;
      }
      done = handle(event, error);
      yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    return error;
  }

 private:
  std::optional<ParseError> parser_error(const yaml_parser_t& parser) {
    ParseError e;
    e.kind = parser.error == YAML_READER_ERROR    ? ErrorKind::reader
             : parser.error == YAML_SCANNER_ERROR ? ErrorKind::scanner
                                                  : ErrorKind::parser;
    e.message = parser.problem ? parser.problem : "unknown YAML error";
    if (parser.error == YAML_READER_ERROR) {
      e.offset = parser.problem_offset;
    } else {
      e.offset = marks_(parser.problem_mark.index);
      if (parser.context) e.message += std::string(" (") + parser.context + ")";
    }
    if (parser.error == YAML_MEMORY_ERROR) e.message = "out of memory while reading YAML";
    return e;
  }

  // Returns true when parsing should stop.
  bool handle(const yaml_event_t& ev, std::optional<ParseError>& error) {
    switch (ev.type) {
      case YAML_STREAM_END_EVENT: return true;
      case YAML_DOCUMENT_START_EVENT:
        anchors_.clear();
        root_ = kNoNode;
        return false;
      case YAML_DOCUMENT_END_EVENT:
        tree_.documents_.push_back(root_);
        tree_.document_ends_.push_back(static_cast<std::uint32_t>(marks_(ev.start_mark.index)));
        return tree_.documents_.size() >= options_.max_documents;
      case YAML_SCALAR_EVENT: return add_scalar(ev, error);
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: return open(ev, error);
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: close(ev); return false;
      case YAML_ALIAS_EVENT: return add_alias(ev, error);
      default: return false;
    }
  }

  NodeId new_node(const yaml_event_t& ev, NodeKind kind, const yaml_char_t* tag) {
    Node n;
    n.kind = kind;
    n.begin = static_cast<std::uint32_t>(marks_(ev.start_mark.index));
    n.end = static_cast<std::uint32_t>(marks_(ev.end_mark.index));
    if (tag) {
      tree_.tags_.emplace_back(as_view(tag));
      n.tag = static_cast<std::uint32_t>(tree_.tags_.size());
    }
    tree_.nodes_.push_back(n);
    return static_cast<NodeId>(tree_.nodes_.size() - 1);
  }

  void attach(NodeId id, std::size_t expanded) {
    if (stack_.empty()) {
      root_ = id;
    } else {
      pending_.push_back(id);
      stack_.back().expanded += expanded;
    }
  }

  void remember_anchor(const yaml_char_t* anchor, NodeId id, std::size_t expanded) {
    if (anchor) anchors_[std::string(as_view(anchor))] = {id, expanded};
  }

  void set_value(Node& n, std::string_view value, std::size_t raw_pos) {
    n.value_len = static_cast<std::uint32_t>(value.size());
    if (raw_pos <= text_.size() && text_.compare(raw_pos, value.size(), value) == 0) {
      n.value_pos = static_cast<std::uint32_t>(raw_pos);
      return;
    }
    n.value_in_buffer = true;
    n.value_pos = static_cast<std::uint32_t>(tree_.buffer_.size());
    tree_.buffer_.append(value);
  }

  bool add_scalar(const yaml_event_t& ev, std::optional<ParseError>&) {
    const auto& s = ev.data.scalar;
    const NodeId id = new_node(ev, NodeKind::scalar, s.tag);
    Node& n = tree_.nodes_[id];
    n.style = to_style(s.style);
    if (s.anchor || s.tag) n.begin = static_cast<std::uint32_t>(skip_properties(text_, n.begin, n.end));
    const bool quoted = n.style == ScalarStyle::single_quoted || n.style == ScalarStyle::double_quoted;
    set_value(n, as_view(s.value, s.length), n.begin + (quoted ? 1 : 0));
    remember_anchor(s.anchor, id, 1);
    attach(id, 1);
    return false;
  }

  bool open(const yaml_event_t& ev, std::optional<ParseError>& error) {
    const bool mapping = ev.type == YAML_MAPPING_START_EVENT;
    const yaml_char_t* tag = mapping ? ev.data.mapping_start.tag : ev.data.sequence_start.tag;
    const NodeId id = new_node(ev, mapping ? NodeKind::mapping : NodeKind::sequence, tag);
    Node& n = tree_.nodes_[id];
    n.flow = mapping ? ev.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                     : ev.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
    if (stack_.size() >= options_.max_depth) {
      error = ParseError{"exceeded max depth of " + std::to_string(options_.max_depth) +
                             " nested collections",
                         n.begin, ErrorKind::limit};
      return true;
    }
    stack_.push_back({id, pending_.size(), 0});
    anchor_names_.emplace_back(as_view(mapping ? ev.data.mapping_start.anchor
                                                : ev.data.sequence_start.anchor));
    return false;
  }

  void close(const yaml_event_t& ev) {
    const Frame frame = stack_.back();
    stack_.pop_back();
    const std::string anchor = std::move(anchor_names_.back());
    anchor_names_.pop_back();
    Node& n = tree_.nodes_[frame.node];
    n.first = static_cast<std::uint32_t>(tree_.children_.size());
    const std::size_t children = pending_.size() - frame.pending_start;
    n.count = static_cast<std::uint32_t>(n.kind == NodeKind::mapping ? children / 2 : children);
    tree_.children_.insert(tree_.children_.end(), pending_.begin() + static_cast<std::ptrdiff_t>(frame.pending_start),
                           pending_.end());
    pending_.resize(frame.pending_start);
    if (n.flow || children == 0) {
      n.end = static_cast<std::uint32_t>(marks_(ev.end_mark.index));
    } else {
      // A block collection's end mark is the next token, possibly lines
      // later; end it where its last child ends instead.
      n.end = static_cast<std::uint32_t>(
          std::max<std::size_t>(n.begin, tree_.content_end(tree_.children_.back())));
    }
    const std::size_t expanded = frame.expanded + 1;
    if (!anchor.empty()) anchors_[anchor] = {frame.node, expanded};
    attach(frame.node, expanded);
  }

  bool add_alias(const yaml_event_t& ev, std::optional<ParseError>& error) {
    const std::string name(as_view(ev.data.alias.anchor));
    const auto it = anchors_.find(name);
    const std::size_t at = marks_(ev.start_mark.index);
    if (it == anchors_.end()) {
      error = ParseError{"unknown anchor '" + name + "' referenced", at, ErrorKind::parser};
      return true;
    }
    alias_expansion_ += it->second.expanded;
    if (alias_expansion_ > options_.max_alias_expansion) {
      error = ParseError{"document contains excessive aliasing (more than " +
                             std::to_string(options_.max_alias_expansion) +
                             " nodes reached through aliases)",
                         at, ErrorKind::limit};
      return true;
    }
    const NodeId id = new_node(ev, NodeKind::alias, nullptr);
    Node& n = tree_.nodes_[id];
    n.first = it->second.node;
    // The alias name, as yaml.v3 exposes it in yaml.Node.Value.
    n.value_in_buffer = true;
    n.value_pos = static_cast<std::uint32_t>(tree_.buffer_.size());
    n.value_len = static_cast<std::uint32_t>(name.size());
    tree_.buffer_.append(name);
    attach(id, it->second.expanded);
    return false;
  }

  struct Anchor {
    NodeId node;
    std::size_t expanded;
  };

  Tree& tree_;
  const ParseOptions& options_;
  std::string_view text_;
  MarkToOffset marks_;
  std::vector<Frame> stack_;
  std::vector<std::string> anchor_names_;
  std::vector<NodeId> pending_;
  std::unordered_map<std::string, Anchor> anchors_;
  std::size_t alias_expansion_ = 0;
  NodeId root_ = kNoNode;
};

bool seen_by_lookahead(const SourceFile& source, std::size_t document_end, const ParseError& error) {
  // Go's reader decodes its input 512 bytes at a time.
  if (error.kind == ErrorKind::reader) return error.offset < document_end + 512;
  if (error.kind != ErrorKind::scanner) return false;
  const std::string& text = source.text();
  MarkToOffset marks(text);
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  int after_end = -1;  // tokens scanned after the one that ends the document
  bool seen = false;
  for (;;) {
    yaml_token_t token;
    if (!yaml_parser_scan(&parser, &token)) {
      seen = after_end >= 0 && after_end < 2;
      break;
    }
    const bool stream_end = token.type == YAML_STREAM_END_TOKEN;
    if (after_end >= 0) {
      ++after_end;
    } else if ((token.type == YAML_DOCUMENT_START_TOKEN || token.type == YAML_DOCUMENT_END_TOKEN ||
                stream_end) &&
               marks(token.start_mark.index) >= document_end) {
      after_end = 0;
    }
    yaml_token_delete(&token);
    if (stream_end || after_end >= 2) break;
  }
  yaml_parser_delete(&parser);
  return seen;
}

ParseResult parse(const SourceFile& source, const ParseOptions& options) {
  ParseResult result{Tree(source), std::nullopt};
  if (source.text().size() >= std::numeric_limits<std::uint32_t>::max()) {
    result.error = ParseError{"file too large for rbc (4 GiB or more)", 0, ErrorKind::limit};
    return result;
  }
  TreeBuilder builder(result.tree, options);
  result.error = builder.run();
  return result;
}

}  // namespace rbc::yaml
