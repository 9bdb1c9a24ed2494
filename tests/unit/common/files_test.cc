#include "common/files.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace cnkg;
namespace fs = std::filesystem;

namespace {
fs::path TempDir() {
  fs::path d = fs::temp_directory_path() / ("cnkg_files_test_" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}
}  // namespace

TEST_CASE("ReadFile names the path in its errors") {
  auto r = ReadFile("/nonexistent/cnkg/file.txt");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == StatusCode::kNotFound);
  CHECK(r.status().message() == "/nonexistent/cnkg/file.txt: no such file");
  auto d = ReadFile(TempDir().string());
  REQUIRE_FALSE(d.ok());
  CHECK(d.status().message() == TempDir().string() + ": is a directory");
}

TEST_CASE("WriteFileAtomically replaces the whole file and leaves no temporary") {
  fs::path dir = TempDir();
  fs::path p = dir / "out.json";
  REQUIRE(WriteFileAtomically(p.string(), "first").ok());
  REQUIRE(WriteFileAtomically(p.string(), "second").ok());
  CHECK(*ReadFile(p.string()) == "second");
  int files = 0;
  for (auto& e : fs::directory_iterator(dir)) {
    (void)e;
    ++files;
  }
  CHECK(files == 1);
  fs::remove_all(dir);
}

TEST_CASE("WriteFileAtomically fails cleanly on an unwritable place") {
  Status s = WriteFileAtomically("/nonexistent-dir/cnkg/out.json", "x");
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().rfind("/nonexistent-dir/cnkg/out.json: cannot write: ", 0) == 0);
  fs::path dir = TempDir();
  Status d = WriteFileAtomically(dir.string(), "x");
  REQUIRE_FALSE(d.ok());
  CHECK(d.message() == dir.string() + ": is a directory");
  fs::remove_all(dir);
}

TEST_CASE("WriteFileAtomically writes pieces one after the other") {
  fs::path dir = TempDir();
  fs::path p = dir / "out.bin";
  REQUIRE(WriteFileAtomically(p.string(), "old").ok());
  const std::string big(1 << 20, 'b');
  const std::string_view pieces[] = {"head:", "", big, ":tail"};
  REQUIRE(WriteFileAtomically(p.string(), pieces).ok());
  CHECK(*ReadFile(p.string()) == "head:" + big + ":tail");
  REQUIRE(WriteFileAtomically(p.string(), std::span<const std::string_view>()).ok());
  CHECK(ReadFile(p.string())->empty());
  Status s = WriteFileAtomically("/nonexistent-dir/cnkg/out.bin", pieces);
  REQUIRE_FALSE(s.ok());
  CHECK(s.message().rfind("/nonexistent-dir/cnkg/out.bin: cannot write: ", 0) == 0);
  fs::remove_all(dir);
}
