// rbc fmt and rbc check --fix over the shared corpus of real rule files:
// every rewrite must verify (same rules, equal ASTs) and be idempotent.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "rewrite/file_rewrite.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> out;
  const fs::path root = fs::path(RBC_SHARED_DIR) / "corpus";
  if (!fs::is_directory(root)) return out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    const std::string p = e.path().string();
    if (e.is_regular_file() && (p.ends_with(".yml") || p.ends_with(".yaml"))) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

bool refused_for_a_difference(const rbc::rewrite::FileRewrite& r) {
  for (const std::string& n : r.notes)
    if (n.find("would change") != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("rbc fmt and --fix over the corpus: verified and idempotent", "[rewrite][corpus]") {
  const auto files = corpus_files();
  if (files.empty()) { WARN("no corpus at " RBC_SHARED_DIR "/corpus: skipped"); return; }
  std::size_t formatted = 0;
  std::size_t fixed = 0;
  for (const fs::path& file : files) {
    INFO(file.string());
    const std::string bytes = slurp(file);
    const auto f = rbc::rewrite::format_file(file.string(), bytes);
    for (const auto& n : f.notes) UNSCOPED_INFO(n);
    CHECK_FALSE(refused_for_a_difference(f));
    if (f.changed()) {
      ++formatted;
      CHECK_FALSE(rbc::rewrite::format_file(file.string(), f.rewritten).changed());
    }
    const auto x = rbc::rewrite::fix_file(file.string(), bytes);
    CHECK_FALSE(refused_for_a_difference(x));
    if (x.changed()) {
      ++fixed;
      CHECK_FALSE(rbc::rewrite::fix_file(file.string(), x.rewritten).changed());
    }
  }
  CHECK(formatted > 10);
  CHECK(fixed > 0);
}
