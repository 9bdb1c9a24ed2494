#ifndef CNKG_COMMON_FILES_H_
#define CNKG_COMMON_FILES_H_

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "common/status.h"

namespace cnkg {

// Reads a whole file. Fails with kNotFound if it does not exist and kIoError if it cannot be read
// (a directory, no permission); the message names the path.
Result<std::string> ReadFile(const std::string& path);

// A regular file mapped read-only into memory, for reading large files without copying them
// (the pages come straight from the page cache). Unmapped when destroyed; movable, not copyable.
// The bytes must not be used after the MappedFile is gone.
class MappedFile {
 public:
  // Maps the whole file; with `populate`, every page is mapped at once (for files read whole),
  // otherwise pages are mapped as they are touched. Returns nullopt when `path` cannot be mapped
  // (missing, not a regular file, no permission, mmap failed): callers fall back to ReadFile, which
  // names the problem.
  static std::optional<MappedFile> Open(const std::string& path, bool populate = true);

  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  MappedFile(void* data, std::size_t size) : data_(data), size_(size) {}
  void* data_ = nullptr;  // nullptr for an empty file
  std::size_t size_ = 0;
};

// Writes `contents` to `path` so that `path` is either left as it was or holds all of
// `contents`: the bytes go to a temporary file in the same directory, which is flushed and then
// renamed over `path`. On failure the temporary file is removed and the message names `path`.
Status WriteFileAtomically(const std::string& path, const std::string& contents);
// The same for a file whose contents are `pieces`, one after the other, so that a large file
// made of parts need not be copied into one string first.
Status WriteFileAtomically(const std::string& path, std::span<const std::string_view> pieces);

}  // namespace cnkg

#endif  // CNKG_COMMON_FILES_H_
