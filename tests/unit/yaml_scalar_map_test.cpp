// Offset mapping: byte N of a scalar's decoded value -> position in the file,
// for every scalar style.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/yaml_scalar_map.hpp"

using rbc::Position;
using rbc::SourceFile;
namespace yaml = rbc::yaml;

namespace {

// Position of the first occurrence of `needle` in the value of key `key`.
Position locate(const SourceFile& src, std::string_view key, std::string_view needle) {
  const auto r = yaml::parse(src);
  REQUIRE_FALSE(r.error);
  const yaml::NodeId node = r.tree.find(r.tree.documents()[0], key);
  REQUIRE(node != yaml::kNoNode);
  REQUIRE(yaml::map_scalar(r.tree, node));
  const std::size_t at = r.tree.value(node).find(needle);
  REQUIRE(at != std::string_view::npos);
  return yaml::value_position(r.tree, node, at);
}

}  // namespace

TEST_CASE("scalar map: plain multi-line scalars fold", "[yaml][scalar_map]") {
  const SourceFile src("t.yml", "expr: sum(rate(x[5m]))\n  by (job)\n\n    > 0\n");
  CHECK(locate(src, "expr", "by") == Position{2, 3});
  CHECK(locate(src, "expr", ">") == Position{4, 5});
}

TEST_CASE("scalar map: single-quoted with '' escapes and folding", "[yaml][scalar_map]") {
  const SourceFile src("t.yml", "expr: 'up{job=''a''}\n   == 1'\n");
  CHECK(locate(src, "expr", "a'") == Position{1, 17});
  CHECK(locate(src, "expr", "}") == Position{1, 20});
  CHECK(locate(src, "expr", "==") == Position{2, 4});
}

TEST_CASE("scalar map: double-quoted escapes, folding and line continuation", "[yaml][scalar_map]") {
  const SourceFile src("t.yml",
                       "expr: \"up{job=\\\"a\\\"}\\t\\u00e9 \\\n    + b\n\n  c\"\n");
  CHECK(locate(src, "expr", "a") == Position{1, 17});
  CHECK(locate(src, "expr", "\t") == Position{1, 21});
  CHECK(locate(src, "expr", "\xC3\xA9") == Position{1, 23});
  CHECK(locate(src, "expr", "+") == Position{2, 5});
  CHECK(locate(src, "expr", "c") == Position{4, 3});
  CHECK(locate(src, "expr", "\n") == Position{3, 1});
}

TEST_CASE("scalar map: literal block scalars, with indentation indicator and chomping",
          "[yaml][scalar_map]") {
  const SourceFile src("t.yml", "a:\n  expr: |\n    up\n      > 1\n\n  b: |2+\n     x\n\n");
  const auto r = yaml::parse(src);
  const yaml::NodeId a = r.tree.find(r.tree.documents()[0], "a");
  const yaml::NodeId expr = r.tree.find(a, "expr");
  CHECK(r.tree.value(expr) == "up\n  > 1\n");
  CHECK(yaml::value_position(r.tree, expr, 5) == Position{4, 7});
  const yaml::NodeId b = r.tree.find(a, "b");
  CHECK(r.tree.value(b) == " x\n\n");
  REQUIRE(yaml::map_scalar(r.tree, b));
  CHECK(yaml::value_position(r.tree, b, 1) == Position{7, 6});
}

TEST_CASE("scalar map: folded block scalars", "[yaml][scalar_map]") {
  const SourceFile src("t.yml", "expr: >-\n  sum(x)\n  by (a)\n\n  / 2\n");
  const auto r = yaml::parse(src);
  const yaml::NodeId expr = r.tree.find(r.tree.documents()[0], "expr");
  CHECK(r.tree.value(expr) == "sum(x) by (a)\n/ 2");
  CHECK(locate(src, "expr", "by") == Position{3, 3});
  CHECK(locate(src, "expr", "/") == Position{5, 3});
  CHECK(locate(src, "expr", " by") == Position{2, 9});  // the folded space is the line break
}

// Every scalar of every corpus file must decode exactly as libyaml does, so
// that every position rbc reports inside a scalar is the true one.
TEST_CASE("scalar map: reproduces libyaml on every corpus scalar", "[yaml][scalar_map][corpus]") {
  const std::filesystem::path corpus = RBC_SHARED_DIR "/corpus";
  if (!std::filesystem::exists(corpus)) {
    WARN("SKIPPED: corpus not found");
    return;
  }
  std::size_t scalars = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    const auto ext = entry.path().extension();
    if (ext != ".yml" && ext != ".yaml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const SourceFile src(entry.path().string(), buffer.str());
    const auto r = yaml::parse(src);
    for (yaml::NodeId id = 0; id < r.tree.node_count(); ++id) {
      if (r.tree.node(id).kind != yaml::NodeKind::scalar) continue;
      ++scalars;
      if (!yaml::map_scalar(r.tree, id)) FAIL_CHECK(src.path() << ": scalar at line " << r.tree.span(id).begin.line);
    }
  }
  CHECK(scalars > 10000);
}
