#include "extract/core/json_text.h"

#include <algorithm>

#include "common/json_writer.h"
#include "common/strings.h"

namespace cnkg {
namespace {

using nlohmann::json;

// Captures the first parse error of a JSON text.
class ErrorSax : public nlohmann::json_sax<json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    failed = true;
    byte = position;
    detail = OneLineMessage(ex.what());
    if (std::size_t p = detail.find("] "); p != std::string::npos) detail.erase(0, p + 2);
    // nlohmann says "parse error at line 1, column 7: syntax error ..."; the line is ours.
    message = detail;
    if (std::size_t p = message.find(": ");
        p != std::string::npos && message.find("parse error") == 0)
      message.erase(0, p + 2);
    return false;
  }
  bool failed = false;
  std::size_t byte = 0;
  std::string message, detail;
};

}  // namespace

int JsonLineFinder::LineAt(std::size_t offset) {
  if (offset < line_pos_) {
    line_pos_ = 0;
    line_ = 1;
  }
  line_ += static_cast<int>(std::count(text_.begin() + line_pos_, text_.begin() + offset, '\n'));
  line_pos_ = offset;
  return line_;
}

int JsonLineFinder::LineOf(std::string_view value) {
  // As written raw, or with non-ASCII characters escaped ("\u00e9"), as many tools write JSON.
  const json v = std::string(value);
  const std::string raw = DumpJson(v);
  const std::string ascii = DumpJson(v, -1, /*ensure_ascii=*/true);
  for (const std::string* needle : {&raw, &ascii}) {
    if (needle == &ascii && ascii == raw) break;
    std::size_t at = text_.find(*needle, pos_);
    if (at == std::string_view::npos && pos_ > 0) at = text_.find(*needle);
    if (at == std::string_view::npos) continue;
    pos_ = at + needle->size();
    return LineAt(at);
  }
  return LineAt(line_pos_);
}

JsonSyntaxError FindJsonSyntaxError(std::string_view text) {
  ErrorSax sax;
  json::sax_parse(text.begin(), text.end(), &sax);
  JsonSyntaxError e;
  if (!sax.failed) {
    e.message = "not valid JSON";
    return e;
  }
  e.byte = std::min(sax.byte, text.size());
  // nlohmann counts the failing byte as read: the error is at the byte before `position`.
  const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
  e.line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
  e.message = sax.message;
  e.detail = sax.detail;
  return e;
}

Status JsonSyntaxStatus(const Document& doc, std::string_view what) {
  JsonSyntaxError e = FindJsonSyntaxError(doc.text);
  return Status::ParseError(doc.path + ":" + std::to_string(std::max(e.line, 1)) +
                            ": not valid JSON (" + e.message + "), so not read as " +
                            std::string(what));
}

namespace {

std::string KindName(json::value_t type) {
  switch (type) {
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "true/false";
    case json::value_t::null:
      return "null";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return "a number";
    default:
      return "not a JSON value";
  }
}

}  // namespace

std::string JsonKind(const json& value) { return KindName(value.type()); }

std::string JsonKind(const nlohmann::ordered_json& value) { return KindName(value.type()); }

}  // namespace cnkg
