#include "vimoe/util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vimoe {
namespace {

std::string errnoText() { return std::strerror(errno); }

bool writeAll(int fd, std::string_view data) {
  const char* p = data.data();
  std::size_t left = data.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

Status writeFileAtomically(const std::string& path, std::string_view contents) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Error::at(dir.string(), "cannot create directory: " + ec.message());

  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return Error::at(path, "cannot create temporary file: " + errnoText());
  const bool written = writeAll(fd, contents) && ::fsync(fd) == 0;
  const std::string writeError = written ? "" : errnoText();
  ::close(fd);
  if (!written) {
    ::unlink(tmpl.c_str());
    return Error::at(path, "write failed: " + writeError);
  }
  ::chmod(tmpl.c_str(), 0644);
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    const std::string why = errnoText();
    ::unlink(tmpl.c_str());
    return Error::at(path, "rename failed: " + why);
  }
  // fsync the directory so the rename itself survives a power cut.
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return okStatus();
}

Expected<std::string> readWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::at(path, "cannot open file (" + errnoText() + ")");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Error::at(path, "read failed");
  return buffer.str();
}

}  // namespace vimoe
