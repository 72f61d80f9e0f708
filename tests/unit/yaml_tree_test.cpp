// yaml::Tree: structure, exact spans (byte columns), errors and limits.
#include <catch2/catch.hpp>

#include <string>

#include "load/yaml_tree.hpp"

using rbc::Position;
using rbc::SourceFile;
namespace yaml = rbc::yaml;

namespace {

std::string span_text(const yaml::Tree& t, yaml::NodeId id) {
  const rbc::Span s = t.span(id);
  return std::to_string(s.begin.line) + ":" + std::to_string(s.begin.column) + "-" +
         std::to_string(s.end.line) + ":" + std::to_string(s.end.column);
}

}  // namespace

TEST_CASE("yaml tree: mapping keys and values keep their own spans", "[yaml]") {
  const SourceFile src("t.yml", "groups:\n- name: \"é x\"\n  rules: [a, 'b']\n");
  const auto r = yaml::parse(src);
  REQUIRE_FALSE(r.error);
  const yaml::Tree& t = r.tree;
  REQUIRE(t.documents().size() == 1);
  const yaml::NodeId root = t.documents()[0];
  REQUIRE(t.node(root).kind == yaml::NodeKind::mapping);
  REQUIRE(t.pair_count(root) == 1);
  CHECK(span_text(t, t.pair(root, 0).key) == "1:1-1:7");
  const yaml::NodeId groups = t.find(root, "groups");
  REQUIRE(t.node(groups).kind == yaml::NodeKind::sequence);
  const yaml::NodeId group = t.items(groups)[0];
  const yaml::NodeId name = t.find(group, "name");
  CHECK(t.value(name) == "\xC3\xA9 x");
  CHECK(t.node(name).style == yaml::ScalarStyle::double_quoted);
  CHECK(span_text(t, name) == "2:9-2:15");  // é is two bytes: columns count bytes
  const yaml::NodeId rules = t.find(group, "rules");
  CHECK(t.node(rules).flow);
  CHECK(span_text(t, rules) == "3:10-3:18");
  CHECK(t.node(t.items(rules)[1]).style == yaml::ScalarStyle::single_quoted);
  // A block collection ends with its last child, not at the next token.
  CHECK(span_text(t, group) == "2:3-3:18");
}

TEST_CASE("yaml tree: block scalar spans end at the last content character", "[yaml]") {
  const SourceFile src("t.yml", "a: |\n  x\n  yz\n\n\nb: 1\n");
  const auto r = yaml::parse(src);
  REQUIRE_FALSE(r.error);
  const yaml::NodeId a = r.tree.find(r.tree.documents()[0], "a");
  CHECK(r.tree.value(a) == "x\nyz\n");
  CHECK(span_text(r.tree, a) == "1:4-3:5");
}

TEST_CASE("yaml tree: multi-document streams and empty documents", "[yaml]") {
  const SourceFile src("t.yml", "a: 1\n---\n---\nb: [x]\n...\n");
  const auto r = yaml::parse(src);
  REQUIRE_FALSE(r.error);
  REQUIRE(r.tree.documents().size() == 3);
  CHECK(r.tree.is_null(r.tree.documents()[1]));
  CHECK(r.tree.find(r.tree.documents()[2], "b") != yaml::kNoNode);
  yaml::ParseOptions first_only;
  first_only.max_documents = 1;
  const SourceFile broken("t.yml", "a: 1\n---\nb: [\n");
  CHECK_FALSE(yaml::parse(broken, first_only).error);
  CHECK(yaml::parse(broken).error);
}

TEST_CASE("yaml tree: syntax errors carry libyaml's problem and position", "[yaml]") {
  const SourceFile src("t.yml", "groups:\n- name: a\n\t- x\n");
  const auto r = yaml::parse(src);
  REQUIRE(r.error);
  CHECK(r.error->message.find("found a tab character that violates indentation") == 0);
  CHECK(src.position_at(r.error->offset) == Position{3, 1});
  const SourceFile bad_utf8("t.yml", "a: \xff\n");
  REQUIRE(yaml::parse(bad_utf8).error);
  CHECK(yaml::parse(bad_utf8).error->offset == 3);
}

TEST_CASE("yaml tree: aliases resolve to the anchored node; tags kept", "[yaml]") {
  const SourceFile src("t.yml", "a: &x {k: v}\nb: *x\nc: !!str 5\nd: &y  plain\n");
  const auto r = yaml::parse(src);
  REQUIRE_FALSE(r.error);
  const yaml::Tree& t = r.tree;
  const yaml::NodeId root = t.documents()[0];
  const yaml::NodeId b = t.find(root, "b");
  CHECK(t.node(b).kind == yaml::NodeKind::alias);
  CHECK(t.value(b) == "x");
  CHECK(t.resolve(b) == t.find(root, "a"));
  const yaml::NodeId c = t.find(root, "c");
  CHECK(t.tag(c) == "tag:yaml.org,2002:str");
  CHECK(span_text(t, c) == "3:10-3:11");  // after the tag
  CHECK(span_text(t, t.find(root, "d")) == "4:8-4:13");
}

TEST_CASE("yaml tree: alias bombs and deep nesting are refused, not expanded", "[yaml]") {
  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 12; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + prev;
    for (int k = 0; k < 9; ++k) bomb += ", " + prev;
    bomb += "]\n";
  }
  const SourceFile src("t.yml", bomb);
  const auto r = yaml::parse(src);
  REQUIRE(r.error);
  CHECK(r.error->message.find("excessive aliasing") != std::string::npos);
  CHECK(r.tree.node_count() < 1000);

  const SourceFile deep("t.yml", std::string(100000, '[') + std::string(100000, ']'));
  const auto d = yaml::parse(deep);
  REQUIRE(d.error);
  CHECK(d.error->message.find("max depth") != std::string::npos);
}

TEST_CASE("yaml tree: CRLF and BOM", "[yaml]") {
  const SourceFile src("t.yml", "\xEF\xBB\xBFk: v\r\nl: 'w'\r\n");
  const auto r = yaml::parse(src);
  REQUIRE_FALSE(r.error);
  const yaml::NodeId l = r.tree.find(r.tree.documents()[0], "l");
  CHECK(r.tree.value(l) == "w");
  CHECK(span_text(r.tree, l) == "2:4-2:7");
}
