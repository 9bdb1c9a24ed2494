#include "extract/document.h"

#include <algorithm>

#include "common/files.h"
#include "common/strings.h"

namespace cnkg {

std::string_view FormatName(DocumentFormat f) {
  switch (f) {
    case DocumentFormat::kScheduleText: return "schedule";
    case DocumentFormat::kArticle: return "article";
    case DocumentFormat::kLandscape: return "landscape";
    case DocumentFormat::kUnknown: return "unknown";
  }
  return "unknown";
}

DocumentFormat ParseFormatName(std::string_view name) {
  if (name == "schedule") return DocumentFormat::kScheduleText;
  if (name == "article") return DocumentFormat::kArticle;
  if (name == "landscape") return DocumentFormat::kLandscape;
  return DocumentFormat::kUnknown;
}

Result<Document> LoadDocument(const std::string& path) {
  auto bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  return MakeDocument(path, std::move(bytes).value());
}

Result<Document> MakeDocument(std::string path, std::string bytes) {
  if (Trim(bytes).empty()) {
    return Status::ParseError(path + ": empty document");
  }
  if (bytes.find('\0') != std::string::npos) {
    return Status::ParseError(path + ": binary file (contains NUL bytes), not a text document");
  }
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
  std::size_t bad = 0;
  if (!IsValidUtf8(bytes, &bad)) {
    int line = 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(bad), '\n'));
    std::size_t line_start = bytes.rfind('\n', bad == 0 ? 0 : bad - 1);
    line_start = (line_start == std::string::npos || bad == 0) ? 0 : line_start + 1;
    std::size_t col = 1 + Utf8Length(std::string_view(bytes).substr(line_start, bad - line_start));
    return Status::ParseError(path + ":" + std::to_string(line) + ":" + std::to_string(col) +
                              ": invalid UTF-8; convert the file to UTF-8 first");
  }
  Document doc;
  doc.path = std::move(path);
  doc.text.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') continue;
    doc.text.push_back(bytes[i] == '\r' ? '\n' : bytes[i]);
  }
  std::string_view t = doc.text;
  std::size_t start = 0;
  while (start <= t.size()) {
    std::size_t nl = t.find('\n', start);
    if (nl == std::string_view::npos) {
      if (start < t.size()) doc.lines.emplace_back(t.substr(start));
      break;
    }
    doc.lines.emplace_back(t.substr(start, nl - start));
    start = nl + 1;
  }
  return doc;
}

}  // namespace cnkg
