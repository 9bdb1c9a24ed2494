#include "extract/pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

#include "common/strings.h"
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
    const bool opens =
        (c == '\'' || c == '"') && (i == 0 || message[i - 1] == ' ' || message[i - 1] == '(');
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

std::string FormatBuildProgress(const BuildProgress& p, double seconds) {
  char buf[160];
  const double mb_done = static_cast<double>(p.bytes_done) / 1e6;
  const double mb_total = static_cast<double>(p.bytes_total) / 1e6;
  std::snprintf(buf, sizeof buf, "cnkg: %zu of %zu document%s, %.1f of %.1f MB, %.1f MB/s, %.0f s",
                p.documents_done, p.documents_total, p.documents_total == 1 ? "" : "s", mb_done,
                mb_total, seconds > 0 ? mb_done / seconds : 0.0, seconds);
  return buf;
}

int EffectiveJobs(int jobs) {
  if (jobs > 0) return jobs;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

namespace {

// What reading and extracting one input gave, before it is merged.
struct Extracted {
  Status load;                                   // not ok: the document could not be read
  std::vector<Diagnostic> document_diagnostics;  // Document::diagnostics
  std::string name;                              // Document::name
  std::optional<Result<ExtractionBatch>> batch;  // set when the document was read
};

Extracted ReadAndExtract(const InputFile& input, const BuildOptions& options,
                         const Gazetteer& gazetteer) {
  Extracted out;
  try {
    auto doc = LoadDocument(input.path, input.name);
    if (!doc.ok()) {
      out.load = doc.status();
      return out;
    }
    doc->time_zone = options.time_zone;
    out.document_diagnostics = std::move(doc->diagnostics);
    out.name = doc->name;
    out.batch.emplace(ExtractDocument(*doc, options.reader, gazetteer));
  } catch (const std::exception& e) {
    // A bug in a reader (or memory exhausted): an error about this document, not a crash.
    out = Extracted();
    out.load = Status::Internal(input.path +
                                ": internal error while reading: " + OneLineMessage(e.what()));
  }
  return out;
}

// Adds what one input gave to the graph and the report, as a one-thread build would.
void Merge(const InputFile& input, Extracted extracted, GraphBuilder& builder,
           std::map<std::string, std::string>& seen, BuildReport& report) {
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
  if (!extracted.load.ok()) {
    fail(extracted.load);
    return;
  }
  for (Diagnostic& d : extracted.document_diagnostics) report.diagnostics.push_back(std::move(d));
  Result<ExtractionBatch>& batch = *extracted.batch;
  if (!batch.ok()) {
    fail(batch.status());
    return;
  }
  const std::string& name = extracted.name;
  if (auto it = seen.find(name); it != seen.end()) {
    report.diagnostics.push_back(MakeError(path + ": another input is the same document '" + name +
                                           "' (" + it->second + "); give only one of them"));
    return;
  }
  seen.emplace(name, path);
  for (const Diagnostic& d : batch->diagnostics) report.diagnostics.push_back(d);
  if (builder.HasDocument(name)) {
    builder.RemoveDocument(name);
    report.documents_replaced.push_back(path);
  }
  Status s = builder.Add(std::move(*batch));
  if (!s.ok()) {
    report.diagnostics.push_back(MakeError(s.message()));
    return;
  }
  ++report.documents_read;
}

// Runs ReadAndExtract over `inputs` on `threads` worker threads, at most `ahead` inputs beyond
// the one the consumer waits for, and hands the results to the consumer in input order.
class ExtractionPool {
 public:
  ExtractionPool(const std::vector<InputFile>& inputs, const BuildOptions& options,
                 const Gazetteer& gazetteer, int threads, std::size_t ahead)
      : inputs_(inputs),
        options_(options),
        gazetteer_(gazetteer),
        ahead_(ahead),
        results_(inputs.size()) {
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
  }
  ~ExtractionPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    wake_workers_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

  // The result of input i; inputs must be taken in order, each once.
  Extracted Take(std::size_t i) {
    std::unique_lock<std::mutex> lock(mu_);
    taken_ = i;
    wake_workers_.notify_all();
    ready_.wait(lock, [&] { return results_[i].has_value(); });
    Extracted out = std::move(*results_[i]);
    results_[i].reset();
    return out;
  }

 private:
  void Work() {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock<std::mutex> lock(mu_);
        wake_workers_.wait(
            lock, [&] { return stop_ || next_ >= inputs_.size() || next_ <= taken_ + ahead_; });
        if (stop_ || next_ >= inputs_.size()) return;
        i = next_++;
      }
      Extracted e = ReadAndExtract(inputs_[i], options_, gazetteer_);
      {
        std::lock_guard<std::mutex> lock(mu_);
        results_[i] = std::move(e);
      }
      ready_.notify_all();
    }
  }

  const std::vector<InputFile>& inputs_;
  const BuildOptions& options_;
  const Gazetteer& gazetteer_;
  const std::size_t ahead_;
  std::mutex mu_;
  std::condition_variable wake_workers_, ready_;
  std::vector<std::optional<Extracted>> results_;
  std::size_t next_ = 0;   // the next input a worker takes
  std::size_t taken_ = 0;  // the input the consumer waits for or has taken last
  bool stop_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace

void BuildGraph(const std::vector<std::string>& inputs, const BuildOptions& options,
                const Gazetteer& gazetteer, GraphBuilder& builder, BuildReport& report) {
  const std::vector<InputFile> files = ExpandInputs(inputs, report);
  BuildProgress progress;
  progress.documents_total = files.size();
  std::vector<std::uint64_t> sizes;
  for (const InputFile& f : files) {
    std::error_code ec;
    const auto size = fs::file_size(f.path, ec);
    sizes.push_back(ec ? 0 : static_cast<std::uint64_t>(size));
    progress.bytes_total += sizes.back();
  }
  if (options.progress) options.progress(progress);  // the totals, before any document is done
  const int jobs = std::min<int>(EffectiveJobs(options.jobs), static_cast<int>(files.size()));
  std::optional<ExtractionPool> pool;
  if (jobs > 1) pool.emplace(files, options, gazetteer, jobs, static_cast<std::size_t>(2 * jobs));

  std::map<std::string, std::string> seen;  // document identity -> path, in this build
  for (std::size_t i = 0; i < files.size(); ++i) {
    const InputFile& input = files[i];
    Extracted extracted = pool ? pool->Take(i) : ReadAndExtract(input, options, gazetteer);
    Merge(input, std::move(extracted), builder, seen, report);
    ++progress.documents_done;
    progress.bytes_done += sizes[i];
    if (options.progress) options.progress(progress);
  }
}

}  // namespace cnkg
