// The runbook reader on the real runbooks of /work/shared/corpus.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "runbook_test_support.hpp"

using namespace rbc;
using namespace rbc::runbook;
using namespace rbc::runbook::test;
namespace fs = std::filesystem;

namespace {

const std::string kCorpus = std::string(RBC_SHARED_DIR) + "/corpus";

std::vector<std::string> files_under(const std::string& dir, bool markdown_only = true) {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    if (markdown_only && entry.path().extension() != ".md") continue;
    out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string stem_of(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  return name.substr(0, name.find('.'));
}

}  // namespace

TEST_CASE("corpus: every prometheus-operator alert page is one alert named like its file",
          "[runbook][corpus]") {
  if (!fs::exists(kCorpus)) return;  // the corpus is beside the checkout, not in it
  const auto files = files_under(kCorpus + "/prometheus-operator-runbooks", false);
  std::size_t pages = 0;
  for (const std::string& path : files) {
    INFO(path);
    const Read r = read_path(path);
    if (stem_of(path) == "_index") {
      CHECK(r.file.sections.empty());
      continue;
    }
    ++pages;
    REQUIRE(r.file.sections.size() == 1);
    const Section& s = r.file.sections[0];
    CHECK(s.level == 0);
    REQUIRE(s.alerts.size() == 1);
    CHECK(s.alerts[0].name == stem_of(path));
    CHECK(s.span.begin.line == 1);
  }
  CHECK(pages == 109);  // 108 pages and one copy without extension
}

TEST_CASE("corpus: openshift pages (H1 names that differ from the file, helpers)",
          "[runbook][corpus]") {
  if (!fs::exists(kCorpus)) return;  // the corpus is beside the checkout, not in it
  const std::string base = kCorpus + "/openshift-runbooks/alerts/";
  struct Case {
    const char* path;
    const char* name;  // "" = not an alert page
  };
  const Case cases[] = {
      {"machine-config-operator/MachineConfigDaemonRebootError.md", "MCDRebootError"},
      {"machine-config-operator/MachineConfigDaemonPivotError.md", "MCDPivotError"},
      {"openshift-container-storage-operator/CephMdsCpuUsageHigh.md", "MDSCpuUsageHigh"},
      {"openshift-virtualization-operator/SSPOperatorDown.md", "SSPOperatorDown"},
      {"cluster-etcd-operator/etcdNoLeader.md", "etcdNoLeader"},
      {"cluster-network-operator/NorthboundStaleAlert.md", "NorthboundStale"},
      {"cluster-monitoring-operator/TargetDown.md", "TargetDown"},
      {"cluster-kube-apiserver-operator/KubeAPIErrorBudgetBurn.md", "KubeAPIErrorBudgetBurn"},
      {"openshift-container-storage-operator/helpers/diagnosis.md", ""},
      {"openshift-container-storage-operator/helpers/networkConnectivity.md", ""},
      {"openshift-container-storage-operator/helpers/sre-to-engineering-escalation.md", ""},
      {"cluster-network-operator/hierarchy/README.md", ""},
      {"cluster-logging-operator/ClusterLogForwarderConfigNamingSchema.md", ""},
  };
  for (const Case& c : cases) {
    INFO(c.path);
    const Read r = read_path(base + c.path);
    if (!*c.name) {
      CHECK(r.file.sections.empty());
      continue;
    }
    REQUIRE(r.file.sections.size() == 1);
    CHECK(alert_names(r.file) == std::vector<std::string>{c.name});
    CHECK(r.file.sections[0].alerts[0].source == NameSource::page);
  }
  // Every page outside helpers/ and the hierarchy README documents exactly one alert.
  std::size_t alert_pages = 0;
  for (const std::string& path : files_under(base)) {
    if (path.find("/helpers/") != std::string::npos || stem_of(path) == "README" ||
        stem_of(path) == "ClusterLogForwarderConfigNamingSchema") {
      continue;
    }
    INFO(path);
    const Read r = read_path(path);
    CHECK(alert_names(r.file).size() == 1);
    ++alert_pages;
  }
  CHECK(alert_pages == 258);
}

TEST_CASE("corpus: the thanos table page yields its 48 rows, the names of the rule file",
          "[runbook][corpus]") {
  if (!fs::exists(kCorpus)) return;  // the corpus is beside the checkout, not in it
  const Read r = read_path(kCorpus + "/thanos/mixin/runbook.md");
  REQUIRE(r.file.sections.size() == 48);
  std::set<std::string> documented;
  for (const Section& s : r.file.sections) {
    INFO(s.line);
    REQUIRE(s.alerts.size() == 1);
    CHECK(s.alerts[0].source == NameSource::table_row);
    CHECK(span_text(r.source, s.alerts[0].span) == s.alerts[0].name);
    CHECK(s.level == 0);
    CHECK(s.heading.rfind("thanos-", 0) == 0);  // the rule group's heading
    CHECK(s.anchor == s.heading);
    REQUIRE(s.severity.size() == 1);
    CHECK((s.severity[0].text == "critical" || s.severity[0].text == "warning" ||
           s.severity[0].text == "info"));
    REQUIRE(s.conditions.size() == 2);
    CHECK(s.conditions[0].label == "Summary");
    CHECK(s.conditions[1].label == "Description");
    CHECK(offsets_exact(r.source, s.conditions[1]));
    documented.insert(s.alerts[0].name);
  }
  // The same 48 names as the rules the page documents.
  const std::string rules = slurp(kCorpus + "/thanos/examples/alerts/alerts.yaml");
  std::set<std::string> defined;
  const std::regex alert_line(R"(- alert: (\w+))");
  for (auto it = std::sregex_iterator(rules.begin(), rules.end(), alert_line);
       it != std::sregex_iterator(); ++it) {
    defined.insert((*it)[1]);
  }
  CHECK(documented == defined);
}

TEST_CASE("corpus: gitlab service overview READMEs are not alerts; alert pages are",
          "[runbook][corpus]") {
  if (!fs::exists(kCorpus)) return;  // the corpus is beside the checkout, not in it
  const std::string docs = kCorpus + "/gitlab-com-runbooks/docs";
  std::size_t readmes = 0;
  for (const std::string& path : files_under(docs)) {
    if (fs::path(path).filename() != "README.md") continue;
    INFO(path);
    CHECK(read_path(path).file.sections.empty());
    ++readmes;
  }
  CHECK(readmes >= 70);
  for (const char* page : {"/patroni/postgresql.md", "/customers/backups.md",
                           "/uncategorized/aptly.md", "/monitoring/alerts_manual.md",
                           "/monitoring/thanos-compact.md"}) {
    INFO(page);
    CHECK(read_path(docs + page).file.sections.empty());
  }
  const Read kube = read_path(docs + "/kube/kubernetes.md");
  CHECK(alert_names(kube.file) ==
        std::vector<std::string>{"HighThrottleRate", "HPAScaleCapability", "GKENodeCountCritical",
                                 "GKENodeCountHigh", "KubeContainersWaitingInError"});
  const Read chef = read_path(docs + "/config_management/chef-troubleshooting.md");
  REQUIRE(chef.file.sections.size() == 1);
  CHECK(chef.file.sections[0].alerts[0].source == NameSource::field);
  CHECK(alert_names(chef.file) == std::vector<std::string>{"ChefClientErrorCritical"});
}

TEST_CASE("corpus: names, anchors and field offsets point at the page; all pages read quickly",
          "[runbook][corpus]") {
  if (!fs::exists(kCorpus)) return;  // the corpus is beside the checkout, not in it
  std::vector<std::string> files = files_under(kCorpus);
  REQUIRE(files.size() == 806);
  std::vector<SourceFile> sources;
  for (const std::string& path : files) sources.emplace_back(path, slurp(path));
  const auto start = std::chrono::steady_clock::now();
  std::vector<RunbookFile> read;
  Diagnostics diags;
  for (const SourceFile& source : sources) read.push_back(read_runbook(source, diags));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  INFO("806 files in " << seconds << " s");
  CHECK(seconds < 3.0);  // about 0.3 s on an idle machine; generous for loaded CI
  CHECK(diags.items().empty());
  std::size_t fields = 0;
  for (std::size_t i = 0; i < read.size(); ++i) {
    for (const Section& s : read[i].sections) {
      INFO(files[i] << ":" << s.line);
      const auto& anchors = read[i].anchors;
      if (!s.anchor.empty()) {
        CHECK(std::find(anchors.begin(), anchors.end(), s.anchor) != anchors.end());
      }
      for (const AlertName& a : s.alerts) {
        const bool written_as_is = a.source == NameSource::heading ||
                                   a.source == NameSource::field ||
                                   a.source == NameSource::code_span ||
                                   a.source == NameSource::table_row;
        if (written_as_is) CHECK(span_text(sources[i], a.span) == a.name);
      }
      for (const auto* list : {&s.severity, &s.conditions}) {
        for (const Field& f : *list) {
          INFO(files[i] << ": " << f.label << " = " << f.text);
          CHECK(offsets_exact(sources[i], f));
          ++fields;
        }
      }
    }
  }
  CHECK(fields > 48 * 3);
  // Links point at their target as written; only reference links (target
  // written elsewhere) and autolinked e-mail addresses may not.
  std::size_t links = 0;
  std::size_t at_target = 0;
  for (std::size_t i = 0; i < read.size(); ++i) {
    for (const Link& link : read[i].links) {
      ++links;
      std::string target = link.target;
      if (target.rfind("mailto:", 0) == 0) target.erase(0, 7);
      if (span_text(sources[i], link.span) == target) ++at_target;
    }
  }
  INFO(at_target << " of " << links << " links");
  CHECK(links > 4000);
  CHECK(at_target * 100 >= links * 95);
}
