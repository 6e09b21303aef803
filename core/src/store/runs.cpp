// The run table: creating runs, their status and progress, reading them back, deleting them.
#include <array>
#include <cstdio>

#include "store/jobs.h"
#include "store/store_impl.h"
#include "vimoe/store/process_job.h"

namespace vimoe::store {
namespace {

// The run's columns, then its job's (NULL when it has none): readRun reads them by position.
const std::string kRunColumns =
    std::string("run.id, run.name, run.kind, run.status, run.config_json, run.config_hash, run.parent_run_id, run.seed, "
    "run.git_revision, run.host, run.versions, run.created_at, run.started_at, run.ended_at, run.notes, run.tags, "
    "run.step, run.total_steps, run.checkpoint_dir, ") +
    kJobColumns + " FROM run LEFT JOIN job ON job.id = run.job_id";
constexpr int kFirstJobColumn = 19;

const std::string kSelectRuns = std::string("SELECT ") + kRunColumns + " ORDER BY run.id";
const std::string kSelectRun = std::string("SELECT ") + kRunColumns + " WHERE run.id = ?1";

constexpr const char* kInsertRun =
    "INSERT INTO run (name, kind, status, config_json, config_hash, parent_run_id, seed, git_revision, host, "
    "versions, created_at, notes, tags, step, total_steps, checkpoint_dir) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, '', ?12, 0, ?13, ?14)";
// A resumed run keeps its first start time and is no longer ended.
// It also names the process now running it (NULL when the process has no job).
constexpr const char* kSetRunning =
    "UPDATE run SET status = ?2, started_at = coalesce(started_at, ?3), ended_at = NULL, job_id = ?4 WHERE id = ?1";
constexpr const char* kSetEnded = "UPDATE run SET status = ?2, ended_at = ?3 WHERE id = ?1";
constexpr const char* kSetQueued = "UPDATE run SET status = ?2 WHERE id = ?1";
constexpr const char* kSetProgress = "UPDATE run SET step = ?2 WHERE id = ?1";
constexpr const char* kSetNotes = "UPDATE run SET notes = ?2 WHERE id = ?1";
constexpr const char* kSetCheckpointDir = "UPDATE run SET checkpoint_dir = ?2 WHERE id = ?1";

// deleteRun removes children explicitly, so it does not depend on foreign_keys being on.
const std::array<const char*, 12> kDeleteRunRows = {
    "DELETE FROM scalar WHERE run_id = ?1",
    "DELETE FROM scalar_latest WHERE run_id = ?1",
    "DELETE FROM expert_load WHERE run_id = ?1",
    "DELETE FROM moe_layer WHERE run_id = ?1",
    "DELETE FROM routing_sample WHERE run_id = ?1",
    "DELETE FROM probe_sample WHERE run_id = ?1",
    "DELETE FROM expert_class WHERE run_id = ?1",
    "DELETE FROM eval WHERE run_id = ?1",
    "DELETE FROM artifact WHERE run_id = ?1",
    "DELETE FROM study_run WHERE run_id = ?1",
    "UPDATE run SET parent_run_id = NULL WHERE parent_run_id = ?1",
    "DELETE FROM run WHERE id = ?1",
};

// 64-bit FNV-1a: enough to tell configs apart at a glance and to group identical ones.
std::string configHash(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

Expected<RunInfo> readRun(const Query& q, const std::string& path) {
  RunInfo run;
  run.id = q.int64At(0);
  run.name = q.textAt(1);
  run.kind = q.textAt(2);
  const std::string status = q.textAt(3);
  auto parsed = parseRunStatus(status);
  if (!parsed)
    return Error::at(
        path, "run " + std::to_string(run.id) + " has an unknown status '" + status + "' (written by a newer vimoe?)");
  run.status = *parsed;
  run.configJson = q.textAt(4);
  run.configHash = q.textAt(5);
  if (!q.isNull(6)) run.parentRunId = q.int64At(6);
  run.seed = q.int64At(7);
  run.gitRevision = q.textAt(8);
  run.host = q.textAt(9);
  run.versions = q.textAt(10);
  // Times not reached yet are NULL and read as 0, as RunInfo documents.
  run.createdAt = q.optionalDoubleAt(11).value_or(0.0);
  run.startedAt = q.optionalDoubleAt(12).value_or(0.0);
  run.endedAt = q.optionalDoubleAt(13).value_or(0.0);
  run.notes = q.textAt(14);
  run.tags = q.textAt(15);
  run.step = q.int64At(16);
  run.totalSteps = q.int64At(17);
  run.checkpointDir = q.textAt(18);
  if (!q.isNull(kFirstJobColumn)) run.job = readJob(q, kFirstJobColumn);
  return run;
}

bool isTerminal(RunStatus status) {
  return status == RunStatus::Finished || status == RunStatus::Failed || status == RunStatus::Cancelled ||
         status == RunStatus::Diverged;
}

// Runs a one-row UPDATE of the run and reports a missing run instead of silently doing nothing.
Status updateRun(Connection& c, Query& q, std::int64_t runId, const std::string& operation) {
  if (auto done = q.run(); !done) return done;
  if (c.changes() == 0) return Error::at(c.path(), operation + ": run " + std::to_string(runId) + " does not exist");
  return okStatus();
}

}  // namespace

Expected<std::int64_t> RunStore::createRun(const NewRun& run) {
  const std::string op = "createRun";
  if (auto writable = m_impl->requireWritable(op); !writable) return writable.error();
  auto q = m_impl->query(kInsertRun, op);
  if (!q) return q.error();
  q->bind(1, run.name)
      .bind(2, run.kind)
      .bind(3, std::string(runStatusName(RunStatus::Queued)))
      .bind(4, run.configJson)
      .bind(5, configHash(run.configJson))
      .bind(6, run.parentRunId)
      .bind(7, run.seed)
      .bind(8, run.gitRevision)
      .bind(9, thisHostName())
      .bind(10, run.versions)
      .bind(11, unixNow())
      .bind(12, run.tags)
      .bind(13, run.totalSteps)
      .bind(14, run.checkpointDir);
  if (auto done = q->run(); !done) return done.error();
  return m_impl->lastInsertRowid();
}

Status RunStore::setRunStatus(std::int64_t runId, RunStatus status) {
  const std::string op = std::string("setRunStatus(") + runStatusName(status) + ")";
  if (auto writable = m_impl->requireWritable(op); !writable) return writable;
  const char* sql = status == RunStatus::Running ? kSetRunning : isTerminal(status) ? kSetEnded : kSetQueued;
  auto q = m_impl->query(sql, op);
  if (!q) return q.error();
  q->bind(1, runId).bind(2, std::string(runStatusName(status)));
  if (status != RunStatus::Queued) q->bind(3, unixNow());
  if (status == RunStatus::Running) q->bind(4, processJobId(*this));
  return updateRun(*m_impl, *q, runId, op);
}

Status RunStore::setRunProgress(std::int64_t runId, std::int64_t step) {
  if (auto writable = m_impl->requireWritable("setRunProgress"); !writable) return writable;
  auto q = m_impl->query(kSetProgress, "setRunProgress");
  if (!q) return q.error();
  q->bind(1, runId).bind(2, step);
  return updateRun(*m_impl, *q, runId, "setRunProgress");
}

Status RunStore::setRunNotes(std::int64_t runId, const std::string& notes) {
  if (auto writable = m_impl->requireWritable("setRunNotes"); !writable) return writable;
  auto q = m_impl->query(kSetNotes, "setRunNotes");
  if (!q) return q.error();
  q->bind(1, runId).bind(2, notes);
  return updateRun(*m_impl, *q, runId, "setRunNotes");
}

Status RunStore::setCheckpointDir(std::int64_t runId, const std::string& dir) {
  if (auto writable = m_impl->requireWritable("setCheckpointDir"); !writable) return writable;
  auto q = m_impl->query(kSetCheckpointDir, "setCheckpointDir");
  if (!q) return q.error();
  q->bind(1, runId).bind(2, dir);
  return updateRun(*m_impl, *q, runId, "setCheckpointDir");
}

Status RunStore::deleteRun(std::int64_t runId) {
  const std::string op = "deleteRun(" + std::to_string(runId) + ")";
  return m_impl->transaction(op, [&]() -> Status {
    for (const char* sql : kDeleteRunRows) {
      auto q = m_impl->query(sql, op);
      if (!q) return q.error();
      if (auto done = q->bind(1, runId).run(); !done) return done;
    }
    // The last statement deleted the run row itself.
    if (m_impl->changes() == 0) return Error::at(m_path, op + ": run " + std::to_string(runId) + " does not exist");
    return okStatus();
  });
}

Expected<std::vector<RunInfo>> RunStore::listRuns() const {
  auto q = m_impl->query(kSelectRuns, "listRuns");
  if (!q) return q.error();
  std::vector<RunInfo> runs;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return runs;
    auto run = readRun(*q, m_path);
    if (!run) return run.error();
    runs.push_back(std::move(*run));
  }
}

Expected<RunInfo> RunStore::run(std::int64_t runId) const {
  auto q = m_impl->query(kSelectRun, "run");
  if (!q) return q.error();
  auto row = q->bind(1, runId).step();
  if (!row) return row.error();
  if (!*row) return Error::at(m_path, "run " + std::to_string(runId) + " does not exist");
  return readRun(*q, m_path);
}

}  // namespace vimoe::store
