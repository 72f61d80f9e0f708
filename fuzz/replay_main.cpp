// rbc_fuzz_replay DIR: runs every input kept under DIR/<target>/ through
// that fuzz target (the same code libFuzzer drives), so crashes found by
// fuzzing stay fixed in the ordinary build. A crash or broken invariant
// aborts; exit status 1 when a folder names no known target or holds nothing.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_target.hpp"

RBC_FUZZ_TARGET(promql);
RBC_FUZZ_TARGET(threshold);
RBC_FUZZ_TARGET(template);
RBC_FUZZ_TARGET(rules);
RBC_FUZZ_TARGET(runbook);
RBC_FUZZ_TARGET(check);

namespace {

namespace fs = std::filesystem;

using Entry = int (*)(const std::uint8_t*, std::size_t);

struct Target {
  const char* name;
  Entry entry;
};

constexpr Target kTargets[] = {
    {"promql", rbc_fuzz_promql}, {"threshold", rbc_fuzz_threshold}, {"template", rbc_fuzz_template},
    {"rules", rbc_fuzz_rules},   {"runbook", rbc_fuzz_runbook},     {"check", rbc_fuzz_check},
};

Entry find_target(const std::string& name) {
  for (const Target& t : kTargets) {
    if (name == t.name) return t.entry;
  }
  return nullptr;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: rbc_fuzz_replay DIR (holding <target>/<input> files)\n");
    return 2;
  }
  int status = 0;
  std::size_t replayed = 0;
  for (const fs::directory_entry& folder : fs::directory_iterator(argv[1])) {
    if (!folder.is_directory()) continue;
    const Entry entry = find_target(folder.path().filename().string());
    if (entry == nullptr) {
      std::fprintf(stderr, "unknown fuzz target folder: %s\n", folder.path().c_str());
      status = 1;
      continue;
    }
    for (const fs::directory_entry& file : fs::directory_iterator(folder.path())) {
      if (!file.is_regular_file()) continue;
      std::printf("%s\n", file.path().c_str());
      std::fflush(stdout);
      const std::string input = read_all(file.path());
      entry(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
      ++replayed;
    }
  }
  std::printf("replayed %zu inputs\n", replayed);
  return replayed == 0 ? 1 : status;
}
