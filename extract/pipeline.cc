#include "extract/pipeline.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>

#include "graph/builder.h"

namespace cnkg {
namespace fs = std::filesystem;

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
