#include "store/schema.h"

#include <sqlite3.h>

#include <vector>

namespace vimoe::store {
namespace {

// Version 1. Child tables reference run(id) with ON DELETE CASCADE for outside tools that
// delete with foreign keys on; deleteRun itself deletes children explicitly. Tables keyed by
// (run, ..., step) are WITHOUT ROWID so the primary key is the storage order and curves read
// as one range scan.
const std::vector<const char*> kCreateVersion1 = {
    R"sql(CREATE TABLE run (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      status TEXT NOT NULL,
      config_json TEXT NOT NULL DEFAULT '',
      config_hash TEXT NOT NULL DEFAULT '',
      parent_run_id INTEGER REFERENCES run(id) ON DELETE SET NULL,
      seed INTEGER NOT NULL DEFAULT 0,
      git_revision TEXT NOT NULL DEFAULT '',
      host TEXT NOT NULL DEFAULT '',
      versions TEXT NOT NULL DEFAULT '',
      created_at REAL NOT NULL,
      started_at REAL,
      ended_at REAL,
      notes TEXT NOT NULL DEFAULT '',
      tags TEXT NOT NULL DEFAULT '',
      step INTEGER NOT NULL DEFAULT 0,
      total_steps INTEGER NOT NULL DEFAULT 0,
      checkpoint_dir TEXT NOT NULL DEFAULT '')
    )sql",
    // Foreign-key actions look children up by parent; without these they scan the table.
    "CREATE INDEX run_parent ON run(parent_run_id)",
    "CREATE TABLE metric_key (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
    R"sql(CREATE TABLE scalar (
      run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
      key_id INTEGER NOT NULL REFERENCES metric_key(id),
      step INTEGER NOT NULL,
      value REAL,
      value_type INTEGER NOT NULL DEFAULT 0,
      wall_time REAL NOT NULL,
      PRIMARY KEY (run_id, key_id, step)) WITHOUT ROWID
    )sql",
    R"sql(CREATE TABLE scalar_latest (
      run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
      key_id INTEGER NOT NULL REFERENCES metric_key(id),
      step INTEGER NOT NULL,
      value REAL,
      value_type INTEGER NOT NULL DEFAULT 0,
      min_value REAL,
      max_value REAL,
      PRIMARY KEY (run_id, key_id)) WITHOUT ROWID
    )sql",
    R"sql(CREATE TABLE expert_load (
      run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
      layer INTEGER NOT NULL,
      step INTEGER NOT NULL,
      expert INTEGER NOT NULL,
      tokens REAL,
      fraction REAL,
      mean_gate REAL,
      dropped REAL,
      image_tokens REAL,
      text_tokens REAL,
      PRIMARY KEY (run_id, layer, step, expert)) WITHOUT ROWID
    )sql",
    R"sql(CREATE TABLE moe_layer (
      run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
      layer INTEGER NOT NULL,
      name TEXT NOT NULL,
      PRIMARY KEY (run_id, layer))
    )sql",
    R"sql(CREATE TABLE routing_sample (
      run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
      step INTEGER NOT NULL,
      sample INTEGER NOT NULL,
      layer INTEGER NOT NULL,
      token INTEGER NOT NULL,
      experts TEXT NOT NULL,
      gates TEXT NOT NULL,
      PRIMARY KEY (run_id, step, sample, layer, token)) WITHOUT ROWID
    )sql",
    R"sql(CREATE TABLE eval (
      run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
      split TEXT NOT NULL,
      metric TEXT NOT NULL,
      value REAL,
      details_json TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (run_id, split, metric))
    )sql",
    R"sql(CREATE TABLE artifact (
      run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      path TEXT NOT NULL,
      sha256 TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (run_id, kind))
    )sql",
    R"sql(CREATE TABLE study (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      config_json TEXT NOT NULL DEFAULT '',
      created_at REAL NOT NULL)
    )sql",
    R"sql(CREATE TABLE study_run (
      study_id INTEGER NOT NULL REFERENCES study(id) ON DELETE CASCADE,
      run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
      role TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (study_id, run_id))
    )sql",
    "CREATE INDEX study_run_run ON study_run(run_id)",
    "PRAGMA user_version = 1",
};

// Version 2: routing snapshots say which modality a token belongs to (a LIMoE shared tower
// routes both through one layer) and whether each choice was kept; the probe set and the
// expert x class counts get tables. Version 1 never wrote routing_sample rows, so the table is
// recreated rather than copied.
const std::vector<const char*> kUpgradeToVersion2 = {
    "DROP TABLE routing_sample",
    R"sql(CREATE TABLE routing_sample (
      run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
      step INTEGER NOT NULL,
      sample INTEGER NOT NULL,
      modality TEXT NOT NULL,
      layer INTEGER NOT NULL,
      token INTEGER NOT NULL,
      experts TEXT NOT NULL,
      gates TEXT NOT NULL,
      kept TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (run_id, step, sample, modality, layer, token)) WITHOUT ROWID
    )sql",
    R"sql(CREATE TABLE probe_sample (
      run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
      sample INTEGER NOT NULL,
      image_path TEXT NOT NULL,
      caption TEXT NOT NULL,
      label TEXT NOT NULL DEFAULT '',
      tokens TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (run_id, sample))
    )sql",
    R"sql(CREATE TABLE expert_class (
      run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
      layer INTEGER NOT NULL,
      step INTEGER NOT NULL,
      modality TEXT NOT NULL,
      class TEXT NOT NULL,
      expert INTEGER NOT NULL,
      tokens REAL NOT NULL,
      PRIMARY KEY (run_id, layer, step, modality, class, expert)) WITHOUT ROWID
    )sql",
    "PRAGMA user_version = 2",
};

