// The job table: processes register themselves, say when they end, and readers list the ones
// that never did (running or lost).
#include "store/jobs.h"

#include "store/store_impl.h"

namespace vimoe::store {
namespace {

constexpr const char* kInsertJob =
    "INSERT INTO job (kind, title, pid, host, boot_id, start_ticks, log_path, started_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr const char* kEndJob = "UPDATE job SET ended_at = ?2, exit_code = ?3 WHERE id = ?1";
const std::string kSelectOpenJobs =
    std::string("SELECT ") + kJobColumns + " FROM job WHERE ended_at IS NULL ORDER BY id";

}  // namespace

JobInfo readJob(const Query& q, int first) {
  JobInfo job;
  job.id = q.int64At(first);
  job.kind = q.textAt(first + 1);
  job.title = q.textAt(first + 2);
  job.process.pid = q.int64At(first + 3);
  job.process.host = q.textAt(first + 4);
  job.process.bootId = q.textAt(first + 5);
  job.process.startTicks = q.int64At(first + 6);
  job.logPath = q.textAt(first + 7);
  job.startedAt = q.optionalDoubleAt(first + 8).value_or(0.0);
  job.endedAt = q.optionalDoubleAt(first + 9).value_or(0.0);
  if (!q.isNull(first + 10)) job.exitCode = static_cast<int>(q.int64At(first + 10));
  return job;
}

Expected<std::int64_t> RunStore::registerJob(const JobInfo& job) {
  if (auto writable = m_impl->requireWritable("registerJob"); !writable) return writable.error();
  auto q = m_impl->query(kInsertJob, "registerJob");
  if (!q) return q.error();
  q->bind(1, job.kind)
      .bind(2, job.title)
      .bind(3, job.process.pid)
      .bind(4, job.process.host)
      .bind(5, job.process.bootId)
      .bind(6, job.process.startTicks)
      .bind(7, job.logPath)
      .bind(8, unixNow());
  if (auto done = q->run(); !done) return done.error();
  return m_impl->lastInsertRowid();
}

Status RunStore::endJob(std::int64_t jobId, int exitCode) {
  if (auto writable = m_impl->requireWritable("endJob"); !writable) return writable;
  auto q = m_impl->query(kEndJob, "endJob");
  if (!q) return q.error();
  q->bind(1, jobId).bind(2, unixNow()).bind(3, static_cast<std::int64_t>(exitCode));
  return q->run();
}

Expected<std::vector<JobInfo>> RunStore::openJobs() const {
  auto q = m_impl->query(kSelectOpenJobs, "openJobs");
  if (!q) return q.error();
  std::vector<JobInfo> jobs;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return jobs;
    jobs.push_back(readJob(*q, 0));
  }
}

}  // namespace vimoe::store
