#ifndef CNKG_EXTRACT_MARKUP_YAML_STREAM_H_
#define CNKG_EXTRACT_MARKUP_YAML_STREAM_H_

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace cnkg {

// The documents of a YAML stream, as YAML::LoadAll gives them. Throws YAML::Exception for
// invalid YAML, and also (a YAML::ParserException saying so) where yaml-cpp 0.7's LoadAll would
// never return: on some malformed streams its parser stops advancing and yields empty documents
// until memory runs out. A stream has at most one document more than it has lines that start
// with "---" or "...", so the documents are counted first (no nodes are built) and a parser that
// yields more is stopped.
std::vector<YAML::Node> LoadYamlStream(const std::string& text);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_MARKUP_YAML_STREAM_H_
