#ifndef CNKG_EXPORT_DOT_H_
#define CNKG_EXPORT_DOT_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "graph/knowledge_graph.h"

namespace cnkg {

// Serializes `graph` as a Graphviz DOT digraph, built and written through the cgraph library
// (so quoting of IDs is cgraph's own). The graph is only read.
//
//  * Each node is named by DotNodeName(key) — the key itself unless the key holds a backslash
//    or a character DotText replaces — and carries `label` = DotLabel(display name), falling
//    back to the key when the name is empty. Its shape and fill colour depend on its label
//    (Talk box, Person ellipse, Organization house, Project hexagon, Event doubleoctagon, Room
//    box3d, Track tab, Document note).
//  * Each edge is anonymous (parallel edges are kept, the digraph is not strict) and carries
//    `label` = its relationship type, with a colour and line style per type.
//  * Graph attributes ask for a readable left-to-right layout (rankdir=LR, Helvetica,
//    overlap=scale for the force-directed engines) and linelength=0 so that cgraph never splits
//    a long string across lines.
//
// Errors: kInvalidArgument when two distinct keys map to the same DOT node name (only possible
// for keys that differ in characters DotText replaces); kIoError when the in-memory stream
// cannot be opened or written; kInternal when cgraph refuses to create the graph.
// Not thread-safe: cgraph keeps process-wide state (error reporting, output line length).
Result<std::string> ToDot(const KnowledgeGraph& graph);

// Returns `text` made safe for Graphviz: invalid UTF-8 and control characters other than tab and
// line feed become U+FFFD (as XmlSafeText in export/graphml.h does, because Graphviz copies them
// into SVG, where XML forbids them), and a carriage return, alone or before a line feed, becomes
// a line feed.
std::string DotText(std::string_view text);

// The value to store in a DOT `label` attribute so that Graphviz displays `text` literally:
// DotText(text), then every backslash doubled (so \n, \l, \N and friends are not escape
// sequences), every line feed turned into the escape \n (a centred line break), and every '&'
// written as "&amp;" (Graphviz expands character entities such as &lt; in all labels). A value
// starting with '<' stays an ordinary quoted string (cgraph only writes <...> for HTML strings).
std::string DotLabel(std::string_view text);

// Reverses DotLabel: DotLabelDecode(DotLabel(t)) == DotText(t) for every t.
std::string DotLabelDecode(std::string_view label);

// The DOT node name of a key: DotText(key) with every backslash doubled. The cgraph 2.4x writer
// does not escape backslashes and its reader keeps "\\" as two characters, so a lone backslash
// cannot be spelled in a quoted ID; doubling keeps names distinct and readable back exactly.
std::string DotNodeName(std::string_view key);

}  // namespace cnkg

#endif  // CNKG_EXPORT_DOT_H_
