// rbc's own small YAML tree, built from libyaml's event stream.
//
// Why not yaml-cpp: we need exact begin AND end positions of every node
// (yaml-cpp has only a start mark) and the scalar style, so that errors
// inside a PromQL expression or a template can point at the exact byte in
// the file. Nodes live in one flat vector (compact, no recursion to free);
// scalar values point into the source text when they equal it byte for
// byte, else into the tree's own buffer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diag/source.hpp"

namespace rbc::yaml {

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();

enum class NodeKind : std::uint8_t { scalar, sequence, mapping, alias };
enum class ScalarStyle : std::uint8_t { plain, single_quoted, double_quoted, literal, folded };

struct Node {
  NodeKind kind = NodeKind::scalar;
  ScalarStyle style = ScalarStyle::plain;  // scalars only
  bool flow = false;                       // collections: written with [] or {}
  bool value_in_buffer = false;            // scalar value lives in the tree's buffer
  // Byte offsets into the source text, [begin, end). For scalars `begin`
  // is the first byte of the scalar itself (after any anchor or tag).
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t value_pos = 0;  // scalar value (or alias name)
  std::uint32_t value_len = 0;
  // Children: sequences hold `count` items, mappings `count` key/value pairs
  // stored as 2*count ids. Aliases: `first` is the anchored node.
  std::uint32_t first = 0;
  std::uint32_t count = 0;
  std::uint32_t tag = 0;  // 0 = no tag, else index+1 into the tag list
};

struct KeyValue {
  NodeId key;
  NodeId value;
};

class Tree {
 public:
  explicit Tree(const SourceFile& source) : source_(&source) {}

  const SourceFile& source() const { return *source_; }
  // Root node of each document (kNoNode for a document with no content).
  const std::vector<NodeId>& documents() const { return documents_; }
  // Byte offset where each document ends: the start of the token that
  // ends it (`---` of the next document, `...`, or the end of the stream).
  const std::vector<std::uint32_t>& document_ends() const { return document_ends_; }
  std::size_t node_count() const { return nodes_.size(); }

  const Node& node(NodeId id) const { return nodes_[id]; }
  // Follows an alias to the node it names; other nodes map to themselves.
  NodeId resolve(NodeId id) const;
  // Scalar value after YAML unescaping/folding. For an alias node: its name.
  std::string_view value(NodeId id) const;
  std::string_view tag(NodeId id) const;

  std::span<const NodeId> items(NodeId sequence) const;
  std::size_t pair_count(NodeId mapping) const { return nodes_[mapping].count; }
  KeyValue pair(NodeId mapping, std::size_t i) const;
  // First pair whose key is a scalar equal to `key`; kNoNode when absent.
  NodeId find(NodeId mapping, std::string_view key) const;

  // True for a plain scalar that YAML resolves to null (empty, ~, null...).
  bool is_null(NodeId id) const;

  // Span for diagnostics. Block scalars and block collections end at their
  // last content character, not at the start of the next token.
  Span span(NodeId id) const;
  // Byte offset where the node's content ends (what span() uses).
  std::size_t content_end(NodeId id) const;
  // Same answer as SourceFile::position_at, faster for offsets that come
  // in file order (the loader asks for ~10 positions per rule).
  Position position_at(std::size_t offset) const;

 private:
  friend class TreeBuilder;
  const SourceFile* source_;
  std::vector<Node> nodes_;
  std::vector<NodeId> children_;
  std::vector<NodeId> documents_;
  std::vector<std::uint32_t> document_ends_;
  std::vector<std::string> tags_;
  std::string buffer_;  // decoded scalar values that differ from the source
  mutable std::vector<std::uint32_t> line_starts_;  // built on first use
  mutable std::size_t line_hint_ = 0;  // index into line_starts_ of the last answer
};

struct ParseOptions {
  // Plain rule files: promtool reads only the first document and never
  // looks at what follows it, not even for syntax errors.
  std::size_t max_documents = std::numeric_limits<std::size_t>::max();
  std::size_t max_depth = 10000;  // yaml.v3's limit
  // Nodes reachable through aliases (counting repeats) before the document
  // is refused as an alias bomb.
  std::size_t max_alias_expansion = 4'000'000;
};

enum class ErrorKind { reader, scanner, parser, limit };

struct ParseError {
  std::string message;  // libyaml's problem text (plus context when useful)
  std::size_t offset = 0;
  ErrorKind kind = ErrorKind::parser;
};

struct ParseResult {
  Tree tree;
  std::optional<ParseError> error;  // parsing stopped here; tree holds what came before
};

ParseResult parse(const SourceFile& source, const ParseOptions& options = {});

// Go's yaml.v3 (promtool's parser) keeps two tokens of lookahead to attach
// comments, so it also sees a syntax error in the first two tokens after
// the end of a document, even though it never reads the next document.
// True when `error` (from parse()) lies in that window after the document
// ending at `document_end`.
bool seen_by_lookahead(const SourceFile& source, std::size_t document_end, const ParseError& error);

}  // namespace rbc::yaml
