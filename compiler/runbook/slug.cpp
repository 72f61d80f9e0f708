// GitHub heading anchors, matching npm's github-slugger 2.x (the oracle, run
// by tests/oracle/slugger.sh): JavaScript toLowerCase, then delete every code
// point github-slugger's regex lists, then ' ' -> '-'.
#include "runbook/slug.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

#include "gotext/utf8.hpp"
#include "runbook/slug_tables.hpp"

namespace rbc::runbook {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kCapitalSigma = 0x03A3;
constexpr char32_t kFinalSigma = 0x03C2;
constexpr char32_t kCapitalIWithDot = 0x0130;
constexpr char32_t kCombiningDotAbove = 0x0307;

bool in_ranges(std::span<const tables::CodeRange> ranges, char32_t cp) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), cp,
                             [](char32_t c, const tables::CodeRange& r) { return c < r.first; });
  return it != ranges.begin() && cp <= std::prev(it)->last;
}

// Decodes UTF-8 the way the oracle (Node's TextDecoder, WHATWG "utf-8
// decode" with replacement) does, so that the code points surviving around
// invalid bytes are the same. Each maximal invalid subpart becomes U+FFFD.
std::vector<char32_t> decode_utf8(std::string_view bytes) {
  std::vector<char32_t> out;
  out.reserve(bytes.size());
  char32_t cp = 0;
  int needed = 0;
  int seen = 0;
  unsigned lower = 0x80;
  unsigned upper = 0xBF;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const unsigned b = static_cast<unsigned char>(bytes[i]);
    if (needed == 0) {
      if (b <= 0x7F) {
        out.push_back(b);
      } else if (b >= 0xC2 && b <= 0xDF) {
        needed = 1;
        cp = b & 0x1F;
      } else if (b >= 0xE0 && b <= 0xEF) {
        lower = b == 0xE0 ? 0xA0 : 0x80;
        upper = b == 0xED ? 0x9F : 0xBF;
        needed = 2;
        cp = b & 0x0F;
      } else if (b >= 0xF0 && b <= 0xF4) {
        lower = b == 0xF0 ? 0x90 : 0x80;
        upper = b == 0xF4 ? 0x8F : 0xBF;
        needed = 3;
        cp = b & 0x07;
      } else {
        out.push_back(kReplacement);
      }
      continue;
    }
    if (b < lower || b > upper) {
      // The broken sequence ends before this byte, which starts afresh.
      needed = seen = 0;
      lower = 0x80;
      upper = 0xBF;
      out.push_back(kReplacement);
      --i;
      continue;
    }
    lower = 0x80;
    upper = 0xBF;
    cp = (cp << 6) | (b & 0x3F);
    if (++seen == needed) {
      out.push_back(cp);
      needed = seen = 0;
    }
  }
  if (needed != 0) out.push_back(kReplacement);
  return out;
}

char32_t simple_lower(char32_t cp) {
  const auto runs = tables::lower_runs();
  auto it = std::upper_bound(runs.begin(), runs.end(), cp,
                             [](char32_t c, const tables::LowerRun& r) { return c < r.first; });
  if (it == runs.begin()) return cp;
  const auto& run = *std::prev(it);
  if (cp > run.last || (cp - run.first) % static_cast<char32_t>(run.step) != 0) return cp;
  return static_cast<char32_t>(static_cast<std::int32_t>(cp) + run.delta);
}

// Is there a cased letter next to position `at`, looking in direction `step`
// past case-ignorable code points? (ICU tests "ignorable" first, so a code
// point that is both is skipped.)
bool cased_neighbour(const std::vector<char32_t>& text, std::size_t at, int step) {
  for (auto i = static_cast<std::ptrdiff_t>(at) + step;
       i >= 0 && i < static_cast<std::ptrdiff_t>(text.size()); i += step) {
    const char32_t cp = text[static_cast<std::size_t>(i)];
    if (in_ranges(tables::case_ignorable(), cp)) continue;
    return in_ranges(tables::cased(), cp);
  }
  return false;
}

// JavaScript's String.prototype.toLowerCase: the language-independent full
// mapping, including the context-dependent final sigma.
std::vector<char32_t> to_lower(const std::vector<char32_t>& text) {
  std::vector<char32_t> out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t cp = text[i];
    if (cp == kCapitalIWithDot) {
      out.push_back(U'i');
      out.push_back(kCombiningDotAbove);
    } else if (cp == kCapitalSigma && cased_neighbour(text, i, -1) &&
               !cased_neighbour(text, i, +1)) {
      out.push_back(kFinalSigma);
    } else {
      out.push_back(simple_lower(cp));
    }
  }
  return out;
}

}  // namespace

std::string slug(std::string_view heading_text) {
  std::string out;
  out.reserve(heading_text.size());
  for (char32_t cp : to_lower(decode_utf8(heading_text))) {
    if (cp == U' ') {
      out += '-';
    } else if (!in_ranges(tables::removed(), cp)) {
      gotext::append_utf8(out, cp);
    }
  }
  return out;
}

// github-slugger's rule: a repeat of base slug B becomes B-n with B's counter
// bumped until B-n is unused, and every slug handed out (B-n included) is
// itself remembered, so a later heading "B-1" becomes "b-1-1".
std::string Slugger::next(std::string_view heading_text) {
  const std::string base = slug(heading_text);
  std::string result = base;
  while (seen_.contains(result)) {
    const int n = ++seen_[base];
    result = base + "-" + std::to_string(n);
  }
  seen_.emplace(result, 0);
  return result;
}

}  // namespace rbc::runbook
