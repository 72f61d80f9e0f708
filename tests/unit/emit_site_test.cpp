// The HTML site: untrusted runbooks stay inert, headings carry GitHub's
// anchors, every link rbc writes leads to a file and an id that exist
// (crawled from a temp folder), cards show both sides of the cross-check,
// and the output is byte-for-byte stable.
#include <catch2/catch.hpp>
#include <unistd.h>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "cli/check_pipeline.hpp"
#include "emit/site.hpp"
#include "emit/site_html.hpp"
#include "emit/site_markdown.hpp"
#include "emit/site_promql.hpp"

namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string sample_path(const std::string& name) {
  return std::string(RBC_TEST_DATA) + "/../../samples/" + name;
}
std::string fixture_path(const std::string& name) {
  return std::string(RBC_TEST_DATA) + "/emit_site/" + name;
}

struct Site {
  rbc::cli::CheckRun run;
  std::map<std::string, std::string> files;  // output path -> content
};

Site build_site(const std::string& folder) {
  Site site;
  rbc::cli::CheckRequest request;
  request.paths = {fs::weakly_canonical(folder).string()};
  site.run = rbc::cli::run_check(request);
  const auto& sources = site.run.sources;
  const rbc::emit::BuildInput input{site.run.project,
                                    [&sources](std::string_view path) -> const rbc::SourceFile* {
                                      auto it = sources.find(path);
                                      return it == sources.end() ? nullptr : it->second.get();
                                    },
                                    site.run.diagnostics};
  for (auto& file : rbc::emit::emit_site(input)) {
    REQUIRE(site.files.count(file.path) == 0);  // no two files at one path
    site.files.emplace(file.path, std::move(file.content));
  }
  return site;
}

void write_site(const Site& site, const fs::path& dir) {
  for (const auto& [path, content] : site.files) {
    const fs::path target = dir / path;
    fs::create_directories(target.parent_path());
    std::ofstream(target, std::ios::binary) << content;
  }
}

std::string unescape(std::string s) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
  for (const auto& [entity, text] : kEntities) {
    for (std::size_t at = s.find(entity); at != std::string::npos; at = s.find(entity, at + 1)) {
      s.replace(at, std::strlen(entity), text);
    }
  }
  return s;
}

std::multiset<std::string> attribute_values(const std::string& html, const char* pattern) {
  std::multiset<std::string> out;
  const std::regex re(pattern);
  for (std::sregex_iterator it(html.begin(), html.end(), re), end; it != end; ++it)
    out.insert(unescape((*it)[1]));
  return out;
}

