// Studies: named groups of runs compared together (study, study_run).
#include "store/store_impl.h"

namespace vimoe::store {
namespace {

constexpr const char* kInsertStudy = "INSERT INTO study (name, config_json, created_at) VALUES (?1, ?2, ?3)";
// Adding a run twice updates its role.
constexpr const char* kUpsertStudyRun = "INSERT OR REPLACE INTO study_run (study_id, run_id, role) VALUES (?1, ?2, ?3)";
constexpr const char* kSelectStudyRuns = "SELECT run_id FROM study_run WHERE study_id = ?1 ORDER BY run_id";

}  // namespace

Expected<std::int64_t> RunStore::createStudy(const std::string& name, const std::string& configJson) {
  const std::string op = "createStudy(" + name + ")";
  if (auto writable = m_impl->requireWritable(op); !writable) return writable.error();
  auto q = m_impl->query(kInsertStudy, op);
  if (!q) return q.error();
  if (auto done = q->bind(1, name).bind(2, configJson).bind(3, unixNow()).run(); !done) return done.error();
  return m_impl->lastInsertRowid();
}

Status RunStore::addStudyRun(std::int64_t studyId, std::int64_t runId, const std::string& role) {
  const std::string op = "addStudyRun(study " + std::to_string(studyId) + ", run " + std::to_string(runId) + ")";
  if (auto writable = m_impl->requireWritable(op); !writable) return writable;
  auto q = m_impl->query(kUpsertStudyRun, op);
  if (!q) return q.error();
  return q->bind(1, studyId).bind(2, runId).bind(3, role).run();
}

Expected<std::vector<std::int64_t>> RunStore::studyRuns(std::int64_t studyId) const {
  auto q = m_impl->query(kSelectStudyRuns, "studyRuns");
  if (!q) return q.error();
  q->bind(1, studyId);
  std::vector<std::int64_t> runs;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return runs;
    runs.push_back(q->int64At(0));
  }
}

}  // namespace vimoe::store
