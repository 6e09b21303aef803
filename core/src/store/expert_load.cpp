// Per-expert load curves and the names of a run's MoE layers (expert_load, moe_layer).
#include "store/store_impl.h"

namespace vimoe::store {
namespace {

constexpr const char* kClearLayers = "DELETE FROM moe_layer WHERE run_id = ?1";
constexpr const char* kInsertLayer = "INSERT INTO moe_layer (run_id, layer, name) VALUES (?1, ?2, ?3)";
constexpr const char* kSelectLayers = "SELECT name FROM moe_layer WHERE run_id = ?1 ORDER BY layer";

constexpr const char* kUpsertLoad =
    "INSERT OR REPLACE INTO expert_load "
    "(run_id, layer, step, expert, tokens, fraction, mean_gate, dropped, image_tokens, text_tokens) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
constexpr const char* kSelectLoad =
    "SELECT layer, step, expert, tokens, fraction, mean_gate, dropped, image_tokens, text_tokens "
    "FROM expert_load WHERE run_id = ?1 ORDER BY layer, step, expert";

}  // namespace

Status RunStore::setMoeLayers(std::int64_t runId, const std::vector<std::string>& layerNames) {
  const std::string op = "setMoeLayers(run " + std::to_string(runId) + ")";
  return m_impl->transaction(op, [&]() -> Status {
    auto clear = m_impl->query(kClearLayers, op);
    if (!clear) return clear.error();
    if (auto done = clear->bind(1, runId).run(); !done) return done;
    for (std::size_t i = 0; i < layerNames.size(); ++i) {
      auto q = m_impl->query(kInsertLayer, op);
      if (!q) return q.error();
      if (auto done = q->bind(1, runId).bind(2, static_cast<std::int64_t>(i)).bind(3, layerNames[i]).run(); !done)
        return done;
    }
    return okStatus();
  });
}

Expected<std::vector<std::string>> RunStore::moeLayers(std::int64_t runId) const {
  auto q = m_impl->query(kSelectLayers, "moeLayers");
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

Status RunStore::logExpertLoad(std::int64_t runId, const std::vector<ExpertLoadRow>& rows) {
  const std::string op = "logExpertLoad(run " + std::to_string(runId) + ")";
  return m_impl->transaction(op, [&]() -> Status {
    for (const auto& r : rows) {
      auto q = m_impl->query(kUpsertLoad, op);
      if (!q) return q.error();
      q->bind(1, runId).bind(2, r.layer).bind(3, r.step).bind(4, r.expert);
      q->bind(5, r.tokens).bind(6, r.fraction).bind(7, r.meanGate).bind(8, r.dropped);
      q->bind(9, r.imageTokens).bind(10, r.textTokens);
      if (auto done = q->run(); !done) return done;
    }
    return okStatus();
  });
}

Expected<std::vector<ExpertLoadRow>> RunStore::expertLoad(std::int64_t runId) const {
  auto q = m_impl->query(kSelectLoad, "expertLoad");
  if (!q) return q.error();
  q->bind(1, runId);
  std::vector<ExpertLoadRow> rows;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return rows;
    ExpertLoadRow r;
    r.layer = static_cast<int>(q->int64At(0));
    r.step = q->int64At(1);
    r.expert = static_cast<int>(q->int64At(2));
    // A NaN (a diverged router) was stored as NULL and reads back as NaN.
    r.tokens = q->doubleAt(3);
    r.fraction = q->doubleAt(4);
    r.meanGate = q->doubleAt(5);
    r.dropped = q->doubleAt(6);
    r.imageTokens = q->doubleAt(7);
    r.textTokens = q->doubleAt(8);
    rows.push_back(r);
  }
}

}  // namespace vimoe::store
