#include <catch2/catch.hpp>

#include <array>
#include <string_view>

#include "diag/suggest.hpp"
#include "support/process.hpp"

TEST_CASE("edit distance counts insertions, deletions and substitutions", "[diag]") {
  CHECK(rbc::edit_distance("", "") == 0);
  CHECK(rbc::edit_distance("abc", "") == 3);
  CHECK(rbc::edit_distance("humanise", "humanize") == 1);
  CHECK(rbc::edit_distance("interval", "intervall") == 1);
  CHECK(rbc::edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("closest_match suggests only near names", "[diag]") {
  constexpr std::array<std::string_view, 4> known{"expr", "for", "labels", "annotations"};
  CHECK(rbc::closest_match("lables", known) == std::optional<std::string_view>("labels"));
  CHECK(rbc::closest_match("annotation", known) == std::optional<std::string_view>("annotations"));
  CHECK_FALSE(rbc::closest_match("partial_response_strategy", known).has_value());
}

TEST_CASE("an unknown template function gets the closest known one", "[diag][cli]") {
  const auto result = rbc::test::run_rbc("check " + rbc::test::data_path("../../samples/broken/templates.yml"));
  CHECK(result.out.find("function \"humanise\" not defined; did you mean \"humanize\"?") != std::string::npos);
}
