// The samples are part of the contract: the clean ones stay clean, and the
// output on samples/broken is pinned byte for byte.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "support/process.hpp"

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string check_args(const std::string& paths) { return "check --color never " + paths; }

}  // namespace

TEST_CASE("samples/broken: exact output is pinned", "[samples]") {
  const auto result = rbc::test::run_rbc_in(RBC_SOURCE_DIR, check_args("samples/broken"));
  CHECK(result.status == 1);
  // To accept an intended change: rbc check --color never samples/broken > tests/data/golden/broken.txt
  CHECK(result.out == read_text(rbc::test::data_path("golden/broken.txt")));
}

TEST_CASE("samples: every system except broken/ checks clean", "[samples]") {
  for (const char* system : {"samples/webshop", "samples/kubernetes"}) {
    INFO(system);
    const auto result = rbc::test::run_rbc_in(RBC_SOURCE_DIR, check_args(system));
    CHECK(result.status == 0);
    CHECK(result.out.find("0 errors, 0 warnings") != std::string::npos);
  }
}
