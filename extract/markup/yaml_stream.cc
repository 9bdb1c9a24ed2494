#include "extract/markup/yaml_stream.h"

#include <yaml-cpp/eventhandler.h>

#include <cstddef>
#include <sstream>

namespace cnkg {
namespace {

// Builds nothing: the parser's events are only counted, by document.
class IgnoreEvents : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// Lines that start with a document marker, "---" or "...".
std::size_t DocumentMarkers(const std::string& text) {
  std::size_t n = 0;
  for (std::size_t at = 0; at < text.size();) {
    if (text.compare(at, 3, "---") == 0 || text.compare(at, 3, "...") == 0) ++n;
    const std::size_t eol = text.find('\n', at);
    if (eol == std::string::npos) break;
    at = eol + 1;
  }
  return n;
}

}  // namespace

std::vector<YAML::Node> LoadYamlStream(const std::string& text) {
  const std::size_t limit = DocumentMarkers(text) + 1;
  std::stringstream in(text);
  YAML::Parser parser(in);
  IgnoreEvents ignore;
  for (std::size_t documents = 0; parser.HandleNextDocument(ignore);) {
    if (++documents > limit)
      throw YAML::ParserException(YAML::Mark::null_mark(),
                                  "the YAML parser stopped advancing (malformed stream)");
  }
  return YAML::LoadAll(text);
}

}  // namespace cnkg
