#include "promql/big_stack.hpp"

#include <pthread.h>

#include <exception>

namespace rbc::promql {
namespace {

struct Job {
  const std::function<void()>* fn;
  std::exception_ptr error;
};

void* trampoline(void* arg) {
  auto* job = static_cast<Job*>(arg);
  try {
    (*job->fn)();
  } catch (...) {
    job->error = std::current_exception();
  }
  return nullptr;
}

}  // namespace

void run_with_big_stack(const std::function<void()>& fn) {
  Job job{&fn, nullptr};
  // Only touched pages cost memory; try smaller sizes if the kernel refuses.
  for (std::size_t size : {std::size_t{4} << 30, std::size_t{1} << 30, std::size_t{256} << 20}) {
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0) break;
    pthread_t thread;
    const bool ok = pthread_attr_setstacksize(&attr, size) == 0 &&
                    pthread_create(&thread, &attr, trampoline, &job) == 0;
    pthread_attr_destroy(&attr);
    if (ok) {
      pthread_join(thread, nullptr);
      if (job.error) std::rethrow_exception(job.error);
      return;
    }
  }
  fn();
}

}  // namespace rbc::promql
