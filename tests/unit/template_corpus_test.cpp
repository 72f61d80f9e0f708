// Every label and annotation value of the alerting rules in the shared
// corpus passes promtool (see corpus SOURCES.md), so it must pass here too.
#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "template/go_template.hpp"

namespace fs = std::filesystem;

namespace {

struct CorpusTemplate {
  std::string file;
  std::string alert;
  std::string text;
};

void collect_from_rule_groups(const YAML::Node& doc, const std::string& file, std::vector<CorpusTemplate>& out) {
  YAML::Node root = doc;
  if (root.IsMap() && root["kind"] && root["kind"].as<std::string>() == "PrometheusRule") root = root["spec"];
  if (!root.IsMap() || !root["groups"] || !root["groups"].IsSequence()) return;
  for (const auto& group : root["groups"]) {
    if (!group.IsMap() || !group["rules"] || !group["rules"].IsSequence()) continue;
    for (const auto& rule : group["rules"]) {
      if (!rule.IsMap() || !rule["alert"]) continue;
      const auto alert = rule["alert"].as<std::string>();
      for (const char* key : {"labels", "annotations"}) {
        if (!rule[key] || !rule[key].IsMap()) continue;
        for (const auto& kv : rule[key]) {
          if (kv.second.IsScalar()) out.push_back({file, alert, kv.second.as<std::string>()});
        }
      }
    }
  }
}

}  // namespace

TEST_CASE("every corpus rule template is accepted", "[template][corpus]") {
  const fs::path corpus = fs::path(RBC_SHARED_DIR) / "corpus";
  if (!fs::is_directory(corpus)) {
    std::cout << "SKIPPED: no corpus at " << corpus << "\n";
    return;
  }
  std::vector<CorpusTemplate> templates;
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".yml" && ext != ".yaml")) continue;
    try {
      for (const auto& doc : YAML::LoadAllFromFile(entry.path().string())) {
        collect_from_rule_groups(doc, entry.path().string(), templates);
      }
    } catch (const YAML::Exception&) {
      // Not every corpus file is YAML that yaml-cpp reads; templates only matter.
    }
  }
  REQUIRE(templates.size() > 1000);
  std::size_t failures = 0;
  for (const auto& t : templates) {
    const auto error = rbc::gotmpl::check_syntax(t.text, "__alert_" + t.alert);
    if (error) {
      ++failures;
      FAIL_CHECK(t.file << " alert " << t.alert << ": " << error->message << "\n  in: " << t.text);
    }
  }
  CHECK(failures == 0);
}
