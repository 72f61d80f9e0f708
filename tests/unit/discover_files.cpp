#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "discover/discover.hpp"

namespace fs = std::filesystem;

namespace {

void touch(const fs::path& path) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << "x: 1\n";
}

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("rbc-discover-" + std::to_string(::getpid()));
  TempDir() { fs::remove_all(path); fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("discovery walks directories sorted and skips tool folders", "[discover]") {
  TempDir tmp;
  touch(tmp.path / "b.yml");
  touch(tmp.path / "a" / "z.YAML");
  touch(tmp.path / "a" / "notes.md");
  touch(tmp.path / ".git" / "x.yml");
  touch(tmp.path / "node_modules" / "m.yml");
  touch(tmp.path / "out" / rbc::discover::kOutputMarker);
  touch(tmp.path / "out" / "rules" / "r.yml");
  touch(tmp.path / "c.txt");
  fs::create_directory_symlink(tmp.path, tmp.path / "loop");
  fs::create_symlink(tmp.path / "self.yml", tmp.path / "self.yml");

  rbc::Diagnostics diagnostics;
  const auto files = rbc::discover::collect({tmp.path.string()}, diagnostics);
  // Both loops are reported, not followed, and the walk goes on.
  REQUIRE(diagnostics.items().size() == 2);
  CHECK(diagnostics.items()[0].code == "io/read");
  CHECK(diagnostics.items()[0].message.starts_with("symlink loop: "));
  CHECK(diagnostics.items()[0].severity == rbc::Severity::warning);
  CHECK(diagnostics.items()[1].code == "io/read");
  CHECK(diagnostics.items()[1].file == (tmp.path / "self.yml").string());
  REQUIRE(files.yaml.size() == 2);
  CHECK(files.yaml[0].path == (tmp.path / "a" / "z.YAML").string());
  CHECK(files.yaml[1].path == (tmp.path / "b.yml").string());
  CHECK(files.yaml[0].origin == rbc::discover::Origin::found);
  REQUIRE(files.markdown.size() == 1);
}

TEST_CASE("discovery: named files are taken as given, missing ones are io/read", "[discover]") {
  TempDir tmp;
  touch(tmp.path / "alerts.rules");
  touch(tmp.path / "notes.txt");
  rbc::Diagnostics diagnostics;
  const auto files = rbc::discover::collect({(tmp.path / "alerts.rules").string(), (tmp.path / "notes.txt").string(),
                                             "-", (tmp.path / "nope").string()},
                                            diagnostics);
  REQUIRE(files.yaml.size() == 1);
  CHECK(files.yaml[0].origin == rbc::discover::Origin::named);
  // Named *.txt / *.md files are runbooks (`rbc inspect notes.txt`).
  REQUIRE(files.markdown.size() == 1);
  CHECK(files.markdown[0].origin == rbc::discover::Origin::named);
  CHECK(files.read_stdin);
  REQUIRE(diagnostics.items().size() == 1);
  CHECK(diagnostics.items()[0].code == "io/read");
  CHECK(diagnostics.items()[0].file == (tmp.path / "nope").string());
}
