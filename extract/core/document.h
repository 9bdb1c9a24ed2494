#ifndef CNKG_EXTRACT_CORE_DOCUMENT_H_
#define CNKG_EXTRACT_CORE_DOCUMENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "graph/batch.h"

namespace cnkg {

// A loaded document: where it was read from, the name that identifies it in a graph, its text
// (valid UTF-8, a leading BOM removed, CRLF turned into LF) and its lines without line
// terminators (line i is lines[i - 1]), which are views of `text`: a copy or move of the document
// views its own text, and `text` must not change once the lines are set.
struct Document {
  Document() = default;
  Document(const Document& other);
  Document(Document&& other) noexcept;
  Document& operator=(const Document& other);
  Document& operator=(Document&& other) noexcept;

  // The path the document was read from, as the caller gave it. Messages about the file use it.
  std::string path;
  // The document's identity: what evidence names and what the Document node is keyed by, stable
  // across rebuilds so that building the document again replaces its earlier share of a graph.
  // The build pipeline sets it to the path relative to the folder the file was found under,
  // prefixed with that folder's name ("posts/kubecon/index.md"), or to the path as given,
  // lexically normalised ("a/../b.md" -> "b.md"). Never empty.
  std::string name;
  std::string text;
  std::vector<std::string_view> lines;
  // Problems that did not stop the reading (bytes that were not UTF-8 and were read as
  // Windows-1252), naming this document's path, line and column.
  std::vector<Diagnostic> diagnostics;
  // The IANA time zone ("Europe/Berlin", from `cnkg build --timezone`) of local times that the
  // document writes without a zone and does not place itself (Sessionize and sched JSON times);
  // empty for none. Readers that use it must check it (IsKnownTimeZone in grammar/local_time.h).
  std::string time_zone;
};

// The identity of a file found at `path` by walking the folder `root` (a prefix of `path`): the
// folder's own name followed by the path below it, with '/' separators ("blog/a/index.md" for
// root "/home/me/blog" or "."). With an empty `root`, the path as given, lexically normalised.
std::string DocumentIdentity(const std::string& path, const std::string& root = "");

// Reads a document; its name is `name`, or DocumentIdentity(path) when `name` is empty. Errors,
// each a one-line message naming the file: missing or unreadable file, empty file, binary content
// (NUL bytes). Text that is not valid UTF-8 (a Latin-1 or Windows-1252 file, or one with mixed
// encodings) is not an error: every byte that is not part of a valid UTF-8 sequence is read as
// Windows-1252, so nothing is lost, and a warning names the line and column of the first such byte.
Result<Document> LoadDocument(const std::string& path, std::string name = "");

// The same checks for text already in memory; `path` names it in messages, and `name` (or
// DocumentIdentity(path) when empty) identifies it.
Result<Document> MakeDocument(std::string path, std::string bytes, std::string name = "");

}  // namespace cnkg

#endif  // CNKG_EXTRACT_CORE_DOCUMENT_H_
