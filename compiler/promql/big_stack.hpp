// Runs deeply recursive work (parsing, checking, printing hostile input) on a
// thread with a large, lazily committed stack.
#pragma once

#include <functional>

namespace rbc::promql {

// Runs fn on a worker thread with a multi-GiB stack and waits for it; falls
// back to the calling thread if no such thread can be created.
void run_with_big_stack(const std::function<void()>& fn);

// Inputs up to this many bytes cannot nest deeply enough to need it.
inline constexpr std::size_t kSmallInput = 1024;

}  // namespace rbc::promql
