#ifndef CNKG_GRAPH_BATCH_H_
#define CNKG_GRAPH_BATCH_H_

#include <string>
#include <vector>

#include "graph/model.h"

namespace cnkg {

// A problem found in a document. Warnings leave the rest of the document usable; errors mean
// nothing usable was read from it.
struct Diagnostic {
  enum class Severity { kWarning, kError };
  Severity severity = Severity::kWarning;
  std::string document;
  int line = 0;  // 1-based; 0 when the problem is about the whole file
  std::string message;

  // "DOC:LINE: warning: MESSAGE" (or "DOC: error: MESSAGE" without a line).
  std::string ToString() const;
};

// An entity as an extractor sees it: identified by its stable key (see MakeKey in resolve.h),
// never by a graph vertex.
struct EntityRecord {
  std::string key;
  Label label = Label::kProject;
  std::string name;
  std::vector<std::string> aliases;
  Properties properties;
  Evidence evidence;
};

// A relationship between two entities named by key. Both keys must be entities of the same
// batch or already in the graph the batch is added to.
struct RelationRecord {
  std::string source;
  std::string target;
  RelType type = RelType::kMentions;
  Properties properties;
  Evidence evidence;
};

// What an extractor returns for one document. It never touches the graph; the builder does.
struct ExtractionBatch {
  std::string document;
  std::vector<EntityRecord> entities;
  std::vector<RelationRecord> relations;
  std::vector<Diagnostic> diagnostics;
};

}  // namespace cnkg

#endif  // CNKG_GRAPH_BATCH_H_
