// Reading and writing the gazetteer's TSV rows (ParseGazetteerTsv, FormatGazetteerRow in
// extract/gazetteer.h). The columns are documented in data/gazetteer/README.md.

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "common/strings.h"
#include "extract/gazetteer/gazetteer.h"

namespace cnkg {
namespace {

// Columns of every gazetteer file, in order. All but the landscape file may stop after any
// column.
enum Column {
  kName,
  kAliases,
  kCaseSensitive,
  kFlags,
  kMaturity,
  kCategory,
  kSubcategory,
  kHomepage,
  kRepo,
  kCues,
  kNumColumns,
};

std::vector<std::string> SplitList(std::string_view field, std::string_view sep) {
  std::vector<std::string> out;
  for (const std::string& part : Split(field, sep, /*keep_empty=*/false)) {
    std::string_view t = Trim(part);
    if (!t.empty()) out.emplace_back(t);
  }
  return out;
}

Status RowError(std::string_view file, int line, const std::string& message) {
  return Status::ParseError(std::string(file) + ":" + std::to_string(line) + ": " + message);
}

// A cue is lower-case words of letters and digits, separated by single spaces or hyphens.
bool IsValidCue(std::string_view cue) {
  if (cue.empty() || cue.front() == '-' || cue.back() == '-') return false;
  return std::all_of(cue.begin(), cue.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '-';
  });
}

}  // namespace

Result<std::vector<GazetteerRow>> ParseGazetteerTsv(std::string_view text,
                                                    std::string_view file_name, bool all_columns) {
  static const std::set<std::string, std::less<>> kMaturities = {"graduated", "incubating",
                                                                 "sandbox", "archived"};
  std::vector<GazetteerRow> rows;
  std::set<std::string> seen;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || Trim(line).front() == '#') continue;
    const std::vector<std::string> cols = Split(line, "\t", /*keep_empty=*/true);
    if (cols.size() > kNumColumns || (all_columns && cols.size() != kNumColumns)) {
      return RowError(file_name, line_no,
                      "expected " + std::string(all_columns ? "" : "at most ") +
                          std::to_string(kNumColumns) + " tab-separated columns, found " +
                          std::to_string(cols.size()));
    }
    auto col = [&cols](Column c) -> std::string {
      return c < static_cast<int>(cols.size()) ? cols[c] : std::string();
    };
    GazetteerRow row;
    row.line = line_no;
    row.name = std::string(Trim(col(kName)));
    if (row.name.empty()) return RowError(file_name, line_no, "empty project name");
    if (row.name.find('|') != std::string::npos) {
      return RowError(file_name, line_no, "project name '" + row.name + "' contains '|'");
    }
    row.aliases = SplitList(col(kAliases), "|");
    row.case_sensitive = SplitList(col(kCaseSensitive), "|");
    for (const std::string& cs : row.case_sensitive) {
      if (cs != row.name &&
          std::find(row.aliases.begin(), row.aliases.end(), cs) == row.aliases.end()) {
        return RowError(file_name, line_no,
                        "case-sensitive spelling '" + cs + "' is not the name or an alias");
      }
    }
    for (const std::string& flag : SplitList(col(kFlags), ",")) {
      if (flag == "platform") {
        row.platform = true;
      } else if (flag == "skip") {
        row.skip = true;
      } else if (flag == "company") {
        row.company = true;
      } else {
        return RowError(file_name, line_no,
                        "unknown flag '" + flag + "' (known: platform, skip, company)");
      }
    }
    row.maturity = col(kMaturity);
    if (!row.maturity.empty() && !kMaturities.count(row.maturity)) {
      return RowError(file_name, line_no, "unknown maturity '" + row.maturity + "'");
    }
    row.category = col(kCategory);
    row.subcategory = col(kSubcategory);
    row.homepage = col(kHomepage);
    row.repo = col(kRepo);
    row.cues = SplitList(col(kCues), "|");
    for (const std::string& cue : row.cues) {
      if (!IsValidCue(cue)) {
        return RowError(file_name, line_no,
                        "cue '" + cue +
                            "' is not lower-case words of letters and digits (separated by "
                            "spaces or hyphens)");
      }
    }
    if (!seen.insert(FoldName(row.name)).second) {
      return RowError(file_name, line_no, "project '" + row.name + "' is listed twice");
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string FormatGazetteerRow(const GazetteerRow& row) {
  std::vector<std::string> flags;
  if (row.platform) flags.push_back("platform");
  if (row.skip) flags.push_back("skip");
  if (row.company) flags.push_back("company");
  const std::vector<std::string> cols = {
      row.name,           Join(row.aliases, "|"), Join(row.case_sensitive, "|"),
      Join(flags, ","),   row.maturity,           row.category,
      row.subcategory,    row.homepage,           row.repo,
      Join(row.cues, "|")};
  return Join(cols, "\t");
}

}  // namespace cnkg
