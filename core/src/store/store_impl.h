// RunStore's private state, shared by the files that implement its parts (runs, scalars,
// expert load, routing, evals, studies). Everything lives in the Connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/connection.h"

namespace vimoe::store {

// Which file a path named when it was looked at: a replaced file has another inode.
struct FileId {
  std::uint64_t device = 0, inode = 0;
  bool operator==(const FileId& other) const { return device == other.device && inode == other.inode; }
  bool operator!=(const FileId& other) const { return !(*this == other); }
};
std::optional<FileId> fileIdOf(const std::string& path);

struct RunStore::Impl : Connection {
  using Connection::Connection;
  // The database and WAL files this connection reads (filesReplaced()), recorded at open; a
  // WAL that did not exist then is recorded when first seen.
  std::optional<FileId> databaseFile;
  std::optional<FileId> walFile;
};

// Unix time in seconds, the unit of every *_at and wall_time column.
double unixNow();

}  // namespace vimoe::store
