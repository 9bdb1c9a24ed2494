#include "export/export.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>

#include "common/json_writer.h"
#include "common/strings.h"
#include "export/cypher.h"
#include "export/dot.h"
#include "export/graphml.h"
#include "export/kuzu.h"
#include "export/neo4j_csv.h"
#include "graph/binary_graph.h"
#include "graph/snapshot.h"

namespace cnkg {
namespace {

Status UnknownFormat(std::string_view format) {
  return Status::InvalidArgument("unknown export format '" + std::string(format) +
                                 "' (known: " + Join(ExportFormatNames(), ", ") + ")");
}

std::string Errno() { return std::strerror(errno); }

// Whether a directory export may have written the entry `name` (see WriteExportDirectory).
bool LooksExported(const std::string& name) {
  for (std::string_view ext : {".csv", ".cypher", ".sh"}) {
    if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) {
      return true;
    }
  }
  return false;
}

// The entries of directory `path` other than "." and "..".
Result<std::vector<std::string>> ListDirectory(const std::string& path) {
  DIR* d = ::opendir(path.c_str());
  if (d == nullptr) return Status::IoError(path + ": cannot read directory: " + Errno());
  std::vector<std::string> out;
  while (struct dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name != "." && name != "..") out.push_back(std::move(name));
  }
  ::closedir(d);
  return out;
}

// Removes a directory written by WriteFiles or checked by LooksExported (regular files only).
void RemoveFlatDirectory(const std::string& path) {
  auto entries = ListDirectory(path);
  if (entries.ok()) {
    for (const std::string& name : *entries) ::unlink((path + "/" + name).c_str());
  }
  ::rmdir(path.c_str());
}

void SyncPath(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// Writes every file into the existing directory `tmp`; errors name them as inside `dir`.
Status WriteFiles(const std::string& tmp, const std::string& dir,
                  const std::vector<ExportFile>& files) {
  for (const ExportFile& f : files) {
    const std::string path = tmp + "/" + f.name;
    const std::string shown = dir + "/" + f.name;
    const mode_t mode = f.executable ? 0755 : 0644;
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) return Status::IoError(shown + ": cannot write: " + Errno());
    const char* p = f.contents.data();
    std::size_t left = f.contents.size();
    while (left > 0) {
      ssize_t n = ::write(fd, p, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        std::string err = Errno();
        ::close(fd);
        return Status::IoError(shown + ": write failed: " + err);
      }
      p += n;
      left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
      std::string err = Errno();
      ::close(fd);
      return Status::IoError(shown + ": write failed: " + err);
    }
    if (::close(fd) != 0) return Status::IoError(shown + ": write failed: " + Errno());
    ::chmod(path.c_str(), mode);  // not narrowed by the umask
  }
  return Status::Ok();
}

}  // namespace

const std::vector<std::string>& ExportFormatNames() {
  static const std::vector<std::string> names = {"json",   "cnkg",      "graphml", "dot",
                                                 "cypher", "neo4j-csv", "kuzu"};
  return names;
}

bool IsDirectoryFormat(std::string_view format) {
  return format == "neo4j-csv" || format == "kuzu";
}

Result<std::string> ExportGraph(const KnowledgeGraph& graph, std::string_view format) {
  if (format == "json") return DumpJson(ToNodeLink(graph), 1) + "\n";
  if (format == "cnkg") return SerializeBinaryGraph(graph);
  if (format == "graphml") return ToGraphML(graph);
  if (format == "dot") return ToDot(graph);
  if (format == "cypher") return ToCypher(graph);
  if (IsDirectoryFormat(format)) {
    return Status::InvalidArgument("export format '" + std::string(format) +
                                   "' writes a directory of files, not one file");
  }
  return UnknownFormat(format);
}

