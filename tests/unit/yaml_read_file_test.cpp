// load::read_file: bytes from disk, io/read on failure, BOM dropped for YAML.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "load/read_file.hpp"

namespace fs = std::filesystem;

namespace {

fs::path scratch_dir() {
  const fs::path dir = fs::temp_directory_path() / ("rbc_read_file_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("read_file: reads bytes, drops a BOM for YAML, keeps CRLF", "[yaml][io]") {
  const fs::path file = scratch_dir() / "bom.yml";
  std::ofstream(file, std::ios::binary) << "\xEF\xBB\xBFgroups: []\r\n";
  rbc::Diagnostics diags;
  const auto yaml = rbc::load::read_file(file.string(), diags);
  REQUIRE(yaml);
  CHECK(yaml->text() == "groups: []\r\n");
  CHECK(yaml->path() == file.string());
  const auto raw = rbc::load::read_file(file.string(), diags, rbc::load::TextKind::other);
  REQUIRE(raw);
  CHECK(raw->text().size() == 15);
  CHECK(diags.items().empty());
  fs::remove_all(file.parent_path());
}

TEST_CASE("read_file: missing files and directories give io/read", "[yaml][io]") {
  const fs::path dir = scratch_dir();
  rbc::Diagnostics diags;
  CHECK_FALSE(rbc::load::read_file((dir / "missing.yml").string(), diags));
  CHECK_FALSE(rbc::load::read_file(dir.string(), diags));
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].code == "io/read");
  CHECK(diags.items()[0].message.find("No such file") != std::string::npos);
  CHECK(diags.items()[1].message.find("is a directory") == 0);
  CHECK(diags.items()[1].file == dir.string());
  fs::remove_all(dir);
}

TEST_CASE("read_file: files over the size limit are io/read errors, not read", "[yaml][io]") {
  const fs::path file = scratch_dir() / "big.yml";
  std::ofstream(file, std::ios::binary) << std::string(2048, '#');
  rbc::Diagnostics diags;
  CHECK_FALSE(rbc::load::read_file(file.string(), diags, rbc::load::TextKind::yaml, 1024));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == "io/read");
  CHECK(diags.items()[0].message.find("limits.max_file_size_mb") != std::string::npos);
  rbc::Diagnostics fine;
  CHECK(rbc::load::read_file(file.string(), fine, rbc::load::TextKind::yaml, 2048));
  CHECK(fine.items().empty());
}
