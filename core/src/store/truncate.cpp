// Resuming from a checkpoint: rows logged after the checkpoint's step are dropped (the resumed
// run logs them again) and the scalar summary is rebuilt from what remains.
#include <array>

#include "store/store_impl.h"

namespace vimoe::store {
namespace {

const std::array<const char*, 5> kTruncate = {
    "DELETE FROM scalar WHERE run_id = ?1 AND step > ?2",
    "DELETE FROM expert_class WHERE run_id = ?1 AND step > ?2",
    "DELETE FROM expert_load WHERE run_id = ?1 AND step > ?2",
    "DELETE FROM routing_sample WHERE run_id = ?1 AND step > ?2",
    "UPDATE run SET step = ?2 WHERE id = ?1 AND step > ?2",
};

constexpr const char* kClearLatest = "DELETE FROM scalar_latest WHERE run_id = ?1";

// Last value at the highest remaining step, min/max over finite values (value_type 0).
constexpr const char* kRebuildLatest =
    "INSERT INTO scalar_latest (run_id, key_id, step, value, value_type, min_value, max_value) "
    "SELECT a.run_id, a.key_id, a.last_step, s.value, s.value_type, a.min_value, a.max_value "
    "FROM (SELECT run_id, key_id, max(step) AS last_step, "
    "             min(CASE WHEN value_type = 0 THEN value END) AS min_value, "
    "             max(CASE WHEN value_type = 0 THEN value END) AS max_value "
    "      FROM scalar WHERE run_id = ?1 GROUP BY key_id) a "
    "JOIN scalar s ON s.run_id = a.run_id AND s.key_id = a.key_id AND s.step = a.last_step";

}  // namespace

Status RunStore::truncateAfterStep(std::int64_t runId, std::int64_t step) {
  const std::string op = "truncateAfterStep(run " + std::to_string(runId) + ", step " + std::to_string(step) + ")";
  return m_impl->transaction(op, [&]() -> Status {
    for (const char* sql : kTruncate) {
      auto q = m_impl->query(sql, op);
      if (!q) return q.error();
      if (auto done = q->bind(1, runId).bind(2, step).run(); !done) return done;
    }
    for (const char* sql : {kClearLatest, kRebuildLatest}) {
      auto q = m_impl->query(sql, op);
      if (!q) return q.error();
      if (auto done = q->bind(1, runId).run(); !done) return done;
    }
    return okStatus();
  });
}

}  // namespace vimoe::store
