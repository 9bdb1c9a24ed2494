#ifndef CNKG_COMMON_EMBEDDED_H_
#define CNKG_COMMON_EMBEDDED_H_

#include <string_view>

namespace cnkg {

// Returns the contents of a data file embedded into the binary at build time (see
// data/embed.cmake), looked up by its base name such as "extra_projects.tsv". Returns an empty
// view for an unknown name. The view points at static storage and is valid for the whole run.
std::string_view EmbeddedFile(std::string_view name);

}  // namespace cnkg

#endif  // CNKG_COMMON_EMBEDDED_H_
