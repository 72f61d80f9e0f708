// Runbook links of real rule sets resolved against their real runbooks
// (shared/corpus, see its SOURCES.md): kube-prometheus against
// prometheus-operator's runbook pages, OpenShift operators against
// openshift/runbooks, Thanos against its one table page.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "support/process.hpp"

namespace fs = std::filesystem;
using rbc::test::run_rbc;

namespace {

const fs::path kCorpus = RBC_SHARED_DIR "/corpus";

// An rbc.yaml mapping the projects' public runbook URLs to the corpus copies.
std::string write_config(bool site_ignores_case = false) {
  const fs::path dir = fs::temp_directory_path() / (site_ignores_case ? "rbc-corpus-links-ic" : "rbc-corpus-links");
  fs::create_directories(dir);
  std::ofstream(dir / "rbc.yaml")
      << "url_mappings:\n"
      << "  - prefix: https://runbooks.prometheus-operator.dev/runbooks/\n"
      << "    path: " << (kCorpus / "prometheus-operator-runbooks/content/runbooks").string() << "\n"
      << "    ignore_case: " << (site_ignores_case ? "true" : "false") << "\n"
      << "  - prefix: https://github.com/openshift/runbooks/blob/master/\n"
      << "    path: " << (kCorpus / "openshift-runbooks").string() << "\n"
      << "  - prefix: https://github.com/thanos-io/thanos/tree/main/\n"
      << "    path: " << (kCorpus / "thanos").string() << "\n";
  return (dir / "rbc.yaml").string();
}

struct Finding {
  std::string severity;
  std::string rule;
  std::string message;
};

// runbook/link findings of `rbc check` over `paths`, from its JSON output.
std::vector<Finding> link_findings(const std::string& paths, bool site_ignores_case = false) {
  const auto result = run_rbc("check --format json --config '" + write_config(site_ignores_case) + "' " + paths);
  std::vector<Finding> out;
  static const std::regex item(
      R"re("rule": "((?:[^"\\]|\\.)*)",\s*"code": "runbook/link",\s*"severity": "(\w+)",\s*"message": "((?:[^"\\]|\\.)*)")re");
  for (std::sregex_iterator it(result.out.begin(), result.out.end(), item), end; it != end; ++it)
    out.push_back({(*it)[2].str(), (*it)[1].str(), (*it)[3].str()});
  return out;
}

std::map<std::string, std::size_t> count_by_severity(const std::vector<Finding>& findings) {
  std::map<std::string, std::size_t> counts;
  for (const Finding& f : findings) ++counts[f.severity];
  return counts;
}

}  // namespace

TEST_CASE("kube-prometheus: every alert with a prometheus-operator page links to it", "[corpus][links]") {
  if (!fs::exists(kCorpus)) return;
  const auto findings = link_findings("'" + (kCorpus / "kube-prometheus").string() + "' '" +
                                      (kCorpus / "prometheus-operator-runbooks").string() + "'");
  const auto counts = count_by_severity(findings);
  // 112 pages exist under another letter case (the site lower-cases names),
  // 27 alerts have no page in the 2024-10 snapshot.
  CHECK(counts.at("warning") == 112);
  CHECK(counts.at("error") == 27);
  for (const Finding& f : findings) {
    if (f.severity != "error") continue;
    INFO(f.rule << ": " << f.message);
    CHECK(f.message.find("no such runbook file") != std::string::npos);
  }
}

TEST_CASE("kube-prometheus: a site that ignores letter case makes those links clean", "[corpus][links]") {
  if (!fs::exists(kCorpus)) return;
  const auto findings = link_findings("'" + (kCorpus / "kube-prometheus").string() + "' '" +
                                          (kCorpus / "prometheus-operator-runbooks").string() + "'",
                                      true);
  const auto counts = count_by_severity(findings);
  CHECK(counts.count("warning") == 0);
  CHECK(counts.at("error") == 27);  // pages that do not exist stay errors
}

TEST_CASE("openshift: runbook_url resolves to its page or gets runbook/link", "[corpus][links]") {
  if (!fs::exists(kCorpus)) return;
  std::string paths = "'" + (kCorpus / "openshift-runbooks").string() + "'";
  for (const char* dir : {"openshift-cluster-monitoring-operator", "openshift-cluster-etcd-operator",
                          "openshift-cluster-kube-apiserver-operator", "openshift-machine-config-operator",
                          "ocs-operator"})
    paths += " '" + (kCorpus / dir).string() + "'";
  const auto findings = link_findings(paths);
  std::set<std::string> missing;
  std::size_t errors = 0;
  for (const Finding& f : findings) {
    INFO(f.rule << ": " << f.message);
    if (f.severity == "info") {  // one host without a mapping (etcd.io docs)
      CHECK(f.message.find("are not checked") != std::string::npos);
      continue;
    }
    CHECK(f.severity == "error");
    CHECK(f.message.find("no such runbook file") != std::string::npos);
    missing.insert(f.rule);
    ++errors;
  }
  // SOURCES.md: 132 of 139 resolve exactly; these 7 alerts have no page.
  const std::set<std::string> expected{"CephPoolFull", "CephPoolNearFull", "CephxKeyGenerationFailed",
                                       "ODFClusterHasLegacyOSDs", "OCLBuildFailed", "OCLBuildDegraded",
                                       "OCLImagePushFailed"};
  for (const std::string& name : expected) {
    INFO(name);
    CHECK(missing.count(name) == 1);
  }
  CHECK(errors == 7);
}

TEST_CASE("thanos: none of the 48 runbook anchors exists on its table page", "[corpus][links]") {
  if (!fs::exists(kCorpus)) return;
  const auto findings = link_findings("'" + (kCorpus / "thanos").string() + "'");
  std::size_t anchors = 0;
  for (const Finding& f : findings) {
    if (f.message.find("has no heading with anchor '#alert-name-") != std::string::npos) ++anchors;
  }
  CHECK(anchors == 48);
}
