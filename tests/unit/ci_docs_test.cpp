// docs/ci.md: every pre-commit, GitHub Actions and GitLab CI snippet runs
// (tests/tools/ci_docs.py does the work in scratch git repositories).
#include <catch2/catch.hpp>

#include "support/process.hpp"

TEST_CASE("docs/ci.md snippets work with the built rbc", "[cli][changed][docs]") {
  const std::string source = std::string(RBC_TEST_DATA) + "/../..";
  const auto result = rbc::test::run_command("python3 '" + source + "/tests/tools/ci_docs.py' '" + RBC_BINARY + "' '" +
                                             source + "' 2>&1");
  INFO(result.out);
  CHECK(result.status == 0);
  CHECK(result.out.find("expectations met") != std::string::npos);
}
