// Differential fuzzing of the PromQL parser against promtool 2.42: libFuzzer
// mutates inputs guided by coverage of rbc's parser; every distinct valid
// UTF-8 input is parsed by rbc and queued, and each full batch goes to
// promtool as one rule file (tests/oracle/promtool_runner). Disagreements
// are appended to a TSV file rather than aborting, so one run collects them
// all:  kind \t expression \t rbc's answer \t promtool's answer
// kind is "verdict" (accept/reject differs) or "message" (both reject,
// different text or position).
// Environment: RBC_DIFF_OUT (default promql-diff.tsv), RBC_DIFF_BATCH
// (default 2000), PROMTOOL (default promtool).
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "fuzz_target.hpp"
#include "promql/parse.hpp"
#include "promtool_runner.hpp"
#include "tsv.hpp"

namespace {

struct Pending {
  std::string expr;
  bool accepted = false;
  std::string message;  // rbc's format_error() when rejected
};

struct Totals {
  std::size_t checked = 0;
  std::size_t verdict = 0;
  std::size_t message = 0;
  std::size_t harness_errors = 0;
};

std::string env_or(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : fallback;
}

// Strict UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF): the only text a rule file can carry to promtool unchanged.
bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
    if (len == 0 || b > 0xF4 || i + len > s.size()) return false;
    char32_t cp = b & (0x3F >> (len - 1));
    for (std::size_t k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    const char32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

// promtool reports an empty or blank expr as a missing field, not a parse
// verdict; such inputs say nothing about the parser.
bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

class Differ {
 public:
  Differ()
      : out_path_(env_or("RBC_DIFF_OUT", "promql-diff.tsv")),
        promtool_(env_or("PROMTOOL", "promtool")),
        batch_size_(std::stoul(env_or("RBC_DIFF_BATCH", "2000"))) {}

  void add(std::string_view text) {
    if (blank(text) || !valid_utf8(text)) return;
    if (!seen_.insert(std::hash<std::string_view>{}(text)).second) return;
    const rbc::promql::ParseResult result = rbc::promql::parse(text);
    Pending p{std::string(text), !result.error, ""};
    if (result.error) p.message = rbc::promql::format_error(text, *result.error);
    pending_.push_back(std::move(p));
    if (pending_.size() >= batch_size_) flush();
  }

  void flush() {
    if (pending_.empty()) return;
    std::vector<std::string> exprs;
    for (const Pending& p : pending_) exprs.push_back(p.expr);
    std::vector<rbc::oracle::Verdict> verdicts;
    try {
      verdicts = rbc::oracle::run_promtool(exprs, promtool_);
    } catch (const std::exception& e) {
      ++totals_.harness_errors;
      std::fprintf(stderr, "promql_diff: promtool batch not mapped: %s\n", e.what());
      pending_.clear();
      return;
    }
    FILE* out = std::fopen(out_path_.c_str(), "a");
    for (std::size_t i = 0; i < pending_.size(); ++i) compare(pending_[i], verdicts[i], out);
    if (out != nullptr) std::fclose(out);
    totals_.checked += pending_.size();
    pending_.clear();
    std::fprintf(stderr, "promql_diff: %zu checked, %zu verdict and %zu message disagreements\n",
                 totals_.checked, totals_.verdict, totals_.message);
  }

 private:
  void compare(const Pending& rbc_side, const rbc::oracle::Verdict& promtool, FILE* out) {
    const char* kind = nullptr;
    if (rbc_side.accepted != promtool.accepted) {
      kind = "verdict";
      ++totals_.verdict;
    } else if (!rbc_side.accepted && rbc_side.message != promtool.message) {
      kind = "message";
      ++totals_.message;
    }
    if (kind == nullptr || out == nullptr) return;
    using rbc::oracle::tsv_escape;
    const std::string ours = rbc_side.accepted ? "OK" : tsv_escape(rbc_side.message);
    const std::string theirs = promtool.accepted ? "OK" : tsv_escape(promtool.message);
    std::fprintf(out, "%s\t%s\t%s\t%s\n", kind, tsv_escape(rbc_side.expr).c_str(), ours.c_str(),
                 theirs.c_str());
  }

  std::string out_path_;
  std::string promtool_;
  std::size_t batch_size_;
  std::vector<Pending> pending_;
  std::unordered_set<std::size_t> seen_;
  Totals totals_;
};

// Never destroyed: the exit handler that checks the last batch runs after
// static destructors may have.
Differ& differ() {
  static Differ* d = [] {
    auto* made = new Differ;
    std::atexit([] { differ().flush(); });
    return made;
  }();
  return *d;
}

}  // namespace

RBC_FUZZ_TARGET(promql_diff) {
  differ().add(rbc::fuzz::as_text(data, size));
  return 0;
}
