// Shared by the oracle tests: compares rbc's parser verdicts and messages
// with promtool's for a list of expressions.
#pragma once

#include <cstddef>
#include <exception>
#include <sstream>
#include <string>
#include <vector>

#include "../oracle/promtool_runner.hpp"
#include "../oracle/tsv.hpp"
#include "promql/parse.hpp"

namespace rbc::oracle {

// Exact "L:C: parse error: MSG" agreement required among expressions both
// rbc and promtool reject. Measured 2026-11-23 04:10 UTC: 100% on the default
// seed, on seeds 200-215 (320,000 expressions) and on the fixture, so any
// message regression fails. Lower it with RBC_ORACLE_MESSAGE_FLOOR only to
// look at a run, never in CI.
constexpr double kMessageFloorPercent = 100.0;

struct Comparison {
  std::size_t total = 0;
  std::size_t verdict_agree = 0;
  std::size_t both_rejected = 0;
  std::size_t message_agree = 0;
  std::vector<std::string> disagreements;     // accept/reject differs (first few, described)
  std::vector<std::string> message_mismatch;  // both reject, different text (first few)
  std::vector<std::size_t> disagreement_index;  // indices of the described ones
  std::vector<std::size_t> mismatch_index;

  double message_percent() const {
    return both_rejected == 0 ? 100.0 : 100.0 * static_cast<double>(message_agree) / static_cast<double>(both_rejected);
  }
};

inline std::string describe(std::size_t index, const std::string& expr, const std::string& promtool,
                            const std::string& rbc) {
  std::ostringstream os;
  os << "#" << index << " expr: " << tsv_escape(expr) << "\n    promtool: " << tsv_escape(promtool)
     << "\n    rbc:      " << tsv_escape(rbc);
  return os.str();
}

// `expected[i]` is promtool's verdict on `exprs[i]`.
inline Comparison compare_with_promtool(const std::vector<std::string>& exprs, const std::vector<Verdict>& expected,
                                        std::size_t keep = 20) {
  Comparison c;
  for (std::size_t i = 0; i < exprs.size(); ++i) {
    std::string rbc_text = "accepted";
    bool rbc_ok = true;
    bool threw = false;  // an exception is always a disagreement
    try {
      const promql::ParseResult r = promql::parse(exprs[i]);
      if (r.error) {
        rbc_ok = false;
        rbc_text = promql::format_error(exprs[i], *r.error);
      }
    } catch (const std::exception& e) {
      threw = true;
      rbc_text = std::string("exception: ") + e.what();
    }
    const std::string prom_text = expected[i].accepted ? "accepted" : expected[i].message;
    ++c.total;
    if (!threw && rbc_ok == expected[i].accepted) {
      ++c.verdict_agree;
      if (!rbc_ok) {
        ++c.both_rejected;
        if (rbc_text == prom_text) ++c.message_agree;
        else if (c.message_mismatch.size() < keep) {
          c.message_mismatch.push_back(describe(i, exprs[i], prom_text, rbc_text));
          c.mismatch_index.push_back(i);
        }
      }
    } else if (c.disagreements.size() < keep) {
      c.disagreements.push_back(describe(i, exprs[i], prom_text, rbc_text));
      c.disagreement_index.push_back(i);
    }
  }
  return c;
}

}  // namespace rbc::oracle
