// Differential test: rbc's PromQL parser against the real promtool 2.42 on
// 20,000 generated expressions (about half valid, half subtly invalid).
//
//   RBC_ORACLE_SEED=<n>|random   seed of the run (default: fixed), printed
//   RBC_ORACLE_COUNT=<n>         expressions per run (default 20000)
//   RBC_ORACLE_MESSAGE_FLOOR=<p> minimum exact-message agreement, percent
//   CI=true                      promtool is mandatory and the cache is ignored
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>

#include "../oracle/promql_gen.hpp"
#include "../oracle/promtool_runner.hpp"
#include "../oracle/shrink.hpp"
#include "oracle_compare.hpp"

namespace {

constexpr std::uint64_t kDefaultSeed = 20230131;  // Prometheus 2.42.0's release date
constexpr std::size_t kDefaultCount = 20000;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? "" : v;
}

bool in_ci() { return env("CI") == "true"; }

std::uint64_t oracle_seed() {
  const std::string s = env("RBC_ORACLE_SEED");
  if (s.empty()) return kDefaultSeed;
  if (s == "random") {
    return static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count()) % 1000000000;
  }
  return std::stoull(s);
}

std::size_t oracle_count() {
  const std::string s = env("RBC_ORACLE_COUNT");
  return s.empty() ? kDefaultCount : std::stoul(s);
}

// The cache lives next to the test binary: one build, one cache.
std::string cache_path(std::uint64_t seed, std::size_t count) {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  const auto dir = ec ? std::filesystem::temp_directory_path() : exe.parent_path();
  return (dir / "oracle-cache" / ("promtool-" + std::to_string(seed) + "-" + std::to_string(count) + ".tsv")).string();
}

// promtool's verdicts for `exprs`: from the cache, or by running promtool.
std::vector<rbc::oracle::Verdict> promtool_verdicts(std::uint64_t seed, const std::vector<std::string>& exprs,
                                                    const std::string& version) {
  const std::string key = rbc::oracle::cache_key(seed, exprs, version);
  const std::string path = cache_path(seed, exprs.size());
  if (!in_ci()) {
    if (auto cached = rbc::oracle::load_cache(path, key); cached && cached->size() == exprs.size()) {
      std::cout << "oracle: promtool verdicts from cache " << path << "\n";
      return *cached;
    }
  }
  const auto start = std::chrono::steady_clock::now();
  auto verdicts = rbc::oracle::run_promtool(exprs);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::cout << "oracle: promtool checked " << exprs.size() << " expressions in " << took.count() << " s\n";
  rbc::oracle::save_cache(path, key, verdicts);
  return verdicts;
}

// Shrinks the first few failures (RBC_ORACLE_SHRINK of each kind, default 1)
// to short reproducers; costs one promtool run per round, only on failure.
std::string shrunk_failures(const std::vector<std::string>& exprs, const rbc::oracle::Comparison& c) {
  const std::string env_n = env("RBC_ORACLE_SHRINK");
  const std::size_t n = env_n.empty() ? 1 : std::stoul(env_n);
  std::string out;
  auto run = [&](std::size_t index, bool message_kind) {
    const std::string& expr = exprs[index];
    const bool rbc_accepts = !rbc::promql::parse(expr).error;
    const auto still = [&](const std::vector<std::string>& cands) {
      const auto verdicts = rbc::oracle::run_promtool(cands);
      std::vector<bool> keep(cands.size());
      for (std::size_t i = 0; i < cands.size(); ++i) {
        const auto r = rbc::promql::parse(cands[i]);
        if (message_kind) {
          keep[i] = r.error && !verdicts[i].accepted &&
                    rbc::promql::format_error(cands[i], *r.error) != verdicts[i].message;
        } else {
          keep[i] = !r.error == rbc_accepts && verdicts[i].accepted != rbc_accepts;
        }
      }
      return keep;
    };
    const std::string small = rbc::oracle::shrink(expr, still);
    const auto prom = rbc::oracle::run_promtool({small})[0];
    const auto r = rbc::promql::parse(small);
    out += rbc::oracle::describe(index, small, prom.accepted ? "accepted" : prom.message,
                                 r.error ? rbc::promql::format_error(small, *r.error) : "accepted") +
           "\n";
  };
  for (std::size_t i = 0; i < c.disagreement_index.size() && i < n; ++i) run(c.disagreement_index[i], false);
  for (std::size_t i = 0; i < c.mismatch_index.size() && i < n; ++i) run(c.mismatch_index[i], true);
  return out;
}

// promtool's version line if it is the 2.42 oracle; otherwise skips (fails under CI=true).
std::optional<std::string> usable_promtool() {
  const std::optional<std::string> version = rbc::oracle::promtool_version();
  if (!version) {
    if (in_ci()) FAIL("promtool is not installed, but CI=true requires the oracle to run");
    std::cout << "SKIPPED: promtool not installed\n";
    return std::nullopt;
  }
  if (version->find("version 2.42.") == std::string::npos) {
    if (in_ci()) FAIL("the oracle must be promtool 2.42, found: " << *version);
    std::cout << "SKIPPED: promtool is not 2.42: " << *version << "\n";
    return std::nullopt;
  }
  return version;
}

}  // namespace

