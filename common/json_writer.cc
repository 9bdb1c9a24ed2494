#include "common/json_writer.h"

namespace cnkg {
namespace {

template <typename Json>
std::string Dump(const Json& j, int indent, bool ensure_ascii) {
  return j.dump(indent, ' ', ensure_ascii, Json::error_handler_t::replace);
}

}  // namespace

std::string DumpJson(const nlohmann::json& j, int indent, bool ensure_ascii) {
  return Dump(j, indent, ensure_ascii);
}

std::string DumpJson(const nlohmann::ordered_json& j, int indent, bool ensure_ascii) {
  return Dump(j, indent, ensure_ascii);
}

}  // namespace cnkg
