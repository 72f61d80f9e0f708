// The five seed runbooks the project was created from. Each sample system
// under samples/ holds its seed byte for byte (tests/unit/seeds_test.cpp
// checks that against ../shared/seeds when it is there), so tests read the
// copies in the repository and run on a clean clone too.
#pragma once

#include <string>
#include <string_view>

namespace rbc::test {

// "001_54d55be18301f74b.txt" (or just "001") -> samples/cryptofunk/runbook.md
inline std::string seed_path(std::string_view name) {
  static constexpr const char* kSystems[] = {"threads-agent", "cryptofunk", "aragora", "testwatcher", "agent-node"};
  const int index = name.size() >= 3 ? (name[0] - '0') * 100 + (name[1] - '0') * 10 + (name[2] - '0') : -1;
  if (index < 0 || index > 4) return std::string(RBC_SHARED_DIR) + "/seeds/" + std::string(name);
  return std::string(RBC_SOURCE_DIR) + "/samples/" + kSystems[index] + "/runbook.md";
}

}  // namespace rbc::test
