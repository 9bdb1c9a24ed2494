#ifndef CNKG_TESTS_UNIT_EXTRACT_BATCH_HELPERS_H_
#define CNKG_TESTS_UNIT_EXTRACT_BATCH_HELPERS_H_

// Small helpers the reader unit tests share: a document from text, and looks into a batch.

#include <catch2/catch.hpp>
#include <string>
#include <variant>
#include <vector>

#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg::test {

// A document named `name` holding `text`, with Document::time_zone `zone`.
inline Document Doc(const std::string& name, const std::string& text,
                    const std::string& zone = "") {
  auto d = MakeDocument(name, text);
  REQUIRE(d.ok());
  d->time_zone = zone;
  return std::move(d).value();
}

// The batch's diagnostics as printed ("p.json:3: warning: ...").
inline std::vector<std::string> Warnings(const ExtractionBatch& b) {
  std::vector<std::string> out;
  for (const auto& d : b.diagnostics) out.push_back(d.ToString());
  return out;
}

// The batch's Talk records, in order.
inline std::vector<const EntityRecord*> Talks(const ExtractionBatch& b) {
  std::vector<const EntityRecord*> out;
  for (const auto& e : b.entities)
    if (e.label == Label::kTalk) out.push_back(&e);
  return out;
}

// The first entity with this label and name, or nullptr.
inline const EntityRecord* Entity(const ExtractionBatch& b, Label label, const std::string& name) {
  for (const auto& e : b.entities)
    if (e.label == label && e.name == name) return &e;
  return nullptr;
}

// The string property `key` of `e`, or "" when it has none.
inline std::string Prop(const EntityRecord& e, const std::string& key) {
  auto it = e.properties.find(key);
  return it == e.properties.end() ? "" : std::get<std::string>(it->second);
}

}  // namespace cnkg::test

#endif  // CNKG_TESTS_UNIT_EXTRACT_BATCH_HELPERS_H_
