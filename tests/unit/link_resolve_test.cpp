// Offline resolution of runbook links: every LinkStatus on a synthetic
// project in a temporary folder, then real links of the shared corpus
// against the real runbooks (index built with the slug function).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <string>

#include <unistd.h>

#include "atx_headings.hpp"
#include "model/link_resolve.hpp"
#include "runbook/slug.hpp"

namespace fs = std::filesystem;
using rbc::model::LinkContext;
using rbc::model::LinkResolution;
using rbc::model::LinkStatus;
using rbc::model::normalize_path;
using rbc::model::resolve_link;
using rbc::model::RunbookIndex;

namespace {

// A project on disk: rules/, runbooks/, site/ (a Hugo-like site), images/.
struct Project {
  fs::path root = fs::temp_directory_path() / ("rbc-links-" + std::to_string(::getpid()));
  rbc::config::Config config;
  RunbookIndex index;

  Project() {
    fs::remove_all(root);
    add_runbook("runbooks/api.md", {"overview", "high-error-rate"});
    add_runbook("runbooks/kubernetes/KubePodCrashLooping.md", {"kubepodcrashlooping"});
    add_runbook("runbooks/My Runbook.md", {"café"});
    add_runbook("site/alerts/_index.md", {"alerts"});
    add_runbook("docs/x.md", {});
    touch("images/diagram.png");
    touch("runbooks/notindexed.md");
    config.root = root.string();
    config.url_mappings = {{"https://github.com/org/runbooks/blob/main/", path("runbooks/")},
                           {"https://runbooks.example.dev/", path("site/")},
                           {"https://teams.example.dev/", root.string()},
                           {"https://relative.example.dev/", "runbooks"}};  // relative to root
  }
  ~Project() { fs::remove_all(root); }
  Project(const Project&) = delete;
  Project& operator=(const Project&) = delete;

  std::string path(const std::string& rel) const { return (root / rel).string(); }
  void touch(const std::string& rel) const {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel) << "x\n";
  }
  void add_runbook(const std::string& rel, std::vector<std::string> anchors) {
    touch(rel);
    index.anchors_by_file[normalize_path(path(rel))] = std::move(anchors);
  }
  LinkResolution resolve(const std::string& link, const std::string& from = "rules/app.yaml",
                         std::map<std::string, std::string, std::less<>> labels = {}) const {
    const LinkContext context{path(from), "KubePodCrashLooping", std::move(labels)};
    return resolve_link(link, context, config, index);
  }
};

}  // namespace

TEST_CASE("normalize_path", "[links]") {
  CHECK(normalize_path("a/./b/../c.md") == "a/c.md");
  CHECK(normalize_path("/x//y/") == "/x/y");
  CHECK(normalize_path("../a/../../b") == "../../b");
  CHECK(normalize_path("/../a") == "/a");
  CHECK(normalize_path("") == ".");
  CHECK(normalize_path("./") == ".");
}

TEST_CASE("links: relative paths and anchors", "[links]") {
  const Project p;
  auto r = p.resolve("../runbooks/api.md#high-error-rate");
  CHECK(r.status == LinkStatus::resolved);
  CHECK(r.file == normalize_path(p.path("runbooks/api.md")));
  CHECK(r.anchor == "high-error-rate");
  CHECK(p.resolve("runbooks/api.md#overview", "app.yaml").status == LinkStatus::resolved);
  CHECK(p.resolve("/runbooks/api.md").status == LinkStatus::resolved);  // project root
  CHECK(p.resolve("#overview", "runbooks/api.md").status == LinkStatus::resolved);
  CHECK(p.resolve("../docs/x.md").status == LinkStatus::resolved);

  r = p.resolve("../runbooks/api.md#High-Error-Rate");
  CHECK(r.status == LinkStatus::resolved_case_insensitive);
  CHECK(r.suggestion == "high-error-rate");

  r = p.resolve("../runbooks/api.md#high-eror-rate");
  CHECK(r.status == LinkStatus::missing_anchor);
  CHECK(r.suggestion == "high-error-rate");
  CHECK(p.resolve("../runbooks/api.md#nothing-like-it").suggestion.empty());

  r = p.resolve("../runbooks/apj.md");
  CHECK(r.status == LinkStatus::missing_file);
  CHECK(r.suggestion == normalize_path(p.path("runbooks/api.md")));
  CHECK(p.resolve("../docs/y.md").suggestion == normalize_path(p.path("docs/x.md")));  // same folder
  CHECK(p.resolve("../runbooks/zzzzzzzzzzzzz.md").suggestion.empty());
}

