#ifndef CNKG_FUZZ_FUZZ_UTIL_H_
#define CNKG_FUZZ_FUZZ_UTIL_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/status.h"
#include "common/strings.h"
#include "graph/batch.h"

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

// What a reader hands the graph is text: every string of the batch is valid UTF-8 (the binary
// graph file refuses anything else, so a reader that lets other bytes through writes a graph
// that cannot be read back).
inline void CheckBatchText(const ExtractionBatch& batch) {
  auto check = [](const std::string& s, const char* what) {
    if (!IsValidUtf8(s)) Fail(std::string("a batch ") + what + " is not valid UTF-8");
  };
  auto check_properties = [&](const Properties& properties) {
    for (const auto& [name, value] : properties) {
      check(name, "property name");
      if (const auto* s = std::get_if<std::string>(&value)) check(*s, "property value");
      if (const auto* list = std::get_if<std::vector<std::string>>(&value))
        for (const std::string& s : *list) check(s, "property value");
    }
  };
  for (const EntityRecord& e : batch.entities) {
    check(e.key, "key");
    check(e.name, "name");
    for (const std::string& a : e.aliases) check(a, "alias");
    check_properties(e.properties);
    check(e.evidence.text, "evidence text");
  }
  for (const RelationRecord& r : batch.relations) {
    check(r.source, "relation source");
    check(r.target, "relation target");
    check_properties(r.properties);
    check(r.evidence.text, "evidence text");
  }
}

}  // namespace cnkg::fuzz

#endif  // CNKG_FUZZ_FUZZ_UTIL_H_