TEST_CASE("rbc's PromQL parser agrees with promtool on generated expressions", "[oracle]") {
  const std::optional<std::string> version = usable_promtool();
  if (!version) return;
  const std::uint64_t seed = oracle_seed();
  const std::size_t count = oracle_count();
  std::cout << "oracle: seed " << seed << " (RBC_ORACLE_SEED), " << count << " expressions, " << *version << "\n";

  const auto exprs = rbc::oracle::generate_batch(seed, count, rbc::oracle::GenMode::mixed);
  const auto verdicts = promtool_verdicts(seed, exprs, *version);
  REQUIRE(verdicts.size() == exprs.size());

  const auto start = std::chrono::steady_clock::now();
  const rbc::oracle::Comparison c = rbc::oracle::compare_with_promtool(exprs, verdicts);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::size_t rejected = 0;
  for (const auto& v : verdicts) rejected += v.accepted ? 0 : 1;

  std::cout << "oracle: promtool rejected " << rejected << "/" << count << "; rbc parsed all in " << took.count()
            << " s\n"
            << "oracle: accept/reject agreement " << c.verdict_agree << "/" << c.total << "\n"
            << "oracle: message agreement " << c.message_agree << "/" << c.both_rejected << " ("
            << c.message_percent() << "%)\n";
  for (const auto& m : c.message_mismatch) std::cout << "oracle: message differs " << m << "\n";
  if (!c.disagreement_index.empty() || !c.mismatch_index.empty()) {
    try {
      std::cout << "oracle: shrunk reproducers (same failure, fewer bytes):\n" << shrunk_failures(exprs, c);
    } catch (const std::exception& e) {  // e.g. rbc throwing: the report below still counts
      std::cout << "oracle: shrinking stopped: " << e.what() << "\n";
    }
  }

  std::string first;
  for (const auto& d : c.disagreements) first += d + "\n";
  INFO("seed " << seed << ": first accept/reject disagreements (reproduce with RBC_ORACLE_SEED=" << seed
                << "):\n" << first);
  CHECK(c.verdict_agree == c.total);

  const std::string floor_env = env("RBC_ORACLE_MESSAGE_FLOOR");
  const double floor = floor_env.empty() ? rbc::oracle::kMessageFloorPercent : std::stod(floor_env);
  INFO("message agreement " << c.message_percent() << "% must be at least " << floor << "%");
  CHECK(c.message_percent() >= floor);
}

TEST_CASE("promtool verdicts do not depend on batching", "[oracle]") {
  // Guards the runner: every error must land on its own rule whatever the
  // order and neighbours (multi-line regex messages included).
  if (!usable_promtool()) return;
  auto exprs = rbc::oracle::generate_batch(77, 300, rbc::oracle::GenMode::mixed);
  exprs.push_back("foo{a=~\"(\\n\"}");
  exprs.push_back("sum by (a");
  const auto forward = rbc::oracle::run_promtool(exprs);
  std::vector<std::string> reversed(exprs.rbegin(), exprs.rend());
  const auto backward = rbc::oracle::run_promtool(reversed);
  for (std::size_t i = 0; i < exprs.size(); ++i) {
    const auto& b = backward[exprs.size() - 1 - i];
    INFO(rbc::oracle::tsv_escape(exprs[i]));
    CHECK(forward[i].accepted == b.accepted);
    CHECK(forward[i].message == b.message);
  }
  CHECK(forward[exprs.size() - 2].message == "1:5: parse error: error parsing regexp: missing closing ): `^(?:(\n)$`");
  CHECK(forward.back().message == "1:10: parse error: unclosed left parenthesis");
  // and a single expression alone gives the same answer as inside the batch
  for (std::size_t i = 0; i < 5; ++i) {
    const auto alone = rbc::oracle::run_promtool({exprs[i]});
    CHECK(alone[0].message == forward[i].message);
  }
}

TEST_CASE("rbc agrees with promtool on Prometheus's own renderings", "[oracle]") {
  // String() output is canonical PromQL with its own spellings (`@ 493.000`,
  // `1e+06`, `offset -1m30s`, clauses moved); feeding it back is a cheap
  // second corpus with inputs the generator does not write itself.
  if (!usable_promtool()) return;
  std::ifstream in(std::string(RBC_TEST_DATA) + "/oracle/renderings.tsv", std::ios::binary);
  REQUIRE(in);
  std::vector<std::string> exprs;
  std::string line;
  while (std::getline(in, line)) {
    const auto fields = rbc::oracle::tsv_fields(line);
    REQUIRE(fields.size() == 2);
    exprs.push_back(rbc::oracle::tsv_unescape(fields[1]));
  }
  const auto verdicts = rbc::oracle::run_promtool(exprs);
  const rbc::oracle::Comparison c = rbc::oracle::compare_with_promtool(exprs, verdicts);
  std::cout << "oracle: renderings as input: accept/reject agreement " << c.verdict_agree << "/" << c.total
            << ", message agreement " << c.message_agree << "/" << c.both_rejected << "\n";
  std::string first;
  for (const auto& d : c.disagreements) first += d + "\n";
  for (const auto& d : c.message_mismatch) first += d + "\n";
  INFO(first);
  CHECK(c.verdict_agree == c.total);
  CHECK(c.message_agree == c.both_rejected);
}
