#ifndef CNKG_COMMON_JSON_WRITER_H_
#define CNKG_COMMON_JSON_WRITER_H_

#include <nlohmann/json.hpp>
#include <string>

namespace cnkg {

// The one way cnkg turns a JSON value into text; every JSON writer of the program calls it.
// Never throws: a string that is not valid UTF-8 (nlohmann::json would throw type_error 316) has
// each invalid byte replaced by U+FFFD. `indent` < 0 writes one line; otherwise each level is
// indented by that many spaces. `ensure_ascii` escapes every non-ASCII character ("\u00e9").
std::string DumpJson(const nlohmann::json& j, int indent = -1, bool ensure_ascii = false);
// The same for a value that keeps its keys in insertion order (query results, reader input).
std::string DumpJson(const nlohmann::ordered_json& j, int indent = -1, bool ensure_ascii = false);

}  // namespace cnkg

#endif  // CNKG_COMMON_JSON_WRITER_H_
