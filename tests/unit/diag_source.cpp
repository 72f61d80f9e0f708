#include <catch2/catch.hpp>

#include "diag/diagnostic.hpp"
#include "diag/source.hpp"

using rbc::Position;
using rbc::SourceFile;

TEST_CASE("SourceFile maps byte offsets to 1-based line and byte column", "[diag]") {
  const SourceFile file("f.yml", "ab\ncü\r\n\nlast");
  CHECK(file.position_at(0) == Position{1, 1});
  CHECK(file.position_at(2) == Position{1, 3});  // the LF itself
  CHECK(file.position_at(3) == Position{2, 1});
  CHECK(file.position_at(4) == Position{2, 2});  // ü is two bytes
  CHECK(file.position_at(6) == Position{2, 4});
  CHECK(file.position_at(9) == Position{4, 1});
  CHECK(file.position_at(1000) == Position{4, 5});  // clamped to the end
  CHECK(file.line_count() == 4);
  CHECK(file.line_text(2) == "cü");  // CR and LF dropped
  CHECK(file.line_text(3).empty());
  CHECK(file.line_text(5).empty());
  CHECK(file.offset_of(Position{2, 2}) == 4);
  CHECK(file.offset_of(file.position_at(7)) == 7);
}

TEST_CASE("Diagnostics sort by file then position and count by severity", "[diag]") {
  rbc::Diagnostics diagnostics;
  diagnostics.add({.code = "b", .severity = rbc::Severity::warning, .file = "b.yml", .span = {{1, 1}, {1, 2}}, .message = "", .group = "", .rule = "", .notes = {}});
  diagnostics.add({.code = "a", .severity = rbc::Severity::error, .file = "a.yml", .span = {{9, 1}, {9, 2}}, .message = "", .group = "", .rule = "", .notes = {}});
  diagnostics.add({.code = "c", .severity = rbc::Severity::error, .file = "a.yml", .span = {{2, 5}, {2, 6}}, .message = "", .group = "", .rule = "", .notes = {}});
  diagnostics.sort();
  REQUIRE(diagnostics.items().size() == 3);
  CHECK(diagnostics.items()[0].code == "c");
  CHECK(diagnostics.items()[1].code == "a");
  CHECK(diagnostics.items()[2].code == "b");
  CHECK(diagnostics.has_errors());
  CHECK(diagnostics.count(rbc::Severity::warning) == 1);
  CHECK(diagnostics.count(rbc::Severity::info) == 0);
}
