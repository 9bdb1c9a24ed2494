#include "export/render.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <vector>

#include "common/strings.h"
#include "export/dot.h"

namespace cnkg {
namespace {

struct GvcDeleter {
  void operator()(GVC_t* c) const { gvFreeContext(c); }
};

// One Graphviz context for the whole process. Graphviz 2.42's Pango plugin keeps a static
// pointer to the last font name, which lives in the context's font dictionary; freeing a
// context and rendering with a new one reads freed memory. Graphviz is not thread-safe, so
// every use of the context holds RenderMutex().
GVC_t* SharedContext() {
  static std::unique_ptr<GVC_t, GvcDeleter> context(gvContext());
  return context.get();
}

std::mutex& RenderMutex() {
  static std::mutex mutex;
  return mutex;
}
struct GraphDeleter {
  void operator()(Agraph_t* g) const { agclose(g); }
};

void Set(void* obj, const std::string& name, const std::string& value) {
  agsafeset(obj, const_cast<char*>(name.c_str()), const_cast<char*>(value.c_str()),
            const_cast<char*>(""));
}

struct Palette {
  const char* fill;
  const char* shape;
};

Palette ColourOf(Label l) {
  switch (l) {
    case Label::kEvent: return {"#e06666", "doubleoctagon"};
    case Label::kTalk: return {"#9fc5e8", "box"};
    case Label::kPerson: return {"#ffe599", "ellipse"};
    case Label::kOrganization: return {"#b6d7a8", "house"};
    case Label::kProject: return {"#d5a6bd", "hexagon"};
    case Label::kRoom: return {"#d9d9d9", "box3d"};
    case Label::kTrack: return {"#f9cb9c", "tab"};
    case Label::kDocument: return {"#ffffff", "note"};
    case Label::kCategory: return {"#a2c4c9", "folder"};
  }
  return {"#ffffff", "box"};
}

// Project fill by maturity: darker is more mature.
const std::map<std::string, std::string>& MaturityColours() {
  static const std::map<std::string, std::string> m = {
      {"graduated", "#741b47"}, {"incubating", "#a64d79"}, {"sandbox", "#d5a6bd"},
      {"archived", "#b7b7b7"},  {"", "#f4e6ee"}};
  return m;
}

std::string Maturity(const Node& n) {
  auto it = n.properties.find("maturity");
  if (it == n.properties.end() || !std::holds_alternative<std::string>(it->second)) return "";
  return std::get<std::string>(it->second);
}

// Breaks a long name into lines of about `width` characters at spaces.
std::string Wrap(const std::string& text, std::size_t width) {
  std::string out, line;
  for (const std::string& word : Split(text, " ")) {
    if (!line.empty() && Utf8Length(line) + 1 + Utf8Length(word) > width) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  return out + line;
}

std::string PropertyString(const Node& n, const char* key) {
  auto it = n.properties.find(key);
  if (it == n.properties.end() || !std::holds_alternative<std::string>(it->second)) return "";
  return std::get<std::string>(it->second);
}

}  // namespace

std::string RenderFormatForPath(std::string_view path) {
  for (const char* f : {"svg", "png", "pdf"}) {
    std::string ext = std::string(".") + f;
    if (path.size() > ext.size() && EqualsIgnoreCase(path.substr(path.size() - ext.size()), ext))
      return f;
  }
  return "";
}

Result<std::string> RenderGraph(const KnowledgeGraph& kg, const RenderOptions& options) {
  static const std::set<std::string> kFormats = {"svg", "png", "pdf"};
  static const std::set<std::string> kLayouts = {"dot", "neato", "fdp", "sfdp", "circo"};
  if (!kFormats.count(options.format))
    return Status::InvalidArgument("unknown image format '" + options.format +
                                   "' (known: svg, png, pdf)");
  if (!options.layout.empty() && !kLayouts.count(options.layout))
    return Status::InvalidArgument("unknown layout '" + options.layout +
                                   "' (known: dot, neato, fdp, sfdp, circo)");
  if (kg.num_nodes() == 0) return Status::InvalidArgument("nothing to draw: the graph is empty");
  const auto& g = kg.graph();
  const bool big = kg.num_nodes() > kAutoSfdpNodes;
  const std::string layout = !options.layout.empty() ? options.layout : (big ? "sfdp" : "dot");

  std::lock_guard<std::mutex> lock(RenderMutex());
  GVC_t* context = SharedContext();
  if (!context) return Status::Internal("Graphviz could not start");
  std::unique_ptr<Agraph_t, GraphDeleter> graph(
      agopen(const_cast<char*>("cnkg"), Agdirected, nullptr));
  if (!graph) return Status::Internal("Graphviz could not create a graph");
  Agraph_t* root = graph.get();
  Set(root, "fontname", "Helvetica");
  Set(root, "fontsize", "14");
  Set(root, "bgcolor", "white");
  Set(root, "pad", "0.3");
  if (layout == "dot") {
    Set(root, "rankdir", "LR");
    Set(root, "ranksep", "0.9");
    Set(root, "nodesep", "0.25");
  } else {
    Set(root, "overlap", layout == "sfdp" ? "prism" : "false");
    Set(root, "sep", "+6");
    Set(root, "splines", big ? "false" : "true");
    if (layout == "sfdp") Set(root, "K", "1.2");
  }
  if (options.format == "png") {
    // Exactly width_px wide: 96 dpi, and a size whose '!' scales the drawing up or down.
    Set(root, "dpi", "96");
    Set(root, "size", std::to_string(options.width_px / 96.0) + ",1000!");
    Set(root, "ratio", "auto");
  }
  agattr(root, AGNODE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
  agattr(root, AGNODE, const_cast<char*>("fontsize"), const_cast<char*>("12"));
  agattr(root, AGNODE, const_cast<char*>("style"), const_cast<char*>("filled"));
  agattr(root, AGEDGE, const_cast<char*>("fontname"), const_cast<char*>("Helvetica"));
  agattr(root, AGEDGE, const_cast<char*>("fontsize"), const_cast<char*>("9"));
  agattr(root, AGEDGE, const_cast<char*>("color"), const_cast<char*>("#00000060"));
  agattr(root, AGEDGE, const_cast<char*>("arrowsize"), const_cast<char*>("0.6"));

  // The cluster of each node, if clustering.
  std::map<KnowledgeGraph::Vertex, std::string> cluster_of;
  if (options.cluster == ClusterBy::kLabel) {
    for (auto v : boost::make_iterator_range(boost::vertices(g)))
      cluster_of[v] = std::string(LabelName(g[v].label));
  } else if (options.cluster == ClusterBy::kCategory) {
    for (auto v : boost::make_iterator_range(boost::vertices(g))) {
      if (g[v].label != Label::kProject) continue;
      std::string c = PropertyString(g[v], "category");
      if (c.empty()) {
        for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
          const Node& t = g[boost::target(e, g)];
          if (g[e].type == RelType::kInCategory) c = PropertyString(t, "parent");
          if (!c.empty()) break;
        }
      }
      if (!c.empty()) cluster_of[v] = c;
    }
  }
  std::map<std::string, Agraph_t*> clusters;
  auto parent_for = [&](KnowledgeGraph::Vertex v) -> Agraph_t* {
    auto it = cluster_of.find(v);
    if (it == cluster_of.end()) return root;
    Agraph_t*& sub = clusters[it->second];
    if (!sub) {
      std::string name = "cluster_" + std::to_string(clusters.size());
      sub = agsubg(root, const_cast<char*>(name.c_str()), 1);
      Set(sub, "label", DotLabel(it->second));
      Set(sub, "style", "rounded,filled");
      Set(sub, "fillcolor", "#f7f7f7");
      Set(sub, "color", "#cccccc");
    }
    return sub;
  };

  std::vector<Agnode_t*> nodes(kg.num_nodes(), nullptr);
  std::set<Label> labels_present;
  std::set<std::string> maturities_present;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const Node& n = g[v];
    std::string id = "n" + std::to_string(v);
    Agnode_t* node = agnode(parent_for(v), const_cast<char*>(id.c_str()), 1);
    nodes[v] = node;
    Palette p = ColourOf(n.label);
    std::string fill = p.fill;
    if (n.label == Label::kProject) {
      std::string m = Maturity(n);
      auto it = MaturityColours().find(m);
      fill = it != MaturityColours().end() ? it->second : MaturityColours().at("");
      maturities_present.insert(m);
      if (m == "graduated" || m == "incubating") Set(node, "fontcolor", "white");
    }
    labels_present.insert(n.label);
    Set(node, "label", DotLabel(Wrap(n.name.empty() ? n.key : n.name, 24)));
    Set(node, "shape", p.shape);
    Set(node, "fillcolor", fill);
    Set(node, "tooltip", DotLabel(std::string(LabelName(n.label)) + ": " + n.name));
  }
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    Agedge_t* edge = agedge(root, nodes[boost::source(e, g)], nodes[boost::target(e, g)],
                            nullptr, 1);
    if (options.edge_labels) Set(edge, "label", std::string(RelTypeName(g[e].type)));
  }

