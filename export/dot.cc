#include "export/dot.h"

#include <graphviz/cgraph.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unordered_map>
#include <vector>

#include "export/graphml.h"

namespace cnkg {
namespace {

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};
struct FileCloser {
  void operator()(FILE* f) const { std::fclose(f); }
};
struct FreeDeleter {
  void operator()(char* p) const { std::free(p); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

// cgraph's API takes `char*` for strings it only reads; these copies give it writable buffers
// without casting away constness.
std::string Buf(std::string_view s) { return std::string(s); }

void SetAttr(void* obj, std::string_view name, std::string_view value) {
  std::string n = Buf(name), v = Buf(value), empty;
  agsafeset(obj, n.data(), v.data(), empty.data());
}

void DeclareDefault(Agraph_t* g, int kind, std::string_view name, std::string_view value) {
  std::string n = Buf(name), v = Buf(value);
  agattr(g, kind, n.data(), v.data());
}

struct NodeStyle {
  std::string_view shape;
  std::string_view fillcolor;
  std::string_view style;
};

NodeStyle StyleFor(Label label) {
  switch (label) {
    case Label::kEvent:
      return {"doubleoctagon", "#f4cccc", "filled"};
    case Label::kTalk:
      return {"box", "#cfe2f3", "filled,rounded"};
    case Label::kPerson:
      return {"ellipse", "#fff2cc", "filled"};
    case Label::kOrganization:
      return {"house", "#d9ead3", "filled"};
    case Label::kProject:
      return {"hexagon", "#ead1dc", "filled"};
    case Label::kRoom:
      return {"box3d", "#eeeeee", "filled"};
    case Label::kTrack:
      return {"tab", "#fce5cd", "filled"};
    case Label::kDocument:
      return {"note", "#ffffff", "filled"};
    case Label::kCategory:
      return {"folder", "#d0e0e3", "filled"};
  }
  return {"box", "#ffffff", "filled"};
}

struct EdgeStyle {
  std::string_view color;
  std::string_view style;
};

EdgeStyle StyleFor(RelType type) {
  switch (type) {
    case RelType::kPresents:
      return {"#1f4e79", "solid"};
    case RelType::kAffiliatedWith:
      return {"#38761d", "dashed"};
    case RelType::kMentions:
      return {"#741b47", "solid"};
    case RelType::kHeldIn:
      return {"#666666", "dotted"};
    case RelType::kInTrack:
      return {"#b45f06", "dotted"};
    case RelType::kPartOf:
      return {"#990000", "dashed"};
    case RelType::kFrom:
      return {"#999999", "dotted"};
    case RelType::kInCategory:
      return {"#45818e", "dashed"};
    case RelType::kBackedBy:
      return {"#38761d", "bold"};
  }
  return {"#555555", "solid"};
}

// Appends `s` with every backslash doubled.
void AppendDoublingBackslashes(std::string& out, std::string_view s) {
  for (char c : s) {
    if (c == '\\') out += '\\';
    out += c;
  }
}

}  // namespace

std::string DotText(std::string_view text) {
  // Line ends first: XmlSafeText keeps tab, line feed and carriage return, and Graphviz would
  // copy a carriage return into the SVG as is.
  std::string unix_lines;
  unix_lines.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      unix_lines += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      unix_lines += text[i];
    }
  }
  return XmlSafeText(unix_lines);
}

std::string DotLabel(std::string_view text) {
  std::string safe = DotText(text);
  std::string out;
  out.reserve(safe.size() + safe.size() / 8);
  for (char c : safe) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '&':
        out += "&amp;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string DotLabelDecode(std::string_view label) {
  std::string out;
  out.reserve(label.size());
  for (std::size_t i = 0; i < label.size(); ++i) {
    char c = label[i];
    if (c == '\\' && i + 1 < label.size()) {
      char next = label[++i];
      out += next == 'n' ? '\n' : next;
    } else if (c == '&' && label.substr(i, 5) == "&amp;") {
      out += '&';
      i += 4;
    } else {
      out += c;
    }
  }
  return out;
}

std::string DotNodeName(std::string_view key) {
  std::string out;
  AppendDoublingBackslashes(out, DotText(key));
  return out;
}

