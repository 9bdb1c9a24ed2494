#ifndef CNKG_COMMON_FILES_H_
#define CNKG_COMMON_FILES_H_

#include <string>

#include "common/status.h"

namespace cnkg {

// Reads a whole file. Fails with kNotFound if it does not exist and kIoError if it cannot be read
// (a directory, no permission); the message names the path.
Result<std::string> ReadFile(const std::string& path);

// Writes `contents` to `path` so that `path` is either left as it was or holds all of
// `contents`: the bytes go to a temporary file in the same directory, which is flushed and then
// renamed over `path`. On failure the temporary file is removed and the message names `path`.
Status WriteFileAtomically(const std::string& path, const std::string& contents);

}  // namespace cnkg

#endif  // CNKG_COMMON_FILES_H_
