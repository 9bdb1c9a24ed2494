#ifndef CNKG_EXTRACT_CORE_DOCUMENT_H_
#define CNKG_EXTRACT_CORE_DOCUMENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace cnkg {

// The kinds of document cnkg reads.
enum class DocumentFormat {
  kUnknown,
  kScheduleText,  // sched-style text export: "Title#" lines followed by "Time:", "Speakers:"...
  kArticle,       // prose: a recap post or talk list, plain text or Markdown
  kLandscape,     // the CNCF landscape data file (landscape.yml)
};

std::string_view FormatName(DocumentFormat f);  // "schedule", "article", "landscape", "unknown"
// Parses a --format value; nullopt-like kUnknown for anything else.
DocumentFormat ParseFormatName(std::string_view name);

// A loaded document: its path as given, its text (valid UTF-8, a leading BOM removed, CRLF
// turned into LF) and its lines without line terminators (line i is lines[i - 1]).
struct Document {
  std::string path;
  std::string text;
  std::vector<std::string> lines;
  // Problems that did not stop the reading, as "PATH:LINE:COL: message" (e.g. bytes that were
  // not UTF-8 and were read as Windows-1252).
  std::vector<std::string> warnings;
};

// Reads a document. Errors, each a one-line message naming the file: missing or unreadable file,
// empty file, binary content (NUL bytes). Text that is not valid UTF-8 (a Latin-1 or Windows-1252
// file, or one with mixed encodings) is not an error: every byte that is not part of a valid
// UTF-8 sequence is read as Windows-1252, so nothing is lost, and a warning names the line and
// column of the first such byte.
Result<Document> LoadDocument(const std::string& path);

// The same checks for text already in memory; `path` only names it in messages.
Result<Document> MakeDocument(std::string path, std::string bytes);

// Guesses the format from content. Returns kUnknown when no reader recognises it.
DocumentFormat DetectFormat(const Document& doc);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_CORE_DOCUMENT_H_
