// One entry point per fuzz target. Built with RBC_FUZZ it is libFuzzer's
// LLVMFuzzerTestOneInput; in the plain replay build (rbc_fuzz_replay) every
// target lives in one executable, so each gets its own name there.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#ifdef RBC_FUZZ_REPLAY
#define RBC_FUZZ_TARGET(name) \
  extern "C" int rbc_fuzz_##name(const std::uint8_t* data, std::size_t size)
#else
#define RBC_FUZZ_TARGET(name) \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
#endif

namespace rbc::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A broken invariant is a finding like a crash: abort so that libFuzzer
// keeps the input and the replay test fails.
inline void require(bool ok) {
  if (!ok) std::abort();
}

}  // namespace rbc::fuzz
