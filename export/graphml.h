#ifndef CNKG_EXPORT_GRAPHML_H_
#define CNKG_EXPORT_GRAPHML_H_

#include <string>
#include <string_view>

#include "graph/knowledge_graph.h"

namespace cnkg {

// Serializes `graph` as GraphML (http://graphml.graphdrawing.org/) that networkx read_graphml,
// igraph Graph.Read_GraphML, Gephi, yEd and Neo4j APOC (apoc.import.graphml with
// readLabels: true) all load. The result is a complete UTF-8 XML document; the graph is only
// read, and the function never fails.
//
// Layout of the document:
//  * One typed <key> per attribute and domain, with `attr.name` and `attr.type` (string, long,
//    double or boolean). The fixed node keys are `labels`, `name`, `aliases`, `evidence` and
//    `evidence_count`; the fixed edge keys are `label`, `type`, `evidence` and `evidence_count`.
//    Key ids are unique across the document (networkx looks keys up by id alone); APOC requires
//    the ids `labels` (node) and `label` (edge), which are used exactly.
//  * <graph edgedefault="directed">. Each node's id is its key, it carries the APOC attribute
//    labels=":Talk" and the same text in the `labels` data. Each edge has a unique id "e<N>",
//    the APOC attribute label="PRESENTS", and the type in both the `label` and `type` data, so
//    parallel edges between one pair of nodes stay distinct.
//  * Properties become data of their own key. A property name whose values have one type keeps
//    it (string, long, double, boolean; a string list is a JSON array in a string key marked
//    attr.list="string", APOC's convention). A name used with long and double values is widened
//    to double; any other mix is widened to string for every element (numbers in decimal,
//    booleans as true/false, lists as JSON arrays). A property whose name collides with a fixed
//    key or with "id" is written as "property_<name>".
//  * `aliases` is a JSON array of strings; `evidence` is a JSON array of
//    {"document", "line", "text"} objects and `evidence_count` its length.
//
// Text handling: every string goes through XmlSafeText; attribute values are then escaped with
// XmlEscape and element content with XmlEscapeText, so the output is well-formed whatever the
// graph holds. Elements and keys appear in graph order, so the output is deterministic.
//
// Limits of the readers, not of the file (measured with the versions in Debian 12): igraph
// reports an '&' in an XML attribute — here only node ids — as "&#38;" (libxml2 SAX2 without
// entity substitution); Gephi's importer loses carriage returns (it drops whitespace-only text
// chunks); APOC sets no property for an empty or whitespace-only value.
std::string ToGraphML(const KnowledgeGraph& graph);

// Returns `text` with every byte that is not part of well-formed UTF-8 (overlong forms and
// encoded UTF-16 surrogates included) and every code point XML 1.0 forbids — the C0 controls
// other than tab, line feed and carriage return, U+FFFE and U+FFFF — replaced by one U+FFFD
// (the replacement character) each. Such characters are replaced, not dropped, so that a reader
// can see that something was there. Valid text is returned unchanged.
std::string XmlSafeText(std::string_view text);

// Returns XmlSafeText(text) escaped for use both as element content and inside a double- or
// single-quoted attribute value: & < > " ' become entity references, and tab, line feed and
// carriage return become character references (&#9; &#10; &#13;) so that XML parsers'
// end-of-line and attribute-value normalization cannot change them.
std::string XmlEscape(std::string_view text);

// Returns XmlSafeText(text) as element content. Text holding '&', '<' or "]]>" is written as a
// CDATA section (a "]]>" inside is split across two sections); other text is written as is —
// tabs, line feeds, quotes and '>' need no escaping in content. A carriage return becomes &#13;
// between runs, because XML end-of-line handling turns a literal one into a line feed. CDATA
// rather than entity references keeps the text one chunk for streaming readers: Gephi's
// importer drops whitespace-only chunks, so "A &amp; &lt;B>" would reach it as "A &<B>".
std::string XmlEscapeText(std::string_view text);

}  // namespace cnkg

#endif  // CNKG_EXPORT_GRAPHML_H_
