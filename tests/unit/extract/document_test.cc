#include "extract/core/document.h"

#include <catch2/catch.hpp>

using namespace cnkg;

TEST_CASE("Documents are split into lines, CRLF and BOM handled") {
  auto d = MakeDocument("a.txt", "\xEF\xBB\xBFone\r\ntwo\n\nfour");
  REQUIRE(d.ok());
  REQUIRE(d->lines.size() == 4);
  CHECK(d->lines[0] == "one");
  CHECK(d->lines[1] == "two");
  CHECK(d->lines[2].empty());
  CHECK(d->lines[3] == "four");
}

TEST_CASE("A lone CR ends a line too") {
  auto d = MakeDocument("a.txt", "one\rtwo\r\r\nthree\r");
  REQUIRE(d.ok());
  CHECK(d->text == "one\ntwo\n\nthree\n");
  REQUIRE(d->lines.size() == 4);
  CHECK(d->lines[3] == "three");
}

namespace {
// True when every line is a view of the document's own text.
bool LinesViewOwnText(const Document& d) {
  for (std::string_view l : d.lines)
    if (l.data() < d.text.data() || l.data() + l.size() > d.text.data() + d.text.size())
      return false;
  return true;
}
}  // namespace

TEST_CASE("A copied or moved document's lines view its own text") {
  // A short text lives inside the string object itself, so moving it moves the bytes.
  for (std::string text : {std::string("a\nb"), std::string(200, 'x') + "\n" + "tail"}) {
    auto made = MakeDocument("a.txt", text);
    REQUIRE(made.ok());
    Document original = std::move(made).value();
    REQUIRE(LinesViewOwnText(original));
    Document copy = original;
    CHECK(LinesViewOwnText(copy));
    CHECK(copy.lines == original.lines);
    Document moved = std::move(copy);
    CHECK(LinesViewOwnText(moved));
    CHECK(moved.lines == original.lines);
    CHECK(moved.path == "a.txt");
    Document assigned;
    assigned = original;
    CHECK(LinesViewOwnText(assigned));
    Document move_assigned;
    move_assigned = std::move(assigned);
    CHECK(LinesViewOwnText(move_assigned));
    CHECK(move_assigned.lines == original.lines);
    CHECK(move_assigned.name == original.name);
    std::vector<Document> many;
    for (int i = 0; i < 20; ++i) many.push_back(original);  // moved on growth
    for (const Document& d : many) CHECK(LinesViewOwnText(d));
  }
}

TEST_CASE("Unreadable documents give one-line messages naming the file") {
  auto msg = [](std::string bytes) {
    auto d = MakeDocument("in.txt", std::move(bytes));
    REQUIRE_FALSE(d.ok());
    return d.status().message();
  };
  CHECK(msg("") == "in.txt: empty document");
  CHECK(msg(" \n\t\n") == "in.txt: empty document");
  CHECK(msg(std::string("PK\x03\x04\0\0", 6)) ==
        "in.txt: binary file (contains NUL bytes), not a text document");
  auto missing = LoadDocument("/nonexistent/cnkg.txt");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == "/nonexistent/cnkg.txt: no such file");
}

TEST_CASE("A document's identity is its path below the folder it was found in, or as given") {
  CHECK(DocumentIdentity("a.txt") == "a.txt");
  CHECK(DocumentIdentity("./posts/../a.txt") == "a.txt");
  CHECK(DocumentIdentity("/srv/blog/a/index.md") == "/srv/blog/a/index.md");
  CHECK(DocumentIdentity("/srv/blog/a/index.md", "/srv/blog") == "blog/a/index.md");
  CHECK(DocumentIdentity("/srv/blog/a/index.md", "/srv/blog/") == "blog/a/index.md");
  CHECK(DocumentIdentity("posts/a/index.md", "posts") == "posts/a/index.md");
  // The same file found from another working directory keeps its identity.
  CHECK(DocumentIdentity("../posts/a/index.md", "../posts") == "posts/a/index.md");
  auto d = MakeDocument("dir/x.md", "text\n");
  REQUIRE(d.ok());
  CHECK(d->name == "dir/x.md");
  auto named = MakeDocument("dir/x.md", "text\n", "blog/x.md");
  REQUIRE(named.ok());
  CHECK(named->path == "dir/x.md");
  CHECK(named->name == "blog/x.md");
}

TEST_CASE("Bytes that are not UTF-8 are read as Windows-1252, with a warning") {
  auto d = MakeDocument("mixed.txt", "caf\xC3\xA9 ok\nna\xEFve \x93quoted\x94 \x80\n");
  REQUIRE(d.ok());
  CHECK(d->lines[0] == "caf\xC3\xA9 ok");  // valid UTF-8 kept as is
  CHECK(d->lines[1] == "na\xC3\xAFve \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC");
  REQUIRE(d->diagnostics.size() == 1);
  const Diagnostic& w = d->diagnostics[0];
  CHECK(w.severity == Diagnostic::Severity::kWarning);
  CHECK(w.document == "mixed.txt");
  CHECK(w.line == 2);
  CHECK(w.column == 3);
  CHECK(w.message == "not valid UTF-8; bytes that are not UTF-8 were read as Windows-1252");
  CHECK(w.ToString() ==
        "mixed.txt:2:3: warning: not valid UTF-8; bytes that are not UTF-8 were read as "
        "Windows-1252");
  auto clean = MakeDocument("ok.txt", "plain\n");
  CHECK(clean->diagnostics.empty());
}
