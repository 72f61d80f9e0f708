#include "shrink.hpp"

#include <algorithm>
#include <string_view>

namespace rbc::oracle {
namespace {

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    const std::size_t len = b0 < 0x80 ? 1 : b0 >= 0xF8 ? 0 : b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

std::string shrink(const std::string& expr, const BatchPredicate& interesting, std::size_t max_rounds) {
  std::string best = expr;
  std::size_t chunk = best.size() / 2;
  for (std::size_t round = 0; round < max_rounds && chunk > 0; ++round) {
    std::vector<std::string> candidates;
    for (std::size_t start = 0; start < best.size(); start += chunk) {
      std::string c = best.substr(0, start) + best.substr(std::min(best.size(), start + chunk));
      if (!blank(c) && valid_utf8(c)) candidates.push_back(std::move(c));
    }
    const std::vector<bool> keep = candidates.empty() ? std::vector<bool>{} : interesting(candidates);
    bool progressed = false;
    for (std::size_t i = 0; i < candidates.size() && i < keep.size(); ++i) {
      if (keep[i] && candidates[i].size() < best.size()) {
        best = candidates[i];
        progressed = true;
        break;
      }
    }
    if (!progressed) chunk /= 2;
    else chunk = std::min(chunk, best.size() / 2 > 0 ? best.size() / 2 : 1);
  }
  return best;
}

}  // namespace rbc::oracle
