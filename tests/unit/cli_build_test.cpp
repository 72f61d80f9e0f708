// `rbc build` as users run it: what it writes, that a rebuild is
// byte-identical, that it swaps the folder whole and never touches files it
// did not write, and that errors stop it unless --force.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "support/process.hpp"

namespace fs = std::filesystem;
using rbc::test::run_rbc_in;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("rbc-build-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every file under `dir` with its content.
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[e.path().lexically_relative(dir).generic_string()] = read(e.path());
  return out;
}

rbc::test::CommandResult build(const std::string& args) { return run_rbc_in(RBC_SOURCE_DIR, "build " + args + " 2>&1"); }

}  // namespace

TEST_CASE("rbc build writes rules, alertmanager.yml, site and tests; a rebuild is byte-identical", "[cli][build]") {
  TempDir tmp;
  const fs::path out = tmp.path / "out";
  const auto first = build("samples/aragora --out '" + out.string() + "'");
  INFO(first.out);
  REQUIRE(first.status == 0);
  for (const char* file : {"rules/rules.yml", "alertmanager.yml", "site/index.html", "site/runbook.html",
                           "tests/rules.yml", ".rbc-output"})
    CHECK(fs::is_regular_file(out / file));
  CHECK(first.out.find("boundary tests: ") != std::string::npos);
  CHECK(first.out.find("site/index.html") != std::string::npos);
  const auto before = tree(out);
  REQUIRE(build("samples/aragora --out '" + out.string() + "'").status == 0);
  CHECK(tree(out) == before);
}

TEST_CASE("rbc build refuses a folder it did not make and files it did not write", "[cli][build]") {
  TempDir tmp;
  const fs::path foreign = tmp.path / "foreign";
  fs::create_directories(foreign);
  std::ofstream(foreign / "notes.txt") << "mine";
  const auto refused = build("samples/aragora --out '" + foreign.string() + "'");
  CHECK(refused.status == 2);
  CHECK(refused.out.find("no rbc manifest") != std::string::npos);
  CHECK(read(foreign / "notes.txt") == "mine");

  const fs::path out = tmp.path / "out";
  REQUIRE(build("samples/aragora --out '" + out.string() + "'").status == 0);
  std::ofstream(out / "site" / "extra.html") << "added by hand";
  const auto kept = build("samples/aragora --out '" + out.string() + "'");
  CHECK(kept.status == 2);
  CHECK(kept.out.find("site/extra.html") != std::string::npos);
  CHECK(read(out / "site" / "extra.html") == "added by hand");
}

TEST_CASE("rbc build never writes through a symlink", "[cli][build]") {
  TempDir tmp;
  // --out is a symlink to an empty folder, and to a complete earlier output.
  const fs::path elsewhere = tmp.path / "elsewhere";
  fs::create_directories(elsewhere);
  fs::create_directory_symlink(elsewhere, tmp.path / "link");
  const auto to_empty = build("samples/aragora --out '" + (tmp.path / "link").string() + "'");
  CHECK(to_empty.status == 2);
  CHECK(to_empty.out.find("exists and is not a folder rbc made") != std::string::npos);
  CHECK(fs::is_empty(elsewhere));
  CHECK(fs::is_symlink(tmp.path / "link"));

  const fs::path out = tmp.path / "out";
  REQUIRE(build("samples/aragora --out '" + out.string() + "'").status == 0);
  const auto before = tree(out);
  fs::create_directory_symlink(out, tmp.path / "out-link");
  CHECK(build("samples/aragora --out '" + (tmp.path / "out-link").string() + "'").status == 2);
  CHECK(tree(out) == before);

  // A symlink planted inside an earlier output (to a file or a folder
  // outside it) is a file rbc did not write: refused, both left alone.
  std::ofstream(tmp.path / "secret.txt") << "keep";
  fs::create_symlink(tmp.path / "secret.txt", out / "site" / "planted.txt");
  fs::create_directory_symlink(elsewhere, out / "site" / "planted-dir");
  const auto planted = build("samples/aragora --out '" + out.string() + "'");
  INFO(planted.out);
  CHECK(planted.status == 2);
  CHECK(planted.out.find("site/planted-dir and 1 more") != std::string::npos);
  CHECK(fs::is_symlink(out / "site" / "planted.txt"));
  CHECK(fs::is_symlink(out / "site" / "planted-dir"));
  CHECK(read(tmp.path / "secret.txt") == "keep");
  CHECK(fs::is_empty(elsewhere));
}

TEST_CASE("a write error during rbc build leaves the earlier output as it was", "[cli][build]") {
  TempDir tmp;
  const fs::path out = tmp.path / "out";
  REQUIRE(build("samples/aragora --out '" + out.string() + "'").status == 0);
  const auto before = tree(out);
  // The disk "fills up": files over 8 blocks fail with EFBIG (SIGXFSZ ignored).
  const auto failed = rbc::test::run_command("cd '" RBC_SOURCE_DIR "' && (trap '' XFSZ; ulimit -f 8; exec '" +
                                             std::string(RBC_BINARY) + "' build samples/aragora --out '" +
                                             out.string() + "') 2>&1");
  INFO(failed.out);
  CHECK(failed.status == 2);
  CHECK(failed.out.find("File too large; the previous output is unchanged") != std::string::npos);
  CHECK(tree(out) == before);
  for (const auto& entry : fs::directory_iterator(tmp.path))  // no staging folder left behind
    CHECK(entry.path().filename() == "out");
}

TEST_CASE("rbc build refuses an output folder that holds the sources", "[cli][build]") {
  const auto result = build("samples/aragora --out samples");
  CHECK(result.status == 2);
  CHECK(result.out.find("contains the input") != std::string::npos);
}

TEST_CASE("rbc build stops on errors unless --force, which marks the output", "[cli][build]") {
  TempDir tmp;
  const fs::path out = tmp.path / "out";
  const auto stopped = build("samples/broken/runbooks --out '" + out.string() + "'");
  CHECK(stopped.status == 1);
  CHECK(stopped.out.find("pass --force") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  const auto forced = build("--force samples/broken/runbooks --out '" + out.string() + "'");
  CHECK(forced.status == 1);
  CHECK(forced.out.find("WARNING: --force") != std::string::npos);
  CHECK(read(out / ".rbc-output").find("FORCED") != std::string::npos);
}
