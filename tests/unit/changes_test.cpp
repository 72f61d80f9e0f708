// compiler/changes/: the unified-diff reader and the selection of findings
// (against a real git repository).
#include <catch2/catch.hpp>

#include "changes/change_set.hpp"
#include "changes/diff.hpp"
#include "changes/old_rules.hpp"
#include "changes/select.hpp"
#include "cli/check_pipeline.hpp"
#include "support/git_repo.hpp"

using namespace rbc::changes;

TEST_CASE("unified diff: statuses, renames, hunks and odd names", "[changes]") {
  const std::string diff =
      "diff --git a/rules/a.yml b/rules/a.yml\n"
      "index 1..2 100644\n"
      "--- a/rules/a.yml\n"
      "+++ b/rules/a.yml\n"
      "@@ -3,2 +3,3 @@ groups:\n"
      "--- this removed line read '-- this'\n"
      "-x\n"
      "+++ and this added one '++ and'\n"
      "+y\n"
      "+z\n"
      "@@ -10 +11,0 @@\n"
      "-gone\n"
      "\\ No newline at end of file\n"
      "diff --git a/new file.yml b/new file.yml\n"
      "new file mode 100644\n"
      "--- /dev/null\n"
      "+++ b/new file.yml\t\n"
      "@@ -0,0 +1 @@\n"
      "+groups: []\n"
      "diff --git a/old.yml b/new.yml\n"
      "similarity index 100%\n"
      "rename from old.yml\n"
      "rename to new.yml\n"
      "diff --git \"a/caf\\303\\251.md\" \"b/caf\\303\\251.md\"\n"
      "deleted file mode 100644\n"
      "--- \"a/caf\\303\\251.md\"\n"
      "+++ /dev/null\n"
      "@@ -1 +0,0 @@\n"
      "-# x\n"
      "diff --git a/empty.yml b/empty.yml\n"
      "new file mode 100644\n"
      "index 0000000..e69de29\n";
  const std::vector<FileChange> files = parse_unified_diff(diff);
  REQUIRE(files.size() == 5);
  CHECK(files[0].path == "rules/a.yml");
  CHECK(files[0].status == FileStatus::modified);
  REQUIRE(files[0].hunks.size() == 2);
  CHECK(files[0].hunks[0].start == 3);
  CHECK(files[0].hunks[0].count == 3);
  CHECK(files[0].hunks[1].start == 11);
  CHECK(files[0].hunks[1].count == 0);
  CHECK(files[1].path == "new file.yml");
  CHECK(files[1].status == FileStatus::added);
  CHECK(files[2].path == "new.yml");
  CHECK(files[2].old_path == "old.yml");
  CHECK(files[2].status == FileStatus::renamed);
  CHECK(files[3].path == "caf\xc3\xa9.md");
  CHECK(files[3].status == FileStatus::deleted);
  CHECK(files[4].path == "empty.yml");
  CHECK(files[4].status == FileStatus::added);

  CHECK(touches(files[0], 1, 3));
  CHECK(touches(files[0], 5, 5));
  CHECK_FALSE(touches(files[0], 6, 10));
  CHECK(touches(files[0], 11, 11));  // the deletion after line 11 belongs to it
  CHECK_FALSE(touches(files[0], 12, 20));
}

TEST_CASE("decode_git_path undoes git's quoting", "[changes]") {
  CHECK(decode_git_path("a/x y.yml\t") == "a/x y.yml");
  CHECK(decode_git_path("\"a/tab\\there\\\"q\\\\.yml\"") == "a/tab\there\"q\\.yml");
  CHECK(decode_git_path("plain") == "plain");
}

TEST_CASE("selection keeps findings about a removed recording rule at its users", "[changes]") {
  rbc::test::GitRepo repo("select-removed");
  repo.write("rules/user.yml",
             "groups:\n  - name: g\n    rules:\n      - alert: JobDown\n        expr: job:up:sum == 0\n"
             "      - alert: Other\n        expr: up == 0\n");
  repo.write("rules/rec.yml", "groups:\n  - name: r\n    rules:\n      - record: job:up:sum\n        expr: sum(up)\n");
  repo.commit_all("base");
  repo.write("rules/rec.yml", "groups:\n  - name: r\n    rules:\n      - record: job:up:total\n        expr: sum(up)\n");

  const std::string dir = std::filesystem::canonical(repo.dir()).string();
  rbc::cli::CheckRun run = rbc::cli::run_check({.paths = {dir}, .run_checks = false, .config_path = {}});
  const Repository repository{dir, ".", ""};
  const Result<ChangeSet> changes = collect_changes(repository, "");
  REQUIRE(changes.value);
  RemovedNames removed = removed_names(*changes.value, run.project);
  CHECK(removed.recorded.count("job:up:sum") == 1);
  CHECK(removed.recorded.count("job:up:total") == 0);

  const std::string user = dir + "/rules/user.yml";
  const auto finding = [&](const char* code, std::uint32_t line, std::uint32_t col, std::uint32_t end) {
    return rbc::Diagnostic{code, rbc::Severity::error, user, {{line, col}, {line, end}}, "m", "", "", {}};
  };
  rbc::Diagnostics diags;
  diags.add(finding("rule/dependency", 5, 15, 25));  // at the selector of the removed series
  diags.add(finding("x/at-selector", 5, 15, 25));
  diags.add(finding("x/elsewhere", 4, 16, 23));       // same rule, not at the selector
  diags.add(finding("rule/dependency", 7, 15, 17));  // another rule
  keep_changed(diags, run.project, {*changes.value, removed, {}});
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].code == "rule/dependency");
  CHECK(diags.items()[1].code == "x/at-selector");

  // Out of scope when the file that lost the name is not in it.
  rbc::Diagnostics scoped;
  scoped.add(finding("rule/dependency", 5, 15, 25));
  keep_changed(scoped, run.project, {*changes.value, removed, {"rules/user.yml"}});
  CHECK(scoped.items().empty());
}
