#ifndef CNKG_CLI_SCHEMA_SUMMARY_H_
#define CNKG_CLI_SCHEMA_SUMMARY_H_

#include <string>

#include "graph/compact_graph.h"

namespace cnkg::cli {

// The shell's :schema: each label in use with its number of nodes, each relationship type in use
// with its number of relationships, and under each the stored property names in use with how
// many nodes or relationships have them; then the properties every node and relationship has.
// Reads every node's and relationship's properties once.
std::string SchemaSummary(const CompactGraph& graph);

}  // namespace cnkg::cli

#endif  // CNKG_CLI_SCHEMA_SUMMARY_H_
