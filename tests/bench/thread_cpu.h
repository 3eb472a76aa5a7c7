// CPU time of the calling thread, for benchmarks that time two things in turn within one
// iteration (an answer and its floor, or one query at two scales): a ratio of two benchmarks run
// minutes apart measured the shared machine as much as the code.
#pragma once

#include <time.h>

namespace parley::bench {

// CPU time of this thread, in microseconds.
inline double thread_cpu_us() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

}  // namespace parley::bench
