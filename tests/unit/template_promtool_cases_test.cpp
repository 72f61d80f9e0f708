// Verdict and message parity with promtool 2.42 on a table of templates
// (tests/data/template/promtool_cases.yaml, produced by running promtool).
#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <string>

#include "template/go_template.hpp"

namespace {

std::string case_path() { return std::string(RBC_TEST_DATA) + "/template/promtool_cases.yaml"; }

}  // namespace

TEST_CASE("template syntax matches promtool on the verified table", "[template]") {
  const YAML::Node cases = YAML::LoadFile(case_path())["cases"];
  REQUIRE(cases.size() >= 120);
  std::size_t rejects = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto text = cases[i]["template"].as<std::string>();
    const YAML::Node expected = cases[i]["error"];
    // promtool names rule i "__alert_T<i>"; the name shows in some messages.
    const auto alert = "T" + std::to_string(i);
    const auto error = rbc::gotmpl::check_syntax(text, "__alert_" + alert);
    INFO("case " << i << ": " << text);
    if (expected.IsNull()) {
      CHECK_FALSE(error.has_value());
      if (error) INFO("got: " << error->message);
      continue;
    }
    ++rejects;
    REQUIRE(error.has_value());
    CHECK(std::to_string(error->line) + ": " + error->message == expected.as<std::string>());
    CHECK(error->offset <= text.size());
    CHECK(rbc::gotmpl::promtool_message(*error, alert) ==
          "template: __alert_" + alert + ":" + expected.as<std::string>());
  }
  CHECK(rejects >= 60);
}
