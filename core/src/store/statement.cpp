#include "store/statement.h"

#include <sqlite3.h>

#include <limits>
#include <memory>

namespace vimoe::store {

Error sqliteError(sqlite3* db, const std::string& path, const std::string& operation) {
  return Error::at(path, operation + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

Expected<std::unique_ptr<CachedStatement>> CachedStatement::prepare(sqlite3* db, const std::string& sql,
                                                                    const std::string& path,
                                                                    const std::string& operation) {
  sqlite3_stmt* stmt = nullptr;
  // PREPARE_PERSISTENT: these statements live as long as the connection.
  const int rc =
      sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size() + 1), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    Error error = sqliteError(db, path, operation);
    sqlite3_finalize(stmt);
    return error;
  }
  return std::unique_ptr<CachedStatement>(new CachedStatement(stmt));
}

CachedStatement::~CachedStatement() {
  sqlite3_finalize(m_stmt);
}

Query::Query(sqlite3_stmt* stmt, const std::string& path, std::string operation)
    : m_stmt(stmt), m_path(&path), m_operation(std::move(operation)) {}

Query::Query(Query&& other) noexcept
    : m_stmt(other.m_stmt),
      m_path(other.m_path),
      m_operation(std::move(other.m_operation)),
      m_bindError(other.m_bindError) {
  other.m_stmt = nullptr;
}

Query::~Query() {
  if (!m_stmt) return;
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
}

void Query::noteBind(int rc) {
  if (rc != SQLITE_OK && m_bindError == SQLITE_OK) m_bindError = rc;
}

Query& Query::bind(int index, std::int64_t value) {
  noteBind(sqlite3_bind_int64(m_stmt, index, value));
  return *this;
}

Query& Query::bind(int index, double value) {
  noteBind(sqlite3_bind_double(m_stmt, index, value));
  return *this;
}

Query& Query::bind(int index, const std::string& value) {
  noteBind(sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

Query& Query::bind(int index, const std::optional<std::int64_t>& value) {
  return value ? bind(index, *value) : bindNull(index);
}

Query& Query::bind(int index, const std::optional<double>& value) {
  return value ? bind(index, *value) : bindNull(index);
}

Query& Query::bindNull(int index) {
  noteBind(sqlite3_bind_null(m_stmt, index));
  return *this;
}

Expected<bool> Query::step() {
  if (m_bindError != SQLITE_OK)
    return Error::at(*m_path, m_operation + ": cannot bind a parameter: " + sqlite3_errstr(m_bindError));
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqliteError(sqlite3_db_handle(m_stmt), *m_path, m_operation);
}

Status Query::run() {
  for (;;) {
    auto row = step();
    if (!row) return row.error();
    if (!*row) return okStatus();
  }
}

bool Query::isNull(int column) const {
  return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Query::int64At(int column) const {
  return sqlite3_column_int64(m_stmt, column);
}

double Query::doubleAt(int column) const {
  if (isNull(column)) return std::numeric_limits<double>::quiet_NaN();
  return sqlite3_column_double(m_stmt, column);
}

std::optional<double> Query::optionalDoubleAt(int column) const {
  if (isNull(column)) return std::nullopt;
  return sqlite3_column_double(m_stmt, column);
}

std::string Query::textAt(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
  if (!text) return {};
  return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
}

}  // namespace vimoe::store
