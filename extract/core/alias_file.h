#ifndef CNKG_EXTRACT_CORE_ALIAS_FILE_H_
#define CNKG_EXTRACT_CORE_ALIAS_FILE_H_

#include <string>

#include "common/status.h"
#include "graph/builder.h"

namespace cnkg {

// Reads a user alias file (cnkg build --aliases FILE), YAML of this shape:
//
//   Organization:              # a node label
//     Google:                  # canonical name
//       - Google Cloud         # variants that are the same entity
//       - Alphabet
//   Person:
//     Ana Silva: [Ana S]
//   forbid:                    # pairs that must never be merged
//     Organization:
//       - [Gen, Gen Digital]
//
// Fails with kParseError naming the file, line and column for invalid YAML, an unknown label, or
// a value of the wrong shape.
Result<AliasRules> ReadAliasFile(const std::string& path);
Result<AliasRules> ParseAliasFile(const std::string& text, const std::string& path);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_CORE_ALIAS_FILE_H_
