// Data-driven query cases: each tests/data/queries/<case>.cypher runs over the fixture graph and
// its output must equal <case>.expected exactly.
//
// A case file may start with directive comments:
//   // param: name=value      (repeatable; like --param)
//   // max-rows: N            (like --max-rows)
//   // max-hops: N            (the default bound of variable-length patterns)
//   // format: table|json|csv (default table)
// The expected output is the notices ("notice: ..." lines) followed by the formatted result, or
// "error: MESSAGE" for a query that fails. Set CNKG_UPDATE_QUERY_CASES=1 to rewrite the
// .expected files from the current output (then review the diff).

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/strings.h"
#include "query_fixture.h"

namespace cnkg::query_test {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string RunCase(const std::string& text) {
  QueryOptions options;
  std::string format = "table";
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::string_view l = Trim(line);
    if (l.substr(0, 2) != "//") break;
    l = Trim(l.substr(2));
    auto directive = [&](std::string_view name) -> std::optional<std::string> {
      if (l.substr(0, name.size()) != name) return std::nullopt;
      return std::string(Trim(l.substr(name.size())));
    };
    if (auto v = directive("param:")) {
      auto eq = v->find('=');
      REQUIRE(eq != std::string::npos);
      options.params[v->substr(0, eq)] = v->substr(eq + 1);
    } else if (auto v = directive("max-rows:")) {
      options.max_rows = std::stoul(*v);
    } else if (auto v = directive("max-hops:")) {
      options.default_max_hops = std::stoi(*v);
    } else if (auto v = directive("format:")) {
      format = *v;
    }
  }
  auto r = RunQuery(FixtureGraph(), text, options);
  if (!r.ok()) return "error: " + r.status().message() + "\n";
  std::string out;
  for (const auto& n : r->notices) out += "notice: " + n + "\n";
  if (format == "json") {
    out += FormatJson(*r);
  } else if (format == "csv") {
    out += FormatCsv(*r);
  } else {
    out += FormatTable(*r);
  }
  return out;
}

TEST_CASE("Query cases over the fixture graph", "[query][cases]") {
  const fs::path dir = fs::path(CNKG_TEST_DATA_DIR) / "queries";
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".cypher") cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 20);
  const bool update = std::getenv("CNKG_UPDATE_QUERY_CASES") != nullptr;
  for (const fs::path& c : cases) {
    fs::path expected_path = c;
    expected_path.replace_extension(".expected");
    const std::string actual = RunCase(ReadAll(c));
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << actual;
      continue;
    }
    INFO("case " << c.filename().string());
    REQUIRE(fs::exists(expected_path));
    CHECK(actual == ReadAll(expected_path));
  }
}

}  // namespace
}  // namespace cnkg::query_test
