#include "vimoe/util/atomic_folder.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace vimoe {
namespace fs = std::filesystem;

namespace {

fs::path besideDir(const std::string& dir, const std::string& suffix) {
  fs::path target = fs::path(dir).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();  // "ckpt/" -> "ckpt"
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  return parent / ("." + target.filename().string() + suffix);
}

void syncFolder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Hard links are free and leave the old folder untouched (every writer replaces files by
// rename, never in place); a copy is the fallback across devices or on file systems without links.
Status carryOverUnwrittenFiles(const fs::path& from, const fs::path& staging) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(from, ec)) {
    const fs::path target = staging / entry.path().filename();
    if (fs::exists(target)) continue;
    fs::create_hard_link(entry.path(), target, ec);
    if (ec) fs::copy(entry.path(), target, fs::copy_options::recursive, ec);
    if (ec) return Error::at(entry.path().string(), "cannot carry the file into the new folder: " + ec.message());
  }
  if (ec) return Error::at(from.string(), "cannot list the folder: " + ec.message());
  return okStatus();
}

Status swapInto(const fs::path& staging, const fs::path& target) {
  if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) return okStatus();
  if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
    return Error::at(target.string(), std::string("cannot swap in the new folder: ") + std::strerror(errno));
  // No exchange on this file system: old -> previous, staging -> target, then drop previous.
  const fs::path previous = besideDir(target.string(), ".previous");
  std::error_code ec;
  fs::remove_all(previous, ec);
  fs::rename(target, previous, ec);
  if (ec) return Error::at(target.string(), "cannot move the old folder aside: " + ec.message());
  fs::rename(staging, target, ec);
  if (ec) return Error::at(target.string(), "cannot move the new folder in: " + ec.message());
  syncFolder(target.parent_path().empty() ? fs::path(".") : target.parent_path());
  fs::rename(previous, staging, ec);  // the caller removes `staging` as the old folder
  return okStatus();
}

}  // namespace

std::string stagingFolderFor(const std::string& dir) { return besideDir(dir, ".saving").string(); }
std::string previousFolderFor(const std::string& dir) { return besideDir(dir, ".previous").string(); }

Status recoverInterruptedFolderReplace(const std::string& dir) {
  const fs::path previous = previousFolderFor(dir);
  std::error_code ec;
  if (fs::exists(dir, ec) || !fs::is_directory(previous, ec)) return okStatus();
  fs::rename(previous, dir, ec);
  if (ec) return Error::at(dir, "an interrupted save left the last complete folder at " + previous.string() +
                                    " and it cannot be moved back: " + ec.message());
  return okStatus();
}

Status replaceFolderAtomically(const std::string& dir, const std::function<Status(const std::string& staging)>& fill) {
  if (auto s = recoverInterruptedFolderReplace(dir); !s) return s;
  const fs::path target = fs::path(dir).lexically_normal();
  const fs::path staging = stagingFolderFor(dir);
  std::error_code ec;
  // A staging folder left by a killed save is either half-written or the swapped-out old
  // folder: never the only copy of anything.
  fs::remove_all(staging, ec);
  fs::create_directories(staging, ec);
  if (ec) return Error::at(staging.string(), "cannot create the staging folder: " + ec.message());
  Status filled = fill(staging.string());
  const bool replacing = fs::is_directory(target, ec);
  if (filled && replacing) filled = carryOverUnwrittenFiles(target, staging);
  if (!filled) {
    fs::remove_all(staging, ec);
    return filled;
  }
  syncFolder(staging);
  if (!replacing) {
    fs::rename(staging, target, ec);
    if (ec) return Error::at(dir, "cannot move the new folder in: " + ec.message());
  } else if (auto s = swapInto(staging, target); !s) {
    return s;
  }
  syncFolder(target.has_parent_path() ? target.parent_path() : fs::path("."));
  fs::remove_all(staging, ec);  // now the old folder
  return okStatus();
}

}  // namespace vimoe