// Version 3: the processes behind runs. A job is one `vimoe` process (train, study, attack,
// compress) that registers itself with its identity (pid, host, boot, start time) and log
// file; a run points at the job that last set it running. A run marked running whose job's
// process is gone is "lost" (killed, machine rebooted), and a cancel is sent only to the
// process that really is the job.
const std::vector<const char*> kUpgradeToVersion3 = {
    R"sql(CREATE TABLE job (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      title TEXT NOT NULL DEFAULT '',
      pid INTEGER NOT NULL,
      host TEXT NOT NULL DEFAULT '',
      boot_id TEXT NOT NULL DEFAULT '',
      start_ticks INTEGER NOT NULL DEFAULT 0,
      log_path TEXT NOT NULL DEFAULT '',
      started_at REAL NOT NULL,
      ended_at REAL,
      exit_code INTEGER)
    )sql",
    "CREATE INDEX job_open ON job(ended_at)",
    "ALTER TABLE run ADD COLUMN job_id INTEGER REFERENCES job(id) ON DELETE SET NULL",
    "PRAGMA user_version = 3",
};

// migrations[v] takes a store from version v to v + 1.
const std::vector<std::vector<const char*>>& migrations() {
  static const std::vector<std::vector<const char*>> steps = {kCreateVersion1, kUpgradeToVersion2,
                                                              kUpgradeToVersion3};
  return steps;
}

constexpr const char* kUserVersion = "PRAGMA user_version";
constexpr const char* kCountSchemaObjects = "SELECT count(*) FROM sqlite_master";

Expected<std::int64_t> readInteger(Connection& connection, const char* sql, const std::string& operation) {
  auto q = connection.query(sql, operation);
  if (!q) return q.error();
  auto row = q->step();
  if (!row) return row.error();
  return *row ? q->int64At(0) : 0;
}

Expected<std::int64_t> readSchemaVersion(Connection& connection) {
  auto version = readInteger(connection, kUserVersion, "reading the schema version");
  // The first read of the file is where SQLite notices that it is not a database at all.
  if (!version && (sqlite3_errcode(connection.db()) & 0xff) == SQLITE_NOTADB)
    return Error::at(connection.path(), "not a vimoe store: file is not a database");
  return version;
}

// Rejects what this build must not touch; returns the version found otherwise.
Expected<std::int64_t> checkedVersion(Connection& connection) {
  auto version = readSchemaVersion(connection);
  if (!version) return version;
  if (*version > kSchemaVersion)
    return Error{connection.path() + " was written by a newer vimoe (schema " + std::to_string(*version) +
                 ", this build understands " + std::to_string(kSchemaVersion) + ")"};
  if (*version < 0) return Error::at(connection.path(), "not a vimoe store: negative schema version");
  if (*version == 0) {
    auto objects = readInteger(connection, kCountSchemaObjects, "inspecting the schema");
    if (!objects) return objects.error();
    if (*objects > 0)
      return Error::at(connection.path(),
                       "not a vimoe store: the SQLite database already holds other tables; choose another file");
  }
  return version;
}

}  // namespace

Status checkSchema(Connection& connection) {
  auto version = checkedVersion(connection);
  if (!version) return version.error();
  if (*version < kSchemaVersion && connection.mode() == RunStore::Mode::ReadOnly)
    return Error::at(connection.path(), "not a vimoe store yet (schema " + std::to_string(*version) +
                                            "); open it read-write once to create or upgrade it");
  return okStatus();
}

Status migrateSchema(Connection& connection) {
  // The usual case, checked without the write lock, which a running trainer may be holding.
  auto current = readSchemaVersion(connection);
  if (!current) return current.error();
  if (*current == kSchemaVersion) return okStatus();
  return connection.transaction("creating the schema", [&]() -> Status {
    // Checked again under the write lock: another process may have migrated meanwhile.
    auto version = checkedVersion(connection);
    if (!version) return version.error();
    for (auto v = *version; v < kSchemaVersion; ++v)
      for (const char* sql : migrations()[static_cast<std::size_t>(v)])
        if (auto done = connection.executeOnce(sql, "migrating the schema to version " + std::to_string(v + 1)); !done)
          return done;
    return okStatus();
  });
}

}  // namespace vimoe::store
