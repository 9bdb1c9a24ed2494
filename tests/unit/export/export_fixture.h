#ifndef CNKG_TESTS_UNIT_EXPORT_EXPORT_FIXTURE_H_
#define CNKG_TESTS_UNIT_EXPORT_EXPORT_FIXTURE_H_

// Helpers the exporter tests share: building nodes and looking into directory exports.

#include <map>
#include <string>
#include <vector>

#include "export/export.h"
#include "graph/model.h"

namespace cnkg::export_test {

inline Node MakeNode(std::string key, Label label, std::string name, Properties props = {}) {
  Node n;
  n.key = std::move(key);
  n.label = label;
  n.name = std::move(name);
  n.properties = std::move(props);
  return n;
}

// The files of a directory export by name.
inline std::map<std::string, std::string> ByName(const std::vector<ExportFile>& files) {
  std::map<std::string, std::string> out;
  for (const auto& f : files) out[f.name] = f.contents;
  return out;
}

// How often `what` occurs in `s` (overlapping occurrences count).
inline std::size_t Count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

}  // namespace cnkg::export_test

#endif  // CNKG_TESTS_UNIT_EXPORT_EXPORT_FIXTURE_H_
