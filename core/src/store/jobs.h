// The job table's columns and row reader, shared by the job queries and the run queries that
// join a run to its job.
#pragma once

#include "store/statement.h"
#include "vimoe/store/run_store.h"

namespace vimoe::store {

inline constexpr const char* kJobColumns =
    "job.id, job.kind, job.title, job.pid, job.host, job.boot_id, job.start_ticks, job.log_path, job.started_at, "
    "job.ended_at, job.exit_code";

// Reads the kJobColumns starting at column `first`.
JobInfo readJob(const Query& q, int first);

}  // namespace vimoe::store
