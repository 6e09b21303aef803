// Evaluation results (eval) and the files a run produced (artifact).
#include "store/store_impl.h"

namespace vimoe::store {
namespace {

constexpr const char* kUpsertEval =
    "INSERT OR REPLACE INTO eval (run_id, split, metric, value, details_json) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr const char* kSelectEvals =
    "SELECT split, metric, value, details_json FROM eval WHERE run_id = ?1 ORDER BY split, metric";
constexpr const char* kUpsertArtifact =
    "INSERT OR REPLACE INTO artifact (run_id, kind, path, sha256) VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kSelectArtifacts = "SELECT kind, path, sha256 FROM artifact WHERE run_id = ?1 ORDER BY kind";

}  // namespace

Status RunStore::writeEval(std::int64_t runId, const EvalRow& row) {
  const std::string op = "writeEval(run " + std::to_string(runId) + ", " + row.split + "/" + row.metric + ")";
  if (auto writable = m_impl->requireWritable(op); !writable) return writable;
  auto q = m_impl->query(kUpsertEval, op);
  if (!q) return q.error();
  // A NaN value is stored as NULL and reads back as NaN.
  return q->bind(1, runId).bind(2, row.split).bind(3, row.metric).bind(4, row.value).bind(5, row.detailsJson).run();
}

Expected<std::vector<EvalRow>> RunStore::evals(std::int64_t runId) const {
  auto q = m_impl->query(kSelectEvals, "evals");
  if (!q) return q.error();
  q->bind(1, runId);
  std::vector<EvalRow> rows;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return rows;
    rows.push_back({q->textAt(0), q->textAt(1), q->doubleAt(2), q->textAt(3)});
  }
}

Status RunStore::addArtifact(std::int64_t runId, const std::string& kind, const std::string& path,
                             const std::string& sha256) {
  const std::string op = "addArtifact(run " + std::to_string(runId) + ", " + kind + ")";
  if (auto writable = m_impl->requireWritable(op); !writable) return writable;
  auto q = m_impl->query(kUpsertArtifact, op);
  if (!q) return q.error();
  return q->bind(1, runId).bind(2, kind).bind(3, path).bind(4, sha256).run();
}

Expected<std::vector<ArtifactRow>> RunStore::artifacts(std::int64_t runId) const {
  auto q = m_impl->query(kSelectArtifacts, "artifacts");
  if (!q) return q.error();
  q->bind(1, runId);
  std::vector<ArtifactRow> rows;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return rows;
    rows.push_back({q->textAt(0), q->textAt(1), q->textAt(2)});
  }
}

}  // namespace vimoe::store
