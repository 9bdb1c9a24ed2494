// How build diagnostics are printed: repeated warnings of one kind are summarised
// (extract/pipeline.h DiagnosticLines).

#include <catch2/catch.hpp>

#include "extract/pipeline.h"

using namespace cnkg;

namespace {

Diagnostic Warn(const std::string& doc, int line, const std::string& message) {
  return {Diagnostic::Severity::kWarning, doc, line, message};
}

}  // namespace

TEST_CASE("Warnings of one kind are printed three times, then counted") {
  std::vector<Diagnostic> d;
  for (int i = 1; i <= 6; ++i)
    d.push_back(Warn("a.txt", i * 10, "time of 'Talk " + std::to_string(i) + "' skipped"));
  d.push_back(Warn("a.txt", 70, "unknown time zone 'XYZ'"));
  d.push_back(Warn("b.txt", 3, "time of 'Other' skipped"));
  d.push_back({Diagnostic::Severity::kError, "", 0, "c.txt: no such file or directory"});
  const std::vector<std::string> lines = DiagnosticLines(d, /*verbose=*/false);
  REQUIRE(lines.size() == 7);
  CHECK(lines[0] == "a.txt:10: warning: time of 'Talk 1' skipped");
  CHECK(lines[2] == "a.txt:30: warning: time of 'Talk 3' skipped");
  CHECK(lines[3] == "a.txt:70: warning: unknown time zone 'XYZ'");
  CHECK(lines[4] ==
        "cnkg: warning: a.txt: … and 3 more warnings like \"time of 'Talk 4' skipped\" "
        "(--verbose prints them all)");
  CHECK(lines[5] == "b.txt:3: warning: time of 'Other' skipped");
  CHECK(lines[6] == "cnkg: c.txt: no such file or directory");
  CHECK(DiagnosticLines(d, /*verbose=*/true).size() == 9);
}

TEST_CASE("Errors are never summarised") {
  std::vector<Diagnostic> d;
  for (int i = 1; i <= 5; ++i)
    d.push_back({Diagnostic::Severity::kError, "a.txt", i, "bad line"});
  CHECK(DiagnosticLines(d, false).size() == 5);
}
