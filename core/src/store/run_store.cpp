// Opening and closing the store, batches, change polling and the status names. The other
// RunStore members live in files named after the tables they touch.
#include "vimoe/store/run_store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>

#include "store/schema.h"
#include "store/store_impl.h"
#include "vimoe/store/process_job.h"

namespace vimoe::store {
namespace {

constexpr const char* kJournalModeWal = "PRAGMA journal_mode = WAL";
// NORMAL in WAL mode: a commit survives a crash of the process, and at worst the last few
// commits are lost on a power cut; FULL would fsync on every logged step.
constexpr const char* kSynchronousNormal = "PRAGMA synchronous = NORMAL";
constexpr const char* kForeignKeysOn = "PRAGMA foreign_keys = ON";
constexpr const char* kDataVersion = "PRAGMA data_version";
constexpr int kBusyTimeoutMs = 5000;

Status applyWriterPragmas(Connection& connection) {
  // WAL lets readers (the GUI, `vimoe runs`) see committed rows while the trainer writes.
  // A file system without WAL support keeps the old journal mode; the store still works.
  for (const char* sql : {kJournalModeWal, kSynchronousNormal, kForeignKeysOn})
    if (auto done = connection.execute(sql, "configuring the connection"); !done) return done;
  return okStatus();
}

}  // namespace

std::optional<FileId> fileIdOf(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return FileId{static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino)};
}

double unixNow() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

const char* runStatusName(RunStatus status) {
  switch (status) {
    case RunStatus::Queued:
      return "queued";
    case RunStatus::Running:
      return "running";
    case RunStatus::Finished:
      return "finished";
    case RunStatus::Failed:
      return "failed";
    case RunStatus::Cancelled:
      return "cancelled";
    case RunStatus::Diverged:
      return "diverged";
  }
  return "unknown";
}

std::optional<RunStatus> parseRunStatus(const std::string& name) {
  for (auto status : {RunStatus::Queued, RunStatus::Running, RunStatus::Finished, RunStatus::Failed,
                      RunStatus::Cancelled, RunStatus::Diverged})
    if (name == runStatusName(status)) return status;
  return std::nullopt;
}

RunStore::RunStore(sqlite3* db, std::string path, Mode mode)
    : m_path(path), m_impl(std::make_unique<Impl>(db, std::move(path), mode)) {}

RunStore::~RunStore() = default;

int RunStore::schemaVersion() {
  return kSchemaVersion;
}

Expected<std::unique_ptr<RunStore>> RunStore::open(const std::string& path, Mode mode) {
  if (mode == Mode::ReadOnly) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return Error::at(path, "cannot open the run store read-only: no such file");
  }
  sqlite3* db = nullptr;
  const int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  // The store owns the handle from here on, so it is closed on every return path.
  std::unique_ptr<RunStore> store(new RunStore(db, path, mode));
  if (rc != SQLITE_OK) return sqliteError(db, path, "opening the run store");
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);

  Connection& connection = *store->m_impl;
  // Check the file before changing anything (even the journal mode), so a file this build
  // must not touch is rejected as it was.
  if (auto checked = checkSchema(connection); !checked) return checked.error();
  if (mode == Mode::ReadWrite) {
    if (auto configured = applyWriterPragmas(connection); !configured) return configured.error();
    if (auto migrated = migrateSchema(connection); !migrated) return migrated.error();
    // A process that declared a job shows up as soon as it opens the store, before its first
    // run starts (a study may generate data for minutes first).
    if (processJobDeclared()) (void)processJobId(*store);
  }
  // The schema check has read the database, which in WAL mode opened the WAL: these are the
  // files this connection reads (while it holds them open, no new file can get their inodes).
  store->m_impl->databaseFile = fileIdOf(path);
  store->m_impl->walFile = fileIdOf(path + "-wal");
  return Expected<std::unique_ptr<RunStore>>(std::move(store));
}

Expected<std::unique_ptr<RunStore>> RunStore::openForReading(const std::string& path) {
  auto reader = open(path, Mode::ReadOnly);
  if (reader) return reader;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return reader;
  // Read-write open rejects what it must not touch (not a store, a newer schema) with the same
  // messages, before changing anything.
  auto upgraded = open(path, Mode::ReadWrite);
  if (!upgraded) return upgraded.error();
  upgraded->reset();
  return open(path, Mode::ReadOnly);
}

bool RunStore::filesReplaced() const {
  if (fileIdOf(m_path) != m_impl->databaseFile) return true;
  const auto wal = fileIdOf(m_path + "-wal");
  if (!m_impl->walFile) {
    m_impl->walFile = wal;
    return false;
  }
  return wal != m_impl->walFile;
}

Status RunStore::beginBatch() {
  return m_impl->beginBatch();
}

Status RunStore::commitBatch() {
  return m_impl->commitBatch();
}

Expected<std::int64_t> RunStore::dataVersion() const {
  auto q = m_impl->query(kDataVersion, "dataVersion");
  if (!q) return q.error();
  auto row = q->step();
  if (!row) return row.error();
  if (!*row) return Error::at(m_path, "dataVersion: PRAGMA data_version returned no row");
  return q->int64At(0);
}

}  // namespace vimoe::store
