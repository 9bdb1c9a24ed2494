#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "export/export.h"

namespace cnkg {
namespace {

namespace fs = std::filesystem;

// A fresh temporary directory, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "cnkg-exportdir.XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
  }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::set<std::string> Entries(const std::string& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

const std::vector<ExportFile> kFiles = {
    {"a.csv", "id\n\"x\"\n"}, {"load.cypher", "RETURN 1;\n"}, {"run.sh", "#!/bin/sh\n", true}};

TEST_CASE("WriteExportDirectory creates the directory with every file", "[export_dir]") {
  TempDir tmp;
  const std::string out = tmp / "out";
  REQUIRE(WriteExportDirectory(out, kFiles, false).ok());
  CHECK(Entries(out) == std::set<std::string>{"a.csv", "load.cypher", "run.sh"});
  CHECK(Read(out + "/a.csv") == "id\n\"x\"\n");
  struct stat st;
  REQUIRE(::stat((out + "/run.sh").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0755);
  REQUIRE(::stat((out + "/a.csv").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0644);
  REQUIRE(::stat(out.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0755);
  // Nothing else is left next to it; a trailing slash names the same directory.
  CHECK(Entries(tmp.path()) == std::set<std::string>{"out"});
  CHECK(!WriteExportDirectory(out + "/", kFiles, false).ok());
}

TEST_CASE("An existing empty directory is used", "[export_dir]") {
  TempDir tmp;
  fs::create_directory(tmp / "out");
  REQUIRE(WriteExportDirectory(tmp / "out", kFiles, false).ok());
  CHECK(Entries(tmp / "out").size() == 3);
  CHECK(Entries(tmp.path()) == std::set<std::string>{"out"});
}

TEST_CASE("A non-empty directory is refused without force and replaced with it", "[export_dir]") {
  TempDir tmp;
  const std::string out = tmp / "out";
  fs::create_directory(out);
  Write(out + "/old.csv", "old");
  Write(out + "/Stale.cypher", "old");
  Status s = WriteExportDirectory(out, kFiles, false);
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(s.message() == out + ": directory is not empty (use --force to replace it)");
  CHECK(Read(out + "/old.csv") == "old");

  REQUIRE(WriteExportDirectory(out, kFiles, true).ok());
  CHECK(Entries(out) == std::set<std::string>{"a.csv", "load.cypher", "run.sh"});
  CHECK(Entries(tmp.path()) == std::set<std::string>{"out"});
}

TEST_CASE("Force never deletes what an export did not write", "[export_dir]") {
  TempDir tmp;
  const std::string out = tmp / "out";
  fs::create_directory(out);
  Write(out + "/a.csv", "old");
  Write(out + "/thesis.txt", "precious");
  Status s = WriteExportDirectory(out, kFiles, true);
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(s.message() == out +
                           ": not replacing a directory that holds 'thesis.txt', which is not a "
                           "file a cnkg export writes; remove it or choose another directory");
  CHECK(Read(out + "/thesis.txt") == "precious");
  CHECK(Read(out + "/a.csv") == "old");

  fs::remove(out + "/thesis.txt");
  fs::create_directory(out + "/sub.csv");  // a directory, even with a known extension
  s = WriteExportDirectory(out, kFiles, true);
  CHECK(s.code() == StatusCode::kInvalidArgument);
  CHECK(fs::is_directory(out + "/sub.csv"));
  CHECK(Entries(tmp.path()) == std::set<std::string>{"out"});
}

TEST_CASE("Unwritable paths fail with the path and the reason", "[export_dir]") {
  TempDir tmp;
  Status s = WriteExportDirectory(tmp / "missing/out", kFiles, false);
  CHECK(s.code() == StatusCode::kIoError);
  CHECK(s.message() == tmp / "missing/out" + ": cannot write: No such file or directory");

  Write(tmp / "file", "x");
  s = WriteExportDirectory(tmp / "file", kFiles, true);
  CHECK(s.code() == StatusCode::kIoError);
  CHECK(s.message() == tmp / "file" + ": exists and is not a directory");
  CHECK(Read(tmp / "file") == "x");

  s = WriteExportDirectory(tmp / "file/out", kFiles, false);
  CHECK(s.code() == StatusCode::kIoError);
  CHECK(s.message() == tmp / "file/out" + ": cannot write: Not a directory");

  fs::create_directory(tmp / "real");
  fs::create_directory_symlink(tmp / "real", tmp / "link");
  s = WriteExportDirectory(tmp / "link", kFiles, true);
  CHECK(s.code() == StatusCode::kIoError);
  CHECK(s.message() == tmp / "link" + ": is a symbolic link; give the directory itself");

  for (const char* bad : {"", "/", ".", ".."}) {
    CHECK(WriteExportDirectory(bad, kFiles, true).code() == StatusCode::kInvalidArgument);
  }

  if (::geteuid() != 0) {  // root may write anywhere
    fs::create_directory(tmp / "ro");
    fs::permissions(tmp / "ro", fs::perms::owner_read | fs::perms::owner_exec);
    s = WriteExportDirectory(tmp / "ro/out", kFiles, false);
    CHECK(s.code() == StatusCode::kIoError);
    CHECK(s.message() == tmp / "ro/out" + ": cannot write: Permission denied");
  }
  std::set<std::string> left = Entries(tmp.path());
  left.erase("ro");
  CHECK(left == std::set<std::string>{"file", "real", "link"});
}

TEST_CASE("Bad file names are a caller bug", "[export_dir]") {
  TempDir tmp;
  for (const char* name : {"", ".", "..", ".hidden", "a/b"}) {
    Status s = WriteExportDirectory(tmp / "out", {{name, "x"}}, false);
    CHECK(s.code() == StatusCode::kInternal);
  }
  CHECK(WriteExportDirectory(tmp / "out", {{"a.csv", "1"}, {"a.csv", "2"}}, false).code() ==
        StatusCode::kInternal);
  CHECK(Entries(tmp.path()).empty());
}

TEST_CASE("The format dispatch knows which formats write directories", "[export_dir]") {
  CHECK(ExportFormatNames() ==
        std::vector<std::string>{"json", "cnkg", "graphml", "dot", "cypher", "neo4j-csv", "kuzu"});
  CHECK(IsDirectoryFormat("kuzu"));
  CHECK(!IsDirectoryFormat("cnkg"));
  CHECK(IsDirectoryFormat("neo4j-csv"));
  CHECK(!IsDirectoryFormat("cypher"));
  KnowledgeGraph kg;
  CHECK(ExportGraph(kg, "cypher").ok());
  CHECK(ExportGraph(kg, "kuzu").status().message() ==
        "export format 'kuzu' writes a directory of files, not one file");
  CHECK(ExportGraphFiles(kg, "kuzu").ok());
  CHECK(ExportGraphFiles(kg, "neo4j-csv").ok());
  CHECK(ExportGraphFiles(kg, "dot").status().message() ==
        "export format 'dot' writes one file, not a directory");
  auto unknown = ExportGraphFiles(kg, "xml");
  CHECK(unknown.status().code() == StatusCode::kInvalidArgument);
  CHECK(unknown.status().message() ==
        "unknown export format 'xml' (known: json, cnkg, graphml, dot, cypher, neo4j-csv, kuzu)");
  CHECK(ExportGraph(kg, "xml").status().message() == unknown.status().message());
}

}  // namespace
}  // namespace cnkg
