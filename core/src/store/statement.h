// A thin RAII layer over sqlite3_stmt. CachedStatement owns a prepared statement for the life
// of the connection; Query is one use of it: bind, step, read columns, and reset on scope
// exit. Resetting at once matters for readers: a statement left mid-iteration keeps a read
// transaction open, which pins the WAL and hides later commits from this connection.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "vimoe/util/expected.h"

struct sqlite3;
struct sqlite3_stmt;

namespace vimoe::store {

// "PATH: OPERATION: sqlite's message" for the last error on `db`.
Error sqliteError(sqlite3* db, const std::string& path, const std::string& operation);

class CachedStatement {
 public:
  static Expected<std::unique_ptr<CachedStatement>> prepare(sqlite3* db, const std::string& sql,
                                                            const std::string& path, const std::string& operation);
  ~CachedStatement();
  CachedStatement(const CachedStatement&) = delete;
  CachedStatement& operator=(const CachedStatement&) = delete;

  sqlite3_stmt* handle() const { return m_stmt; }

 private:
  explicit CachedStatement(sqlite3_stmt* stmt) : m_stmt(stmt) {}
  sqlite3_stmt* m_stmt;
};

class Query {
 public:
  Query(sqlite3_stmt* stmt, const std::string& path, std::string operation);
  ~Query();
  Query(Query&& other) noexcept;
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  Query& operator=(Query&&) = delete;

  // Binding never fails loudly here; a failed bind (wrong index, out of memory) is reported
  // by the next step() so call sites stay one line per parameter. Indexes start at 1.
  Query& bind(int index, std::int64_t value);
  Query& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Query& bind(int index, double value);
  Query& bind(int index, const std::string& value);
  Query& bind(int index, const std::optional<std::int64_t>& value);
  Query& bind(int index, const std::optional<double>& value);
  Query& bindNull(int index);

  // true: a row is ready to read; false: the statement has finished.
  Expected<bool> step();
  // Steps to completion, for statements whose rows (if any) are not needed.
  Status run();

  bool isNull(int column) const;
  std::int64_t int64At(int column) const;
  double doubleAt(int column) const;  // NULL reads as NaN
  std::optional<double> optionalDoubleAt(int column) const;
  std::string textAt(int column) const;

 private:
  void noteBind(int rc);

  sqlite3_stmt* m_stmt;
  const std::string* m_path;
  std::string m_operation;
  int m_bindError = 0;
};

}  // namespace vimoe::store
