// Seeded random PromQL (Prometheus 2.42) expression generator for
// differential testing against promtool and a real Prometheus server.
//
// Every expression is a pure function of (seed, index, mode), so a single
// failing case can be reproduced without regenerating the whole batch.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rbc::oracle {

enum class GenMode {
  valid,    // aims at expressions promtool accepts (it is not the judge)
  invalid,  // a valid expression with one subtle fault injected
  mixed,    // each index picks valid or invalid (about half each)
};

// Expression number `index` of the run identified by `seed`.
std::string generate_expression(std::uint64_t seed, std::size_t index, GenMode mode);

// Expressions 0..count-1 of the run identified by `seed`.
std::vector<std::string> generate_batch(std::uint64_t seed, std::size_t count, GenMode mode);

}  // namespace rbc::oracle
