// `rbc check --changed`: only what a change is responsible for is reported,
// while the whole repository is analysed. Runs the real git and rbc.
#include <catch2/catch.hpp>

#include "support/git_repo.hpp"

using rbc::test::GitRepo;

namespace {

std::string alert(const std::string& name, const std::string& expr = "up == 0", const std::string& for_ = "5m") {
  return "      - alert: " + name + "\n        expr: " + expr + "\n        for: " + for_ +
         "\n        labels:\n          severity: critical\n";
}

std::string group(const std::string& rules) { return "groups:\n  - name: g\n    rules:\n" + rules; }

std::string section(const std::string& name) { return "### " + name + "\n\n**Severity:** critical\n\nIt is down.\n\n"; }

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

// Two alerts with no runbook (runbook/missing each) in a committed repository.
void two_undocumented_alerts(const GitRepo& repo) {
  repo.write("rules/a.yml", group(alert("AlphaDown") + alert("BetaDown")));
  repo.write("README.md", "# Project\n");
  repo.commit_all("base");
}

}  // namespace

TEST_CASE("rbc check --changed: a changed rule is reported, an unchanged one is not", "[cli][changed]") {
  GitRepo repo("changed-rule");
  two_undocumented_alerts(repo);
  CHECK(repo.rbc("check --color never --changed").out.find("[runbook/missing]") == std::string::npos);
  const auto all = repo.rbc("check --color never");
  CHECK(has(all.out, "'AlphaDown'"));
  CHECK(has(all.out, "'BetaDown'"));

  repo.write("rules/a.yml", group(alert("AlphaDown", "up == 0", "10m") + alert("BetaDown")));
  const auto changed = repo.rbc("check --color never --changed");
  CHECK(has(changed.out, "rules/a.yml:4:16:"));
  CHECK(has(changed.out, "'AlphaDown'"));
  CHECK_FALSE(has(changed.out, "'BetaDown'"));

  // Staged counts the same as unstaged.
  repo.git("add rules/a.yml");
  CHECK(has(repo.rbc("check --color never --changed").out, "'AlphaDown'"));
}

TEST_CASE("rbc check --changed: new files (untracked, staged, with spaces) are reported whole", "[cli][changed]") {
  GitRepo repo("new-file");
  two_undocumented_alerts(repo);
  repo.write("rules/more rules.yml", group(alert("GammaDown")));
  const auto untracked = repo.rbc("check --color never --changed");
  CHECK(has(untracked.out, "rules/more rules.yml:4:16:"));
  CHECK_FALSE(has(untracked.out, "'AlphaDown'"));
  repo.git("add 'rules/more rules.yml'");
  CHECK(has(repo.rbc("check --color never --changed").out, "'GammaDown'"));

  // A modified file whose name has spaces: git quotes nothing, but ends the name with a tab.
  repo.commit_all("more");
  repo.write("rules/more rules.yml", group(alert("GammaDown", "up == 1")));
  const auto modified = repo.rbc("check --color never --changed");
  CHECK(has(modified.out, "'GammaDown'"));
  CHECK_FALSE(has(modified.out, "'AlphaDown'"));
}

TEST_CASE("rbc check --changed: a renamed alert reports its new rule and the orphaned runbook section", "[cli][changed]") {
  GitRepo repo("renamed-alert");
  repo.write("rules/a.yml", group(alert("AlphaDown") + alert("BetaDown")));
  repo.write("runbooks/r.md", "# Runbook\n\n" + section("AlphaDown") + section("BetaDown"));
  repo.commit_all("base");
  CHECK(repo.rbc("check --color never --changed").status == 0);

  repo.write("rules/a.yml", group(alert("AlphaGone") + alert("BetaDown")));
  const auto renamed = repo.rbc("check --color never --changed");
  CHECK(renamed.status == 1);
  CHECK(has(renamed.out, "rules/a.yml:4:16: error: alert 'AlphaGone' has no runbook"));
  CHECK(has(renamed.out, "runbooks/r.md:3:5: warning: runbook documents alert 'AlphaDown'"));

  // Limited to the rule file (as pre-commit passes it), the orphan is still
  // reported: the file that lost the name is in scope.
  const auto scoped = repo.rbc("check --color never --changed rules/a.yml");
  CHECK(has(scoped.out, "'AlphaGone' has no runbook"));
  CHECK(has(scoped.out, "[runbook/orphan]"));
  // Limited to the runbooks folder, neither is.
  const auto other = repo.rbc("check --color never --changed runbooks");
  CHECK_FALSE(has(other.out, "[runbook/missing]"));
  CHECK_FALSE(has(other.out, "[runbook/orphan]"));
}

