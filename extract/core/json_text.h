#ifndef CNKG_EXTRACT_CORE_JSON_TEXT_H_
#define CNKG_EXTRACT_CORE_JSON_TEXT_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/status.h"
#include "extract/core/document.h"

namespace cnkg {

// Helpers for the readers of JSON exports: where a value is written in the text (evidence names
// lines), and errors a user can act on.

// Finds the lines where string values are written in a JSON text. Values are looked up in
// document order: each search starts where the previous one ended, and wraps around to the
// start once, so that reading records in the order they are written costs one pass over the text.
// Holds a reference to `text`, which must outlive it.
class JsonLineFinder {
 public:
  explicit JsonLineFinder(std::string_view text) : text_(text) {}
  // The 1-based line where the string `value` is written (as JSON, quotes included) at or after
  // the previous find; the previous line found (1 at first) when it is not found. Never fails.
  int LineOf(std::string_view value);

 private:
  int LineAt(std::size_t offset);
  std::string_view text_;
  std::size_t pos_ = 0;       // where the next search starts
  std::size_t line_pos_ = 0;  // offset whose line is line_
  int line_ = 1;
};

// The first syntax error of a JSON text: the 1-based line and the byte offset where parsing
// failed, and nlohmann's message ("syntax error while parsing object - unexpected end of input;
// expected '}'"). Line 0 when the text parses.
struct JsonSyntaxError {
  int line = 0;
  std::size_t byte = 0;
  std::string message;
  // nlohmann's own text, with its position: "parse error at line 1, column 7: syntax error ...".
  std::string detail;
};
JsonSyntaxError FindJsonSyntaxError(std::string_view text);

// "PATH:LINE: not valid JSON (MESSAGE), so not read as WHAT": the kParseError of a JSON export
// that does not parse. `what` names the format ("a Sessionize JSON export").
Status JsonSyntaxStatus(const Document& doc, std::string_view what);

// "an object", "an array", "a string", "a number", "true/false" or "null": a JSON value's kind,
// for messages such as "'sessions' is a string, expected an array".
std::string JsonKind(const nlohmann::json& value);
// The same for a value parsed keeping its members in document order.
std::string JsonKind(const nlohmann::ordered_json& value);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_CORE_JSON_TEXT_H_