  // Legend: one sample node per label present, and the maturity shades when projects show.
  Agraph_t* legend = layout == "dot" || layout == "fdp"
                         ? agsubg(root, const_cast<char*>("cluster_legend"), 1)
                         : root;
  if (legend != root) {
    Set(legend, "label", "Legend");
    Set(legend, "style", "rounded");
    Set(legend, "color", "#999999");
    if (layout == "dot") {
      // One column: in a left-to-right layout, nodes of one rank stack vertically.
      legend = agsubg(legend, const_cast<char*>("legend_column"), 1);
      Set(legend, "rank", "same");
    }
  }
  const bool chain = layout != "dot";
  Agnode_t* previous = nullptr;
  auto legend_node = [&](const std::string& id, const std::string& text, const char* shape,
                         const std::string& fill, bool light_text) {
    Agnode_t* n = agnode(legend, const_cast<char*>(id.c_str()), 1);
    Set(n, "label", DotLabel(text));
    Set(n, "shape", shape);
    Set(n, "fillcolor", fill);
    if (light_text) Set(n, "fontcolor", "white");
    if (previous && chain) {
      Agedge_t* e = agedge(root, previous, n, nullptr, 1);
      Set(e, "style", "invis");
    }
    previous = n;
  };
  for (Label l : kAllLabels) {
    if (!labels_present.count(l) || l == Label::kProject) continue;
    Palette p = ColourOf(l);
    legend_node("legend_" + std::string(LabelName(l)), std::string(LabelName(l)), p.shape, p.fill,
                false);
  }
  if (labels_present.count(Label::kProject)) {
    for (const char* m : {"graduated", "incubating", "sandbox", "archived", ""}) {
      if (!maturities_present.count(m)) continue;
      std::string text = std::string("Project") + (*m ? std::string(" (") + m + ")" : "");
      legend_node(std::string("legend_project_") + (*m ? m : "other"), text, "hexagon",
                  MaturityColours().at(m), std::string(m) == "graduated" ||
                                               std::string(m) == "incubating");
    }
  }

  agseterr(AGMAX);  // keep Graphviz from printing warnings on stderr
  if (gvLayout(context, root, layout.c_str()) != 0)
    return Status::Internal("Graphviz layout '" + layout + "' failed");
  char* data = nullptr;
  unsigned int length = 0;
  int rc = gvRenderData(context, root, options.format.c_str(), &data, &length);
  std::string out;
  if (rc == 0 && data) out.assign(data, length);
  if (data) gvFreeRenderData(data);
  gvFreeLayout(context, root);
  if (rc != 0 || out.empty())
    return Status::Internal("Graphviz could not render " + options.format +
                            " (is the Graphviz '" + options.format + "' plugin installed?)");
  return out;
}

}  // namespace cnkg
