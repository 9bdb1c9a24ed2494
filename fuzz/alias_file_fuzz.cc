// The alias file (cnkg build --aliases): YAML parsed into merge rules, which a builder then
// applies to a small batch. Invariants: no crash or sanitizer report; errors are one line and
// never internal.

#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/core/alias_file.h"
#include "fuzz/fuzz_util.h"
#include "graph/builder.h"
#include "graph/resolve.h"

using namespace cnkg;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto rules =
      ParseAliasFile(std::string(reinterpret_cast<const char*>(data), size), "aliases.yml");
  if (!rules.ok()) {
    fuzz::CheckUserError(rules.status());
    return 0;
  }
  // The rules at work: two organisations and a person that they may merge or keep apart.
  ExtractionBatch batch;
  batch.document = "fuzz.txt";
  for (const char* name : {"Google", "Google Cloud", "Alphabet", "Gen Digital"}) {
    EntityRecord e;
    e.key = MakeKey(Label::kOrganization, name);
    e.label = Label::kOrganization;
    e.name = name;
    e.evidence = {"fuzz.txt", 1, name};
    batch.entities.push_back(std::move(e));
  }
  KnowledgeGraph graph;
  GraphBuilder builder(graph, std::move(*rules));
  fuzz::CheckUserError(builder.Add(std::move(batch)));
  return 0;
}
