#ifndef CNKG_GRAPH_BATCH_H_
#define CNKG_GRAPH_BATCH_H_

#include <string>
#include <vector>

#include "graph/model.h"

namespace cnkg {

// A problem found in a document: the one way readers report what does not stop them. Warnings
// leave the rest of the document usable; errors mean nothing usable was read from it. The place
// is in the fields, never in the message: `document` (the path as given), `line` and `column`.
struct Diagnostic {
  enum class Severity { kWarning, kError };
  Severity severity = Severity::kWarning;
  std::string document;
  int line = 0;         // 1-based; 0 when the problem is about the whole file
  std::string message;  // one line, without the place
  int column = 0;       // 1-based, in characters; 0 when not known

  // "DOC:LINE:COLUMN: warning: MESSAGE", the line and column only when known ("DOC: error:
  // MESSAGE" for a whole file).
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