Result<std::string> ToDot(const KnowledgeGraph& kg) {
  const auto& g = kg.graph();
  std::string graph_name = "cnkg";
  GraphPtr dot(agopen(graph_name.data(), Agdirected, nullptr));
  if (!dot) return Status::Internal("cgraph could not create a graph");

  DeclareDefault(dot.get(), AGRAPH, "rankdir", "LR");
  DeclareDefault(dot.get(), AGRAPH, "fontname", "Helvetica");
  DeclareDefault(dot.get(), AGRAPH, "overlap", "scale");
  DeclareDefault(dot.get(), AGRAPH, "splines", "true");
  DeclareDefault(dot.get(), AGRAPH, "nodesep", "0.3");
  DeclareDefault(dot.get(), AGRAPH, "ranksep", "1.2");
  DeclareDefault(dot.get(), AGRAPH, "linelength", "0");
  DeclareDefault(dot.get(), AGNODE, "fontname", "Helvetica");
  DeclareDefault(dot.get(), AGNODE, "fontsize", "11");
  DeclareDefault(dot.get(), AGNODE, "shape", "box");
  DeclareDefault(dot.get(), AGNODE, "style", "filled");
  DeclareDefault(dot.get(), AGNODE, "fillcolor", "#ffffff");
  DeclareDefault(dot.get(), AGNODE, "label", "\\N");
  DeclareDefault(dot.get(), AGEDGE, "fontname", "Helvetica");
  DeclareDefault(dot.get(), AGEDGE, "fontsize", "9");
  DeclareDefault(dot.get(), AGEDGE, "color", "#555555");
  DeclareDefault(dot.get(), AGEDGE, "fontcolor", "#555555");
  DeclareDefault(dot.get(), AGEDGE, "style", "solid");
  DeclareDefault(dot.get(), AGEDGE, "label", "");

  std::vector<Agnode_t*> nodes(boost::num_vertices(g), nullptr);
  std::unordered_map<std::string, std::string> key_of_name;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    std::string name = DotNodeName(n.key);
    auto [it, inserted] = key_of_name.emplace(name, n.key);
    if (!inserted) {
      return Status::InvalidArgument("keys '" + it->second + "' and '" + n.key +
                                     "' have the same DOT node name '" + name + "'");
    }
    Agnode_t* node = agnode(dot.get(), name.data(), 1);
    if (!node) return Status::Internal("cgraph could not create node '" + name + "'");
    NodeStyle style = StyleFor(n.label);
    SetAttr(node, "label", DotLabel(n.name.empty() ? n.key : n.name));
    SetAttr(node, "shape", style.shape);
    SetAttr(node, "fillcolor", style.fillcolor);
    SetAttr(node, "style", style.style);
    nodes[v] = node;
  }
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const Edge& ed = g[e];
    Agedge_t* edge =
        agedge(dot.get(), nodes[boost::source(e, g)], nodes[boost::target(e, g)], nullptr, 1);
    if (!edge) return Status::Internal("cgraph could not create an edge");
    EdgeStyle style = StyleFor(ed.type);
    SetAttr(edge, "label", DotLabel(RelTypeName(ed.type)));
    SetAttr(edge, "color", style.color);
    SetAttr(edge, "fontcolor", style.color);
    SetAttr(edge, "style", style.style);
  }

  char* data = nullptr;
  std::size_t size = 0;
  bool opened = false, written = false, flushed = false;
  {
    std::unique_ptr<FILE, FileCloser> stream(open_memstream(&data, &size));
    if (stream) {
      opened = true;
      written = agwrite(dot.get(), stream.get()) == 0;
      flushed = std::fflush(stream.get()) == 0;
    }
  }  // closing the stream finalizes `data` and `size`
  std::unique_ptr<char, FreeDeleter> owned(data);
  if (!opened) return Status::IoError("could not open an in-memory stream for the DOT output");
  if (!written || !flushed || owned == nullptr) {
    return Status::IoError("cgraph could not write the DOT output");
  }
  return std::string(owned.get(), size);
}

}  // namespace cnkg
