#include "extract/core/document.h"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "common/files.h"
#include "common/strings.h"

namespace cnkg {

namespace fs = std::filesystem;

std::string DocumentIdentity(const std::string& path, const std::string& root) {
  if (root.empty()) {
    std::string normal = fs::path(path).lexically_normal().generic_string();
    return normal.empty() || normal == "." ? path : normal;
  }
  fs::path rel = fs::path(path).lexically_relative(root);
  if (rel.empty() || *rel.begin() == "..") return DocumentIdentity(path);
  // The folder's own name: for "." or "dir/", the name of the folder it stands for.
  fs::path folder = fs::path(root).lexically_normal();
  if (folder.filename().empty() || folder.filename() == "." || folder.filename() == "..") {
    std::error_code ec;
    fs::path absolute = fs::weakly_canonical(fs::absolute(root, ec), ec);
    folder = absolute.filename().empty() ? absolute.parent_path() : absolute;
  }
  std::string name = folder.filename().generic_string();
  return (name.empty() ? rel : fs::path(name) / rel).lexically_normal().generic_string();
}

namespace {

// Keeps valid UTF-8 sequences and turns every other byte into the UTF-8 of its Windows-1252
// character (bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D, undefined there, become U+FFFD).
std::string RepairUtf8(const std::string& in) {
  static constexpr char16_t kC1[32] = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  std::string out;
  out.reserve(in.size() + in.size() / 8);
  std::size_t i = 0;
  while (i < in.size()) {
    std::size_t bad = 0;
    std::string_view rest = std::string_view(in).substr(i);
    if (IsValidUtf8(rest, &bad)) {
      out.append(rest);
      break;
    }
    out.append(rest.substr(0, bad));
    unsigned char b = static_cast<unsigned char>(rest[bad]);
    char32_t cp = b >= 0x80 && b < 0xA0 ? kC1[b - 0x80] : b;
    if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    i += bad + 1;
  }
  return out;
}

// Points `lines`, views of a text that started at `old_base`, at the same places of `text`.
void Rebase(std::vector<std::string_view>& lines, const char* old_base, const std::string& text) {
  if (old_base == text.data()) return;
  for (std::string_view& l : lines)
    l = std::string_view(text.data() + (l.data() - old_base), l.size());
}

}  // namespace

Document::Document(const Document& other)
    : path(other.path),
      name(other.name),
      text(other.text),
      lines(other.lines),
      diagnostics(other.diagnostics),
      time_zone(other.time_zone) {
  Rebase(lines, other.text.data(), text);
}

Document::Document(Document&& other) noexcept { *this = std::move(other); }

Document& Document::operator=(const Document& other) {
  if (this != &other) *this = Document(other);
  return *this;
}

Document& Document::operator=(Document&& other) noexcept {
  if (this == &other) return *this;
  path = std::move(other.path);
  name = std::move(other.name);
  diagnostics = std::move(other.diagnostics);
  time_zone = std::move(other.time_zone);
  const char* old_base = other.text.data();
  text = std::move(other.text);
  lines = std::move(other.lines);
  Rebase(lines, old_base, text);
  other.text.clear();
  other.lines.clear();
  return *this;
}

Result<Document> LoadDocument(const std::string& path, std::string name) {
  auto bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  return MakeDocument(path, std::move(bytes).value(), std::move(name));
}

Result<Document> MakeDocument(std::string path, std::string bytes, std::string name) {
  if (Trim(bytes).empty()) {
    return Status::ParseError(path + ": empty document");
  }
  if (bytes.find('\0') != std::string::npos) {
    return Status::ParseError(path + ": binary file (contains NUL bytes), not a text document");
  }
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
  std::optional<Diagnostic> warning;
  std::size_t bad = 0;
  if (!IsValidUtf8(bytes, &bad)) {
    int line = 1 + static_cast<int>(
                       std::count(bytes.begin(), bytes.begin() + static_cast<long>(bad), '\n'));
    std::size_t line_start = bytes.rfind('\n', bad == 0 ? 0 : bad - 1);
    line_start = (line_start == std::string::npos || bad == 0) ? 0 : line_start + 1;
    std::size_t col = 1 + Utf8Length(std::string_view(bytes).substr(line_start, bad - line_start));
    warning = Diagnostic{Diagnostic::Severity::kWarning, path, line,
                         "not valid UTF-8; bytes that are not UTF-8 were read as Windows-1252",
                         static_cast<int>(col)};
    bytes = RepairUtf8(bytes);
  }
  Document doc;
  if (warning) doc.diagnostics.push_back(std::move(*warning));
  doc.name = name.empty() ? DocumentIdentity(path) : std::move(name);
  doc.path = std::move(path);
  // CRLF and lone CR become LF, in place.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') continue;
    bytes[kept++] = bytes[i] == '\r' ? '\n' : bytes[i];
  }
  bytes.resize(kept);
  doc.text = std::move(bytes);
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
