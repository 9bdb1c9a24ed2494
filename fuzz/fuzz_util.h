#ifndef CNKG_FUZZ_FUZZ_UTIL_H_
#define CNKG_FUZZ_FUZZ_UTIL_H_

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "common/status.h"

namespace cnkg::fuzz {

// Stops the run with a report libFuzzer keeps as a crash: something every input must satisfy
// did not hold. `what` says which.
[[noreturn]] inline void Fail(std::string_view what) {
  std::fprintf(stderr, "cnkg fuzz: invariant broken: %.*s\n", static_cast<int>(what.size()),
               what.data());
  std::abort();
}

// A message a user sees says something, on one line (when `one_line`).
inline void CheckMessage(std::string_view message, bool one_line = true) {
  if (message.empty()) Fail("an error or warning without a message");
  if (one_line && message.find('\n') != std::string_view::npos)
    Fail("a message of more than one line");
}

// An error a user sees is a message, never a bug report (kInternal is how cnkg reports an
// exception it caught instead of crashing).
inline void CheckUserError(const Status& s, bool one_line = true) {
  if (s.ok()) return;
  CheckMessage(s.message(), one_line);
  if (s.code() == StatusCode::kInternal) Fail(s.message());
}

}  // namespace cnkg::fuzz

#endif  // CNKG_FUZZ_FUZZ_UTIL_H_
