// The name pass measured on its own (issue 12, item 3): which of a list of names occur in each
// piece of a text, by RE2::Set (what the gazetteer uses) and by Vectorscan (Debian's
// libvectorscan-dev, a Hyperscan fork), with the same expressions: the gazetteer's own
// (SpellingRegex), case-insensitive. The text is read in pieces of whole lines of about 2 KB, as
// Gazetteer::FindMentions reads it. Prints the time of each engine and checks that both find the
// same names in every piece.
//
// Build and run: bench/name_pass_bench.sh (CMake target cnkg_name_pass_bench).
// Usage: name_pass_bench NAMES.txt FILE...

#include <hs/hs.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/gazetteer/gazetteer.h"

namespace {

// Pieces of whole lines of about 2 KB.
std::vector<std::string_view> Pieces(std::string_view text) {
  std::vector<std::string_view> out;
  for (std::size_t from = 0; from < text.size();) {
    std::size_t to = from;
    while (to < text.size() && (to == from || to - from < 2048)) {
      const std::size_t nl = text.find('\n', to);
      to = nl == std::string_view::npos ? text.size() : nl + 1;
    }
    out.push_back(text.substr(from, to - from));
    from = to;
  }
  return out;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: name_pass_bench NAMES.txt FILE...\n";
    return 2;
  }
  std::vector<std::string> expressions;
  {
    std::ifstream in(argv[1]);
    for (std::string line; std::getline(in, line);) {
      std::string re = cnkg::SpellingRegex(line, /*exact_case=*/false);
      if (!re.empty()) expressions.push_back(re);
    }
  }
  std::string text;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    text += s.str();
    text += '\n';
  }
  const std::vector<std::string_view> pieces = Pieces(text);

  // RE2::Set, as the gazetteer builds it.
  RE2::Options options;
  options.set_max_mem(int64_t{512} << 20);
  options.set_log_errors(false);
  RE2::Set set(options, RE2::UNANCHORED);
  std::vector<std::string> hs_expressions;
  for (const std::string& re : expressions) {
    std::string error;
    if (set.Add(re, &error) < 0) {
      std::cerr << "RE2 rejects " << re << ": " << error << "\n";
      return 1;
    }
  }
  auto t0 = std::chrono::steady_clock::now();
  if (!set.Compile()) {
    std::cerr << "RE2::Set does not compile\n";
    return 1;
  }
  const double re2_compile = Seconds(t0);

  // Vectorscan: one database of the same expressions, each reported once per piece.
  std::vector<const char*> patterns;
  std::vector<unsigned> flags, ids;
  for (std::size_t i = 0; i < expressions.size(); ++i) {
    patterns.push_back(expressions[i].c_str());
    flags.push_back(HS_FLAG_SINGLEMATCH | HS_FLAG_UTF8);
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* compile_error = nullptr;
  t0 = std::chrono::steady_clock::now();
  if (hs_compile_multi(patterns.data(), flags.data(), ids.data(),
                       static_cast<unsigned>(patterns.size()), HS_MODE_BLOCK, nullptr, &db,
                       &compile_error) != HS_SUCCESS) {
    std::cerr << "Vectorscan does not compile: " << compile_error->message << " (expression "
              << compile_error->expression << ")\n";
    hs_free_compile_error(compile_error);
    return 1;
  }
  const double hs_compile = Seconds(t0);
  hs_scratch_t* scratch = nullptr;
  if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
    std::cerr << "Vectorscan: no scratch\n";
    return 1;
  }

  std::vector<std::vector<int>> re2_hits(pieces.size()), hs_hits(pieces.size());
  t0 = std::chrono::steady_clock::now();
  for (std::size_t p = 0; p < pieces.size(); ++p)
    set.Match(re2::StringPiece(pieces[p].data(), pieces[p].size()), &re2_hits[p]);
  const double re2_scan = Seconds(t0);

  t0 = std::chrono::steady_clock::now();
  for (std::size_t p = 0; p < pieces.size(); ++p) {
    hs_scan(
        db, pieces[p].data(), static_cast<unsigned>(pieces[p].size()), 0, scratch,
        [](unsigned id, unsigned long long, unsigned long long, unsigned, void* ctx) {
          static_cast<std::vector<int>*>(ctx)->push_back(static_cast<int>(id));
          return 0;
        },
        &hs_hits[p]);
  }
  const double hs_scan_s = Seconds(t0);

  std::size_t differ = 0, found = 0;
  for (std::size_t p = 0; p < pieces.size(); ++p) {
    std::sort(re2_hits[p].begin(), re2_hits[p].end());
    std::sort(hs_hits[p].begin(), hs_hits[p].end());
    found += re2_hits[p].size();
    if (re2_hits[p] != hs_hits[p]) ++differ;
  }
  const double mb = static_cast<double>(text.size()) / 1e6;
  std::printf("%zu expressions, %.1f MB in %zu pieces, %zu names found\n", expressions.size(), mb,
              pieces.size(), found);
  std::printf("RE2::Set:   compile %.0f ms, scan %.0f ms (%.0f MB/s)\n", re2_compile * 1e3,
              re2_scan * 1e3, mb / re2_scan);
  std::printf("Vectorscan: compile %.0f ms, scan %.0f ms (%.0f MB/s)\n", hs_compile * 1e3,
              hs_scan_s * 1e3, mb / hs_scan_s);
  std::printf("scan time RE2::Set / Vectorscan = %.2f; pieces whose names differ: %zu\n",
              re2_scan / hs_scan_s, differ);
  hs_free_scratch(scratch);
  hs_free_database(db);
  return differ == 0 ? 0 : 1;
}
