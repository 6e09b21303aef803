// One SQLite connection of the run store: the handle, its cache of prepared statements,
// transaction nesting (a batch holds the outer transaction; each write inside it is a
// savepoint) and the metric-name -> id cache. Every RunStore call goes through here.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "store/statement.h"
#include "vimoe/store/run_store.h"

namespace vimoe::store {

class Connection {
 public:
  Connection(sqlite3* db, std::string path, RunStore::Mode mode);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  sqlite3* db() const { return m_db; }
  const std::string& path() const { return m_path; }
  RunStore::Mode mode() const { return m_mode; }

  // A use of the statement for `sql`, prepared on first use and kept for the connection's
  // life. `sql` must be a constant text: values are always bound, never spliced in.
  Expected<Query> query(const std::string& sql, const std::string& operation);
  // Runs one statement without parameters whose rows are not needed.
  Status execute(const std::string& sql, const std::string& operation);
  // Like execute, but finalizes the statement afterwards: for one-off statements (migrations).
  Status executeOnce(const std::string& sql, const std::string& operation);

  Status requireWritable(const std::string& operation) const;
  // Runs `body` atomically: the outermost level is BEGIN IMMEDIATE .. COMMIT, inner levels
  // (inside a batch) are savepoints, so a failed write inside a batch undoes only itself.
  Status transaction(const std::string& operation, const std::function<Status()>& body);
  Status beginBatch();
  Status commitBatch();
  // Rolls back whatever is open; used when the store closes with a batch still open.
  void rollbackAll();

  std::int64_t lastInsertRowid() const;
  std::int64_t changes() const;

  // Ids of metric names, cached because every logScalars call needs them. Rows of metric_key
  // are never deleted, so a cached id stays valid unless the transaction that created it
  // rolls back; every rollback clears the cache.
  Expected<std::int64_t> metricKeyId(const std::string& name, const std::string& operation);

 private:
  Status begin(const std::string& operation);
  Status commit(const std::string& operation);
  void rollback();

  sqlite3* m_db;
  std::string m_path;
  RunStore::Mode m_mode;
  int m_depth = 0;       // open transaction levels, batch levels included
  int m_batchDepth = 0;  // levels opened by beginBatch
  std::unordered_map<std::string, std::unique_ptr<CachedStatement>> m_statements;
  std::unordered_map<std::string, std::int64_t> m_metricKeyIds;
};

}  // namespace vimoe::store
