#include "store/connection.h"

#include <sqlite3.h>

namespace vimoe::store {
namespace {

// Writers take the write lock up front: a deferred transaction that reads first and writes
// later can fail with SQLITE_BUSY_SNAPSHOT, which the busy timeout does not retry.
constexpr const char* kBegin = "BEGIN IMMEDIATE";
constexpr const char* kCommit = "COMMIT";
constexpr const char* kRollback = "ROLLBACK";
constexpr const char* kSavepoint = "SAVEPOINT vimoe_nested";
constexpr const char* kRelease = "RELEASE vimoe_nested";
constexpr const char* kRollbackTo = "ROLLBACK TO vimoe_nested";

constexpr const char* kInsertMetricKey = "INSERT INTO metric_key(name) VALUES (?1) ON CONFLICT(name) DO NOTHING";
constexpr const char* kSelectMetricKey = "SELECT id FROM metric_key WHERE name = ?1";

}  // namespace

Connection::Connection(sqlite3* db, std::string path, RunStore::Mode mode)
    : m_db(db), m_path(std::move(path)), m_mode(mode) {}

Connection::~Connection() {
  rollbackAll();
  m_statements.clear();  // every statement must be finalized before the handle closes
  sqlite3_close_v2(m_db);
}

Expected<Query> Connection::query(const std::string& sql, const std::string& operation) {
  auto it = m_statements.find(sql);
  if (it == m_statements.end()) {
    auto prepared = CachedStatement::prepare(m_db, sql, m_path, operation);
    if (!prepared) return prepared.error();
    it = m_statements.emplace(sql, std::move(*prepared)).first;
  }
  return Query(it->second->handle(), m_path, operation);
}

Status Connection::execute(const std::string& sql, const std::string& operation) {
  auto q = query(sql, operation);
  if (!q) return q.error();
  return q->run();
}

Status Connection::executeOnce(const std::string& sql, const std::string& operation) {
  auto prepared = CachedStatement::prepare(m_db, sql, m_path, operation);
  if (!prepared) return prepared.error();
  return Query((*prepared)->handle(), m_path, operation).run();
}

Status Connection::requireWritable(const std::string& operation) const {
  if (m_mode == RunStore::Mode::ReadOnly) return Error::at(m_path, operation + ": the store was opened read-only");
  return okStatus();
}

Status Connection::begin(const std::string& operation) {
  auto status = execute(m_depth == 0 ? kBegin : kSavepoint, operation);
  if (status) ++m_depth;
  return status;
}

Status Connection::commit(const std::string& operation) {
  auto status = execute(m_depth == 1 ? kCommit : kRelease, operation);
  if (!status) {
    rollback();
    return status;
  }
  --m_depth;
  return status;
}

void Connection::rollback() {
  m_metricKeyIds.clear();
  // Some errors (I/O, out of memory, disk full) make SQLite roll back the whole transaction
  // by itself; then every level, a batch included, is gone.
  if (sqlite3_get_autocommit(m_db)) {
    m_depth = 0;
    m_batchDepth = 0;
    return;
  }
  if (m_depth > 1) {
    if (execute(kRollbackTo, "rollback") && execute(kRelease, "rollback")) {
      --m_depth;
      return;
    }
  }
  // Errors here cannot be reported more usefully than the one that caused the rollback.
  (void)execute(kRollback, "rollback");
  m_depth = 0;
  m_batchDepth = 0;
}

void Connection::rollbackAll() {
  while (m_depth > 0) rollback();
}

Status Connection::transaction(const std::string& operation, const std::function<Status()>& body) {
  if (auto writable = requireWritable(operation); !writable) return writable;
  if (auto begun = begin(operation); !begun) return begun;
  Status result = body();
  if (!result) {
    rollback();
    return result;
  }
  return commit(operation);
}

Status Connection::beginBatch() {
  if (auto writable = requireWritable("beginBatch"); !writable) return writable;
  auto status = begin("beginBatch");
  if (status) ++m_batchDepth;
  return status;
}

Status Connection::commitBatch() {
  if (m_batchDepth == 0)
    return Error::at(m_path, "commitBatch: no batch is open (no beginBatch, or it was rolled back after an error)");
  --m_batchDepth;
  return commit("commitBatch");
}

std::int64_t Connection::lastInsertRowid() const {
  return sqlite3_last_insert_rowid(m_db);
}

std::int64_t Connection::changes() const {
  return sqlite3_changes64(m_db);
}

Expected<std::int64_t> Connection::metricKeyId(const std::string& name, const std::string& operation) {
  if (auto it = m_metricKeyIds.find(name); it != m_metricKeyIds.end()) return it->second;
  {
    auto insert = query(kInsertMetricKey, operation);
    if (!insert) return insert.error();
    if (auto done = insert->bind(1, name).run(); !done) return done.error();
  }
  auto select = query(kSelectMetricKey, operation);
  if (!select) return select.error();
  auto row = select->bind(1, name).step();
  if (!row) return row.error();
  if (!*row) return Error::at(m_path, operation + ": metric key '" + name + "' vanished after insertion");
  const std::int64_t id = select->int64At(0);
  m_metricKeyIds.emplace(name, id);
  return id;
}

}  // namespace vimoe::store