TEST_CASE("links: percent-encoding, queries, GitHub anchors, files not read", "[links]") {
  const Project p;
  CHECK(p.resolve("../runbooks/My%20Runbook.md#caf%C3%A9").status == LinkStatus::resolved);
  CHECK(p.resolve("../runbooks/api.md?plain=1#L10").status == LinkStatus::resolved);
  CHECK(p.resolve("../runbooks/api.md#L10-L20").status == LinkStatus::resolved);
  CHECK(p.resolve("../runbooks/api.md#L10C3-L20C5").status == LinkStatus::resolved);
  CHECK(p.resolve("../runbooks/api.md#L").status == LinkStatus::missing_anchor);
  CHECK(p.resolve("../runbooks/api.md#L10-").status == LinkStatus::missing_anchor);
  CHECK(p.resolve("../runbooks/api.md#user-content-overview").status == LinkStatus::resolved);
  CHECK(p.resolve("../runbooks/api.md#").status == LinkStatus::resolved);
  // On disk but not a runbook rbc read: the file resolves, anchors are unknown.
  CHECK(p.resolve("../images/diagram.png").status == LinkStatus::resolved);
  CHECK(p.resolve("../runbooks/notindexed.md#whatever").status == LinkStatus::resolved);
  CHECK(p.resolve("../runbooks/NotIndexed.md").status == LinkStatus::resolved_case_insensitive);
}

TEST_CASE("links: absolute URLs through url_mappings", "[links]") {
  const Project p;
  auto r = p.resolve("https://github.com/org/runbooks/blob/main/api.md#overview");
  CHECK(r.status == LinkStatus::resolved);
  CHECK(r.file == normalize_path(p.path("runbooks/api.md")));
  // Without extension: PATH.md, found only ignoring case.
  r = p.resolve("https://github.com/org/runbooks/blob/main/kubernetes/kubepodcrashlooping");
  CHECK(r.status == LinkStatus::resolved_case_insensitive);
  CHECK(r.file == normalize_path(p.path("runbooks/kubernetes/KubePodCrashLooping.md")));
  // Without extension: PATH/_index.md (Hugo), with and without the slash.
  CHECK(p.resolve("https://runbooks.example.dev/alerts").status == LinkStatus::resolved);
  CHECK(p.resolve("https://runbooks.example.dev/alerts/#alerts").status == LinkStatus::resolved);
  CHECK(p.resolve("https://relative.example.dev/api.md#overview").status == LinkStatus::resolved);
  r = p.resolve("https://github.com/org/runbooks/blob/main/gone.md#x");
  CHECK(r.status == LinkStatus::missing_file);
  r = p.resolve("https://User@Wiki.Example.com:8443/x/y#z");
  CHECK(r.status == LinkStatus::unmapped_url);
  CHECK(r.host == "wiki.example.com");
  CHECK(p.resolve("http://github.com/org/runbooks/blob/main/api.md").status == LinkStatus::unmapped_url);
}