std::multiset<std::string> links_in(const std::string& html) {
  return attribute_values(html, R"re(\s(?:href|src)="([^"]*)")re");
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The links the runbook's authors wrote on a page (the dead-link check's
// business), as the page renders them without rbc's additions.
std::multiset<std::string> author_links(const Site& site, const std::string& page) {
  for (const auto& rb : site.run.project.runbooks) {
    if (!contains(page, fs::path(rb.path).stem().string())) continue;
    auto it = site.run.sources.find(rb.path);
    if (it != site.run.sources.end()) return links_in(rbc::emit::site::render_markdown(*it->second, {}).html);
  }
  return {};
}

// Crawls every page in `dir`: each rbc link must name an existing file and,
// with a fragment, an id in it. Returns how many links were followed.
std::size_t crawl(const Site& site, const fs::path& dir) {
  std::size_t followed = 0;
  for (const auto& [path, content] : site.files) {
    if (fs::path(path).extension() != ".html") continue;
    std::multiset<std::string> skip = author_links(site, path);
    for (const std::string& link : links_in(content)) {
      if (auto it = skip.find(link); it != skip.end()) {
        skip.erase(it);
        continue;
      }
      INFO("page " << path << " link " << link);
      const std::size_t hash = link.find('#');
      const std::string file = link.substr(0, hash);
      CHECK_FALSE(contains(file, ":"));  // relative, no scheme: works from file://
      const fs::path target = file.empty() ? dir / path : (dir / path).parent_path() / file;
      REQUIRE(fs::is_regular_file(target));
      if (hash != std::string::npos) {
        const auto ids = attribute_values(read_text(target), R"re(\sid="([^"]*)")re");
        CHECK(ids.count(link.substr(hash + 1)) == 1);
      }
      ++followed;
    }
  }
  return followed;
}

}  // namespace

TEST_CASE("every link rbc writes in the site resolves to a file and an id", "[emit][site]") {
  std::size_t samples = 0;
  for (const auto& entry : fs::directory_iterator(sample_path(""))) {
    const std::string sample = entry.path().filename().string();
    INFO(sample);
    ++samples;
    const Site site = build_site(entry.path().string());
    const fs::path dir = fs::temp_directory_path() / ("rbc_site_crawl_" + std::to_string(::getpid()) + "_" + sample);
    fs::remove_all(dir);
    write_site(site, dir);
    std::size_t alerts = 0;
    for (const auto& rule : site.run.project.rules) alerts += rule.alerting ? 1 : 0;
    // Index: name, runbook, rule file per alert; cards: source line; strip.
    CHECK(crawl(site, dir) >= 3 * alerts);
    fs::remove_all(dir);
  }
  CHECK(samples >= 8);
}

TEST_CASE("the crawl catches a link to a missing id", "[emit][site]") {
  Site site = build_site(sample_path("cryptofunk"));
  std::string& index = site.files.at("site/index.html");
  const std::size_t at = index.find("#Rule-");
  REQUIRE(at != std::string::npos);
  index.insert(at + 1, "Missing");
  const fs::path dir = fs::temp_directory_path() / ("rbc_site_crawl_missing_id_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  write_site(site, dir);
  const auto ids = attribute_values(read_text(dir / "site/runbook.html"), R"re(\sid="([^"]*)")re");
  CHECK(ids.count("MissingRule-HighErrorRate") == 0);
  CHECK(ids.count("Rule-HighErrorRate") == 1);
  fs::remove_all(dir);
}

TEST_CASE("runbook pages are inert: no script, handlers or dangerous URLs", "[emit][site]") {
  const Site site = build_site(fixture_path("hostile"));
  const std::string& page = site.files.at("site/runbook.html");
  for (const auto& [path, content] : site.files) {
    INFO(path);
    if (path != "site/index.html") CHECK_FALSE(contains(content, "<script"));
    CHECK_FALSE(std::regex_search(content, std::regex(R"(<[^>]*\son[a-z]+\s*=)", std::regex::icase)));
    for (const std::string& link : links_in(content)) {
      CHECK_FALSE(
          std::regex_search(link, std::regex("^\\s*(javascript|data|vbscript|file):", std::regex::icase)));
    }
  }
  CHECK(contains(page, "<!-- raw HTML omitted -->"));
  CHECK(contains(page, "<a href=\"\">js link</a>"));  // the text stays, the URL goes
  CHECK(contains(page, "<a href=\"\">caps</a>"));
  CHECK(contains(page, "<img src=\"\" alt=\"pixel\" />"));
  CHECK_FALSE(contains(page, "/etc/passwd\""));
  CHECK(contains(page, "<h1 id=\"web-alerttitle-runbook\">Web <!-- raw HTML omitted -->alert"));
  // Rule strings are escaped in the card and the index.
  CHECK(contains(page, "&lt;script&gt;alert(&#39;label&#39;)&lt;/script&gt;"));
  CHECK(contains(page, "&lt;img src=x onerror=alert(1)&gt;"));
  CHECK(contains(site.files.at("site/index.html"), "</script>\n</body>"));  // only rbc's filter
  CHECK(contains(page, "href=\"https://example.com/a?b=1&amp;c=2\""));
}

TEST_CASE("GFM extensions render; headings get GitHub's anchors", "[emit][site]") {
  const Site site = build_site(fixture_path("hostile"));
  const std::string& page = site.files.at("site/runbook.html");
  CHECK(contains(page, "<table>"));
  CHECK(contains(page, "<del>old</del>"));
  CHECK(contains(page, "type=\"checkbox\""));
  CHECK(contains(page, "href=\"http://www.example.org\""));
  CHECK(contains(page, "<h2 id=\"hello-world\">"));
  CHECK(contains(page, "<h2 id=\"hello-world-1\">"));
  CHECK(contains(page, "<h2 id=\"higherrorrate\">"));
  // The same slugs the runbook reader gives (the rules emitter links to them).
  for (const auto& anchor : site.run.project.runbooks.at(0).anchors) {
    CHECK(contains(page, "id=\"" + rbc::emit::site::escape(anchor) + "\""));
  }
}

TEST_CASE("a rule card sits under its section with both sides and the verdict", "[emit][site]") {
  const Site site = build_site(fixture_path("hostile"));
  const std::string& page = site.files.at("site/runbook.html");
  const std::size_t heading = page.find("<h2 id=\"higherrorrate\">");
  const std::size_t card = page.find("<section class=\"rule-card\" id=\"Rule-HighErrorRate\">");
  REQUIRE(heading != std::string::npos);
  REQUIRE(card != std::string::npos);
  CHECK(card > heading);
  CHECK(card < page.find("<h2 id=\"diskfull\">"));
  const std::string text = page.substr(card, page.find("</section>", card) - card);
  CHECK(contains(text,
                 "<span class=\"pq-fn\">sum</span> <span class=\"pq-kw\">by</span> (<span "
                 "class=\"pq-label\">job</span>)"));
  CHECK(contains(text, "<span class=\"pq-metric\">http_requests_total</span>"));
  CHECK(contains(text, "<span class=\"pq-str\">&quot;5..&quot;</span>"));
  CHECK(contains(text, "<span class=\"pq-op\">&gt;</span> <span class=\"pq-num\">0.1</span>"));  // as printed
  CHECK(contains(text, "<code>5m</code>"));
  CHECK(contains(text, "<div>&gt; 5% for 5 minutes</div>"));  // runbook side, as written
  CHECK(contains(text, "&gt; 0.1 (ratio)"));                  // rule side
  CHECK(contains(text, "<code>xcheck/threshold</code> threshold value differs"));
  CHECK(contains(text, "href=\"_sources/rules.yml.html#L4\">rules.yml:4</a>"));
  CHECK_FALSE(contains(text, "consistent"));
  const std::size_t disk = page.find("id=\"Rule-DiskFull\"");
  REQUIRE(disk != std::string::npos);
  CHECK(contains(page.substr(disk, 4000), "<span class=\"verdict ok\">consistent</span>"));
}

TEST_CASE("the index lists every alert, documented or not, with filter data", "[emit][site]") {
  const Site site = build_site(fixture_path("hostile"));
  const std::string& index = site.files.at("site/index.html");
  CHECK(contains(index, "data-severity=\"critical\""));
  CHECK(contains(index, "data-severity=\"info\""));
  CHECK(contains(index, ">Undocumented</span>"));
  CHECK(contains(index, "href=\"runbook.html#higherrorrate\">runbook.md</a>"));
  CHECK(contains(index, "<option value=\"warning\">warning</option>"));
  CHECK(contains(index, "web &lt;b&gt;"));  // group name in the search text, escaped
  CHECK(contains(index, "id=\"filter-text\""));
  CHECK(contains(index, "prefers-color-scheme") == false);  // the CSS is a separate file
  CHECK(contains(site.files.at("site/assets/rbc.css"), "@media (prefers-color-scheme: dark)"));
  CHECK(contains(site.files.at("site/assets/rbc.css"), "@media print"));
}

TEST_CASE("files runbooks show are copied from inside the project, never from outside", "[emit][site]") {
  const fs::path tmp = fs::temp_directory_path() / ("rbc_site_files_" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  const auto put = [&](const std::string& path, const std::string& content) {
    fs::create_directories((tmp / path).parent_path());
    std::ofstream(tmp / path, std::ios::binary) << content;
  };
  put("outside/secret.png", "SECRET-BYTES");
  put("proj/rbc.yaml", "receivers: {}\n");
  put("proj/img/top.png", std::string("\x89PNG\r\n\x1a\n\0top", 12));
  put("proj/runbooks/img/disk.png", std::string("\x89PNG\r\n\x1a\n\0disk", 13));
  put("proj/runbooks/img/page.html", "<script>alert(1)</script>");
  put("proj/runbooks/other.md", "# Other\n\n## Setup\n");
  put("proj/runbooks/disk.md",
      "# Disk\n\n![ok](img/disk.png) ![root](/img/top.png) ![out](../../outside/secret.png)\n"
      "![sym](img/link.png) [page](other.md#setup) [html](img/page.html) [config](../rbc.yaml)\n");
  fs::create_symlink(tmp / "outside/secret.png", tmp / "proj/runbooks/img/link.png");

  const Site site = build_site((tmp / "proj").string());
  const std::string& page = site.files.at("site/runbooks/disk.html");
  INFO(page);
  CHECK(site.files.at("site/runbooks/img/disk.png") == std::string("\x89PNG\r\n\x1a\n\0disk", 13));
  CHECK(site.files.at("site/img/top.png") == std::string("\x89PNG\r\n\x1a\n\0top", 12));
  CHECK(contains(page, "<img src=\"img/disk.png\" alt=\"ok\" />"));
  CHECK(contains(page, "<img src=\"../img/top.png\" alt=\"root\" />"));
  CHECK(contains(page, "<img src=\"\" alt=\"out\" />"));  // outside: emptied, not copied
  CHECK(contains(page, "<img src=\"\" alt=\"sym\" />"));  // a symlink out of the project: the same
  CHECK(contains(page, "<a href=\"other.html#setup\">page</a>"));
  CHECK(contains(page, "<a href=\"img/page.html\">html</a>"));  // active formats are not copied
  CHECK(contains(page, "<a href=\"\">config</a>"));  // rbc.yaml may hold secrets: never published
  CHECK(site.files.count("site/runbooks/img/page.html") == 0);
  CHECK(site.files.count("site/runbooks/img/link.png") == 0);
  for (const auto& [path, content] : site.files) {
    INFO(path);
    CHECK_FALSE(contains(content, "SECRET-BYTES"));
    CHECK_FALSE(contains(content, "receivers: {}"));
  }
  // rbc check reports both ways out, at the link.
  std::vector<std::string> outside;
  for (const auto& d : site.run.diagnostics.items())
    if (d.code == "runbook/outside-root")
      outside.push_back(std::to_string(d.span.begin.line) + ":" + std::to_string(d.span.begin.column) + " " +
                        d.message.substr(0, d.message.find(" points")));
  CHECK(outside == std::vector<std::string>{"3:50 image '../../outside/secret.png'", "4:8 image 'img/link.png'"});
  fs::remove_all(tmp);
}

TEST_CASE("the site is deterministic", "[emit][site]") {
  const Site a = build_site(sample_path("cryptofunk"));
  const Site b = build_site(sample_path("cryptofunk"));
  CHECK(a.files == b.files);
  for (const auto& [path, content] : a.files)
    CHECK_FALSE(std::regex_search(content, std::regex("20[0-9]{2}-[01][0-9]-[0-3][0-9]T")));
}

TEST_CASE("PromQL highlighting keeps every byte and survives bad input", "[emit][site]") {
  using rbc::emit::site::highlight_promql;
  const auto strip = [](std::string html) {
    return unescape(std::regex_replace(html, std::regex("<[^>]*>"), ""));
  };
  for (const char* expr : {"rate(x{a=\"<b>\"}[5m]) > 0.5 and on(job) up", "sum(x) by (a) # comment", "foo{",
                           "\"unterminated", "1 + ", "x offset 5m @ start()", ""}) {
    INFO(expr);
    CHECK(strip(highlight_promql(expr)) == expr);
  }
  CHECK(rbc::emit::site::pretty_expr("sum(x)by(job)>1") == "sum by (job) (x) > 1");
  CHECK(rbc::emit::site::pretty_expr("sum(") == "sum(");
}

// Not a check: writes the site of a sample for tests/browser/site_test.py.
// RBC_SITE_OUT=folder [RBC_SITE_SAMPLE=cryptofunk] rbc_tests "[.site-export]"
TEST_CASE("export a sample's site for the browser test", "[.site-export]") {
  const char* out = std::getenv("RBC_SITE_OUT");
  REQUIRE(out != nullptr);
  const char* sample = std::getenv("RBC_SITE_SAMPLE");
  write_site(build_site(sample_path(sample ? sample : "cryptofunk")), out);
}
