// Writing an emitter's files (rbc::emit::OutputFile) into a scratch folder
// so the real promtool/amtool/rbc can read them.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "emit/output.hpp"

namespace rbc::test {

// An empty folder <tmp>/<prefix>-<pid>/<name>.
inline std::filesystem::path fresh_dir(const std::string& prefix, const std::string& name) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / (prefix + "-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

inline void write_all(const std::filesystem::path& dir, const std::vector<rbc::emit::OutputFile>& files) {
  for (const auto& f : files) {
    std::filesystem::create_directories((dir / f.path).parent_path());
    std::ofstream(dir / f.path, std::ios::binary) << f.content;
  }
}

}  // namespace rbc::test