TEST_CASE("links: templated URLs", "[links]") {
  const Project p;
  for (const char* link : {"https://github.com/org/runbooks/blob/main/{{ $labels.alertname }}.md",
                           "https://github.com/org/runbooks/blob/main/{{$labels.alertname}}.md",
                           "https://github.com/org/runbooks/blob/main/{{- .Labels.alertname -}}.md",
                           "https://github.com/org/runbooks/blob/main/{{ $labels.alertname | toLower }}.md",
                           "https://github.com/org/runbooks/blob/main/{{ index $labels \"alertname\" }}.md"}) {
    INFO(link);
    const auto r = p.resolve(link);
    CHECK(r.status == LinkStatus::empty_expansion);
    CHECK(r.url == "https://github.com/org/runbooks/blob/main/.md");
    CHECK(r.suggestion == "https://github.com/org/runbooks/blob/main/KubePodCrashLooping.md");
  }
  auto r = p.resolve("https://teams.example.dev/{{ $labels.team }}/api.md#overview", "rules/app.yaml",
                     {{"team", "runbooks"}});
  CHECK(r.status == LinkStatus::resolved);
  CHECK(r.url == "https://teams.example.dev/runbooks/api.md#overview");
  CHECK(p.resolve("https://teams.example.dev/{{ $labels.team }}/api.md").status == LinkStatus::unknown_template);
  CHECK(p.resolve("https://x.dev/{{ $value }}").status == LinkStatus::unknown_template);
  CHECK(p.resolve("https://x.dev/{{ $externalLabels.cluster }}/a").status == LinkStatus::unknown_template);
  CHECK(p.resolve("https://x.dev/{{ $labels.team").status == LinkStatus::unknown_template);
  CHECK(p.resolve("[[ .RunbookURL ]]#loki-request-errors").status == LinkStatus::unknown_template);
}

TEST_CASE("links: values that are not links", "[links]") {
  const Project p;
  for (const char* text : {"", "  ", "NA", "TBD", "none", "See the wiki page", "mailto:oncall@example.com",
                           "runbook", "call the on-call engineer / escalate"}) {
    INFO("'" << text << "'");
    CHECK(p.resolve(text).status == LinkStatus::not_a_link);
  }
  CHECK(p.resolve("README.md").status == LinkStatus::missing_file);  // a bare .md name is a link
}

TEST_CASE("links: hostile values neither crash nor hang", "[links]") {
  const Project p;
  const std::vector<std::string> pieces = {"{{", "}}", "[[", "]]", "$labels.", "alertname", "#", "?", "%", "%2",
                                           "%zz", "/", "../", "./", "https://", "//", ":", "@", ".md", " ", "\xff",
                                           "L1", "-", "runbooks", "api.md", "\0"};
  std::mt19937 random(7);
  for (int i = 0; i < 3000; ++i) {
    std::string link;
    for (auto n = random() % 10; n > 0; --n) link += pieces[random() % pieces.size()];
    (void)p.resolve(link);
  }
  const std::string long_link = "../runbooks/api.md#L" + std::string(200000, '1') + std::string(1000, '{');
  CHECK(p.resolve(long_link).status == LinkStatus::unknown_template);
  CHECK(p.resolve("../runbooks/api.md#L" + std::string(200000, '1')).status == LinkStatus::resolved);
}

namespace {

const fs::path kCorpus = fs::path(RBC_SHARED_DIR) / "corpus";

// The index of every Markdown file under `folder`: anchors are the numbered
// slugs of its ATX headings.
void index_markdown(const fs::path& folder, RunbookIndex& index) {
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
    rbc::runbook::Slugger slugger;
    std::vector<std::string> anchors;
    for (const auto& h : rbc::test::atx_headings(rbc::test::read_whole_file(entry.path().string())))
      anchors.push_back(slugger.next(h));
    index.anchors_by_file[normalize_path(entry.path().string())] = std::move(anchors);
  }
}