TEST_CASE("rbc check --changed analyses the repository even when given only some files", "[cli][changed]") {
  GitRepo repo("scope");
  repo.write("rules/a.yml", group(alert("AlphaDown") + alert("BetaDown")));
  repo.write("runbooks/r.md", "# Runbook\n\n" + section("AlphaDown") + section("BetaDown"));
  repo.commit_all("base");
  repo.write("rules/a.yml", group(alert("AlphaDown", "up == 1") + alert("BetaDown")));
  // Plain `rbc check rules/a.yml` does not see the runbook; --changed does.
  CHECK(has(repo.rbc("check --color never rules/a.yml").out, "[runbook/missing]"));
  const auto changed = repo.rbc("check --color never --changed rules/a.yml");
  CHECK(changed.status == 0);
  CHECK_FALSE(has(changed.out, "[runbook/missing]"));
}

TEST_CASE("rbc check --changed works from a subfolder of the repository", "[cli][changed]") {
  GitRepo repo("subfolder");
  two_undocumented_alerts(repo);
  repo.write("rules/a.yml", group(alert("AlphaDown") + alert("BetaDown", "up == 2")));
  const auto result = repo.rbc("check --color never --changed", "rules");
  CHECK(has(result.out, "../rules/a.yml:9:16:"));
  CHECK(has(result.out, "'BetaDown'"));
  CHECK_FALSE(has(result.out, "'AlphaDown'"));
  const auto scoped = repo.rbc("check --color never --changed a.yml", "rules");
  CHECK(has(scoped.out, "'BetaDown'"));
}

TEST_CASE("rbc check --base compares with an explicit commit", "[cli][changed]") {
  GitRepo repo("base");
  two_undocumented_alerts(repo);
  repo.write("rules/a.yml", group(alert("AlphaDown", "up == 3") + alert("BetaDown")));
  repo.commit_all("change alpha");
  // On main with nothing uncommitted, the default base is HEAD: nothing to report.
  CHECK_FALSE(has(repo.rbc("check --color never --changed").out, "[runbook/missing]"));
  const auto result = repo.rbc("check --color never --base HEAD~1");
  CHECK(has(result.out, "'AlphaDown'"));
  CHECK_FALSE(has(result.out, "'BetaDown'"));

  // On a feature branch whose upstream is main, the default is the merge base with main.
  repo.git("checkout -q -b feature");
  repo.git("branch -q --set-upstream-to=main");
  repo.write("rules/a.yml", group(alert("AlphaDown", "up == 3") + alert("BetaDown", "up == 4")));
  repo.commit_all("change beta");
  const auto feature = repo.rbc("check --color never --changed");
  CHECK(has(feature.out, "'BetaDown'"));
  CHECK_FALSE(has(feature.out, "'AlphaDown'"));
}

TEST_CASE("rbc check --changed outside a repository or with a bad ref is a usage error", "[cli][changed]") {
  GitRepo repo("errors");
  two_undocumented_alerts(repo);
  const auto bad_ref = repo.rbc("check --changed --base no-such-ref");
  CHECK(bad_ref.status == 2);
  CHECK(has(bad_ref.out, "--base: 'no-such-ref' does not name a commit"));
  CHECK(repo.rbc("check --changed -").status == 2);

  const std::filesystem::path outside = repo.dir().parent_path() / "not-a-repo";
  std::filesystem::create_directories(outside);
  std::ofstream(outside / "a.yml") << group(alert("AlphaDown"));
  const auto not_repo = rbc::test::run_rbc_in(outside.string(), "check --changed 2>&1");
  CHECK(not_repo.status == 2);
  CHECK(has(not_repo.out, "not inside a git work tree"));
  std::filesystem::remove_all(outside);
}

TEST_CASE("rbc check --changed: a removed recording rule still used elsewhere is reported", "[cli][changed]") {
  GitRepo repo("removed-record");
  const std::string user = group("      - alert: JobDown\n        expr: job:up:sum == 0\n        for: 5m\n"
                                 "        labels:\n          severity: critical\n");
  repo.write("rules/user.yml", user);
  repo.write("rules/rec.yml", group("      - record: job:up:sum\n        expr: sum by (job) (up)\n"
                                    "      - record: job:other:sum\n        expr: sum by (job) (up)\n"));
  repo.commit_all("base");
  repo.write("rules/rec.yml", group("      - record: job:other:sum\n        expr: sum by (job) (up)\n"));
  const auto result = repo.rbc("check --color never --changed");
  // The user's rule is unchanged, so its other findings stay hidden ...
  CHECK_FALSE(has(result.out, "'JobDown' has no runbook"));
  // ... but the rule/dependency finding at its selector is kept.
  CHECK(has(result.out, "rules/user.yml:5:15: warning: this change removes the recording rule of `job:up:sum` "
                        "(from rules/rec.yml)"));
  CHECK(has(result.out, "[rule/dependency]"));
  // Without --changed the name is just unknown (no close recorded name).
  CHECK_FALSE(has(repo.rbc("check --color never").out, "[rule/dependency]"));
}
