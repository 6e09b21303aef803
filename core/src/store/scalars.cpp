// Scalar curves: logging a step's values, reading a curve, and the per-key summary in
// scalar_latest that run lists read instead of scanning `scalar`.
#include "store/store_impl.h"
#include "store/value_codec.h"

namespace vimoe::store {
namespace {

// INSERT OR REPLACE: a step logged again after a resume overwrites the first attempt.
constexpr const char* kUpsertScalar =
    "INSERT OR REPLACE INTO scalar (run_id, key_id, step, value, value_type, wall_time) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
// The last value is the one at the highest step; min/max fold in finite values only (?4 is
// NULL otherwise, and min()/max() of two arguments return NULL when either is NULL, hence
// the coalesce). A step re-logged without truncateAfterStep keeps the old value in min/max
// until truncateAfterStep recomputes them.
constexpr const char* kUpsertLatest =
    "INSERT INTO scalar_latest (run_id, key_id, step, value, value_type, min_value, max_value) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?4) "
    "ON CONFLICT (run_id, key_id) DO UPDATE SET "
    "  value = CASE WHEN excluded.step >= step THEN excluded.value ELSE value END, "
    "  value_type = CASE WHEN excluded.step >= step THEN excluded.value_type ELSE value_type END, "
    "  step = max(step, excluded.step), "
    "  min_value = coalesce(min(min_value, excluded.min_value), min_value, excluded.min_value), "
    "  max_value = coalesce(max(max_value, excluded.max_value), max_value, excluded.max_value)";

constexpr const char* kSelectScalars =
    "SELECT s.step, s.value, s.value_type, s.wall_time FROM scalar s JOIN metric_key k ON k.id = s.key_id "
    "WHERE s.run_id = ?1 AND k.name = ?2 AND s.step > ?3 ORDER BY s.step";
constexpr const char* kSelectLatest =
    "SELECT k.name, l.step, l.value, l.value_type, l.min_value, l.max_value "
    "FROM scalar_latest l JOIN metric_key k ON k.id = l.key_id WHERE l.run_id = ?1";
constexpr const char* kSelectMetricNames =
    "SELECT k.name FROM scalar_latest l JOIN metric_key k ON k.id = l.key_id WHERE l.run_id = ?1 ORDER BY k.name";

Status logOne(Connection& c, std::int64_t runId, std::int64_t step, const std::string& name, double value,
              double wallTime, const std::string& op) {
  auto keyId = c.metricKeyId(name, op);
  if (!keyId) return keyId.error();
  const auto stored = storedValue(value);
  const int type = static_cast<int>(valueTypeOf(value));
  auto scalar = c.query(kUpsertScalar, op);
  if (!scalar) return scalar.error();
  scalar->bind(1, runId).bind(2, *keyId).bind(3, step).bind(4, stored).bind(5, type).bind(6, wallTime);
  if (auto done = scalar->run(); !done) return done;
  auto latest = c.query(kUpsertLatest, op);
  if (!latest) return latest.error();
  return latest->bind(1, runId).bind(2, *keyId).bind(3, step).bind(4, stored).bind(5, type).run();
}

}  // namespace

Status RunStore::logScalars(std::int64_t runId, std::int64_t step,
                            const std::vector<std::pair<std::string, double>>& values) {
  const std::string op = "logScalars(run " + std::to_string(runId) + ", step " + std::to_string(step) + ")";
  return m_impl->transaction(op, [&]() -> Status {
    const double wallTime = unixNow();
    for (const auto& [name, value] : values)
      if (auto done = logOne(*m_impl, runId, step, name, value, wallTime, op); !done)
        return Error{done.error().message + " (metric '" + name + "')"};
    return okStatus();
  });
}

Expected<std::vector<ScalarPoint>> RunStore::scalars(std::int64_t runId, const std::string& key,
                                                     std::int64_t afterStep) const {
  auto q = m_impl->query(kSelectScalars, "scalars(" + key + ")");
  if (!q) return q.error();
  q->bind(1, runId).bind(2, key).bind(3, afterStep);
  std::vector<ScalarPoint> points;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return points;
    points.push_back(
        {q->int64At(0), decodeValue(static_cast<int>(q->int64At(2)), q->optionalDoubleAt(1)), q->doubleAt(3)});
  }
}

Expected<std::map<std::string, LatestScalar>> RunStore::latestScalars(std::int64_t runId) const {
  auto q = m_impl->query(kSelectLatest, "latestScalars");
  if (!q) return q.error();
  q->bind(1, runId);
  std::map<std::string, LatestScalar> latest;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return latest;
    LatestScalar& l = latest[q->textAt(0)];
    l.step = q->int64At(1);
    l.last = decodeValue(static_cast<int>(q->int64At(3)), q->optionalDoubleAt(2));
    l.min = q->doubleAt(4);  // NULL (no finite value yet) reads as NaN
    l.max = q->doubleAt(5);
  }
}

Expected<std::vector<std::string>> RunStore::metricNames(std::int64_t runId) const {
  auto q = m_impl->query(kSelectMetricNames, "metricNames");
  if (!q) return q.error();
  q->bind(1, runId);
  std::vector<std::string> names;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return names;
    names.push_back(q->textAt(0));
  }
}

}  // namespace vimoe::store