Result<std::vector<ExportFile>> ExportGraphFiles(const KnowledgeGraph& graph,
                                                 std::string_view format) {
  if (format == "neo4j-csv") return ToNeo4jCsv(graph);
  if (format == "kuzu") return ToKuzu(graph);
  for (const std::string& known : ExportFormatNames()) {
    if (format == known) {
      return Status::InvalidArgument("export format '" + std::string(format) +
                                     "' writes one file, not a directory");
    }
  }
  return UnknownFormat(format);
}

Status WriteExportDirectory(const std::string& dir, const std::vector<ExportFile>& files,
                            bool force) {
  std::set<std::string> names;
  for (const ExportFile& f : files) {
    if (f.name.empty() || f.name == "." || f.name == ".." || f.name[0] == '.' ||
        f.name.find('/') != std::string::npos || !names.insert(f.name).second) {
      return Status::Internal(dir + ": bad or repeated export file name '" + f.name + "'");
    }
  }

  // The directory as a path without trailing slashes, and its parent.
  std::string path = dir;
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path.empty() || path == "/" || path == "." || path == "..") {
    return Status::InvalidArgument(dir + ": not a directory cnkg can replace; name a new one");
  }
  const std::size_t slash = path.rfind('/');
  const std::string parent =
      slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  if (base == "." || base == "..") {
    return Status::InvalidArgument(dir + ": not a directory cnkg can replace; name a new one");
  }

  // What is there now.
  bool occupied = false;
  struct stat st;
  if (::lstat(path.c_str(), &st) == 0) {
    if (S_ISLNK(st.st_mode)) {
      return Status::IoError(dir + ": is a symbolic link; give the directory itself");
    }
    if (!S_ISDIR(st.st_mode)) return Status::IoError(dir + ": exists and is not a directory");
    auto entries = ListDirectory(path);
    if (!entries.ok()) return entries.status();
    occupied = !entries->empty();
    if (occupied && !force) {
      return Status::InvalidArgument(dir + ": directory is not empty (use --force to replace it)");
    }
    for (const std::string& name : *entries) {
      struct stat est;
      const std::string entry = path + "/" + name;
      if (::lstat(entry.c_str(), &est) != 0 || !S_ISREG(est.st_mode) || !LooksExported(name)) {
        return Status::InvalidArgument(
            dir + ": not replacing a directory that holds '" + name +
            "', which is not a file a cnkg export writes; remove it or choose another directory");
      }
    }
  } else if (errno != ENOENT) {
    return Status::IoError(dir + ": cannot write: " + Errno());
  }

  // Write everything into a temporary sibling.
  std::string tmp = parent + "/." + base + ".tmp.XXXXXX";
  if (::mkdtemp(tmp.data()) == nullptr) return Status::IoError(dir + ": cannot write: " + Errno());
  Status s = WriteFiles(tmp, dir, files);
  if (!s.ok()) {
    RemoveFlatDirectory(tmp);
    return s;
  }
  ::chmod(tmp.c_str(), 0755);
  SyncPath(tmp);

  if (!occupied) {
    // rename(2) replaces an empty directory.
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
      std::string err = Errno();
      RemoveFlatDirectory(tmp);
      return Status::IoError(dir + ": cannot create: " + err);
    }
  } else {
    // Move the old export aside, move the new one in, then delete the old one.
    std::string old = parent + "/." + base + ".old.XXXXXX";
    if (::mkdtemp(old.data()) == nullptr) {
      std::string err = Errno();
      RemoveFlatDirectory(tmp);
      return Status::IoError(dir + ": cannot replace: " + err);
    }
    if (std::rename(path.c_str(), old.c_str()) != 0) {
      std::string err = Errno();
      ::rmdir(old.c_str());
      RemoveFlatDirectory(tmp);
      return Status::IoError(dir + ": cannot replace: " + err);
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
      std::string err = Errno();
      std::rename(old.c_str(), path.c_str());  // put the old export back
      RemoveFlatDirectory(tmp);
      return Status::IoError(dir + ": cannot replace: " + err);
    }
    RemoveFlatDirectory(old);
  }
  SyncPath(parent);
  return Status::Ok();
}

}  // namespace cnkg
