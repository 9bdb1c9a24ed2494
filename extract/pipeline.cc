#include "extract/pipeline.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>

#include "graph/builder.h"

namespace cnkg {
namespace fs = std::filesystem;

namespace {

// A warning's kind: its message with quoted text and numbers set aside.
std::string WarningKind(const std::string& message) {
  std::string out;
  char quote = 0;
  for (std::size_t i = 0; i < message.size(); ++i) {
    const char c = message[i];
    if (quote) {
      if (c == quote) {
        quote = 0;
        out += "…" + std::string(1, c);
      }
      continue;
    }
    const bool opens = (c == '\'' || c == '"') &&
                       (i == 0 || message[i - 1] == ' ' || message[i - 1] == '(');
    if (opens) {
      quote = c;
      out += c;
      continue;
    }
    if (c >= '0' && c <= '9') {
      if (out.empty() || out.back() != '#') out += '#';
      continue;
    }
    out += c;
  }
  return out;
}

std::string Line(const Diagnostic& d) {
  // Diagnostics about a whole file carry the file in their message; others name file and line.
  if (!d.document.empty()) return d.ToString();
  const bool warning = d.severity == Diagnostic::Severity::kWarning;
  return (warning ? "cnkg: warning: " : "cnkg: ") + d.message;
}

}  // namespace

std::vector<std::string> DiagnosticLines(const std::vector<Diagnostic>& diagnostics, bool verbose,
                                         int per_kind) {
  std::vector<std::string> out;
  // Per document: kind -> (count, first message), in the order kinds first went over the limit.
  std::map<std::pair<std::string, std::string>, int> seen;
  std::vector<std::pair<std::string, std::string>> summarised;  // (document, kind)
  std::map<std::pair<std::string, std::string>, std::string> example;
  auto flush = [&](const std::string& document) {
    for (auto it = summarised.begin(); it != summarised.end();) {
      if (it->first != document) {
        ++it;
        continue;
      }
      const int more = seen[*it] - per_kind;
      out.push_back("cnkg: warning: " + document + ": … and " + std::to_string(more) + " more " +
                    (more == 1 ? "warning" : "warnings") + " like \"" + example[*it] +
                    "\" (--verbose prints them all)");
      it = summarised.erase(it);
    }
  };
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const Diagnostic& d = diagnostics[i];
    const bool warning = d.severity == Diagnostic::Severity::kWarning;
    if (verbose || !warning || d.document.empty()) {
      out.push_back(Line(d));
    } else {
      const auto key = std::make_pair(d.document, WarningKind(d.message));
      const int n = ++seen[key];
      if (n <= per_kind) {
        out.push_back(Line(d));
      } else if (n == per_kind + 1) {
        summarised.push_back(key);
        example[key] = d.message;
      }
    }
    const bool last_of_document =
        i + 1 == diagnostics.size() || diagnostics[i + 1].document != d.document;
    if (!d.document.empty() && last_of_document) flush(d.document);
  }
  return out;
}

bool BuildReport::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
    return d.severity == Diagnostic::Severity::kError;
  });
}

namespace {

Diagnostic MakeError(const std::string& message) {
  // Messages from Status already start with "FILE[:LINE]: ".
  Diagnostic d;
  d.severity = Diagnostic::Severity::kError;
  d.message = message;
  return d;
}

bool Hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

}  // namespace

std::vector<InputFile> ExpandInputs(const std::vector<std::string>& inputs, BuildReport& report) {
  std::vector<InputFile> out;
  for (const std::string& in : inputs) {
    std::error_code ec;
    fs::file_status st = fs::status(in, ec);
    if (ec || !fs::exists(st)) {
      report.diagnostics.push_back(MakeError(in + ": no such file or directory"));
      continue;
    }
    if (!fs::is_directory(st)) {
      out.push_back({in, false, DocumentIdentity(in)});
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      report.diagnostics.push_back(MakeError(in + ": cannot list directory: " + ec.message()));
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      if (Hidden(it->path())) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    for (auto& f : found) {
      std::string name = DocumentIdentity(f, in);
      out.push_back({std::move(f), true, std::move(name)});
    }
  }
  return out;
}

void BuildGraph(const std::vector<std::string>& inputs, const BuildOptions& options,
                const Gazetteer& gazetteer, GraphBuilder& builder, BuildReport& report) {
  std::map<std::string, std::string> seen;  // document identity -> path, in this build
  for (const InputFile& input : ExpandInputs(inputs, report)) {
    const bool from_directory = input.from_directory;
    const std::string& path = input.path;
    auto fail = [&](const Status& s) {
      Diagnostic d = MakeError(s.message());
      if (from_directory) {
        d.severity = Diagnostic::Severity::kWarning;
        d.message += " (skipped)";
      }
      report.diagnostics.push_back(std::move(d));
    };
    auto doc = LoadDocument(path, input.name);
    if (!doc.ok()) {
      fail(doc.status());
      continue;
    }
    doc->time_zone = options.time_zone;
    for (const std::string& w : doc->warnings) {
      Diagnostic d;
      d.severity = Diagnostic::Severity::kWarning;
      d.message = w;
      report.diagnostics.push_back(std::move(d));
    }
    auto batch = ExtractDocument(*doc, options.reader, gazetteer);
    if (!batch.ok()) {
      fail(batch.status());
      continue;
    }
    const std::string& name = doc->name;
    if (auto it = seen.find(name); it != seen.end()) {
      report.diagnostics.push_back(MakeError(path + ": another input is the same document '" +
                                             name + "' (" + it->second +
                                             "); give only one of them"));
      continue;
    }
    seen.emplace(name, path);
    for (const Diagnostic& d : batch->diagnostics) report.diagnostics.push_back(d);
    if (builder.HasDocument(name)) {
      builder.RemoveDocument(name);
      report.documents_replaced.push_back(path);
    }
    Status s = builder.Add(*batch);
    if (!s.ok()) {
      report.diagnostics.push_back(MakeError(s.message()));
      continue;
    }
    ++report.documents_read;
  }
}

}  // namespace cnkg