struct CorpusLinks {
  rbc::config::Config config;
  RunbookIndex index;
  CorpusLinks() {
    config.url_mappings = {
        {"https://runbooks.prometheus-operator.dev/runbooks/",
         (kCorpus / "prometheus-operator-runbooks/content/runbooks/").string()},
        {"https://github.com/openshift/runbooks/blob/master/", (kCorpus / "openshift-runbooks/").string()},
        {"https://github.com/thanos-io/thanos/tree/main/", (kCorpus / "thanos/").string()}};
    for (const char* folder : {"prometheus-operator-runbooks", "openshift-runbooks", "thanos"})
      index_markdown(kCorpus / folder, index);
  }
  LinkResolution resolve(const std::string& link) const {
    return resolve_link(link, LinkContext{(kCorpus / "rules.yaml").string(), "", {}}, config, index);
  }
};

}  // namespace

TEST_CASE("links: real corpus runbook URLs", "[links][corpus]") {
  if (!fs::is_directory(kCorpus / "prometheus-operator-runbooks")) {
    WARN("shared corpus not found: skipped");
    return;
  }
  const CorpusLinks c;
  auto r = c.resolve("https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping");
  CHECK(r.status == LinkStatus::resolved_case_insensitive);
  CHECK(r.file.ends_with("content/runbooks/kubernetes/KubePodCrashLooping.md"));

  r = c.resolve("https://github.com/openshift/runbooks/blob/master/alerts/cluster-monitoring-operator/"
                "AlertmanagerFailedReload.md");
  CHECK(r.status == LinkStatus::resolved);
  CHECK(r.file.ends_with("openshift-runbooks/alerts/cluster-monitoring-operator/AlertmanagerFailedReload.md"));

  // The mixin's runbook.md is a table; its headings are the rule groups.
  r = c.resolve("https://github.com/thanos-io/thanos/tree/main/mixin/runbook.md#alert-name-thanoscompacthalted");
  CHECK(r.status == LinkStatus::missing_anchor);
  CHECK(r.anchor == "alert-name-thanoscompacthalted");
  CHECK(r.file.ends_with("thanos/mixin/runbook.md"));
}

TEST_CASE("links: every runbook_url of the corpus rule files", "[links][corpus]") {
  if (!fs::is_directory(kCorpus)) return;
  const CorpusLinks c;
  const std::regex annotation(R"(^\s*runbook_url:\s*['"]?([^'"\s]+))");
  std::map<LinkStatus, int> counts;
  std::set<std::string> seen;
  for (const auto& entry : fs::recursive_directory_iterator(kCorpus)) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (!std::regex_search(line, m, annotation) || !seen.insert(m[1]).second) continue;
      const auto r = c.resolve(m[1]);
      ++counts[r.status];
      if (std::getenv("RBC_LINKS_DEBUG"))  // lists every link: status, file, suggestion
        std::fprintf(stderr, "%d %s -> %s [%s]\n", static_cast<int>(r.status), m[1].str().c_str(),
                     r.file.c_str(), r.suggestion.c_str());
      // Links into the mapped sites must all be found, exactly or ignoring case.
      if (m[1].str().starts_with("https://runbooks.prometheus-operator.dev/") ||
          m[1].str().starts_with("https://github.com/openshift/runbooks/")) {
        INFO(m[1] << " -> " << static_cast<int>(r.status) << " " << r.file);
        CHECK((r.status == LinkStatus::resolved || r.status == LinkStatus::resolved_case_insensitive ||
               r.status == LinkStatus::missing_file));
      }
    }
  }
  WARN(seen.size() << " distinct runbook_url values: " << counts[LinkStatus::resolved] << " resolved, "
                   << counts[LinkStatus::resolved_case_insensitive] << " case-insensitive, "
                   << counts[LinkStatus::missing_file] << " missing file, " << counts[LinkStatus::missing_anchor]
                   << " missing anchor, " << counts[LinkStatus::unmapped_url] << " unmapped, "
                   << counts[LinkStatus::unknown_template] << " unknown template, "
                   << counts[LinkStatus::empty_expansion] << " empty expansion, " << counts[LinkStatus::not_a_link]
                   << " not a link");
  CHECK(counts[LinkStatus::resolved] + counts[LinkStatus::resolved_case_insensitive] > 100);
}
