// Routing snapshots of the fixed probe set (routing_sample): per token, the top-k experts,
// their gates and whether each was kept, as JSON lists so outside tools can read them without a
// vimoe decoder; the probe set itself (probe_sample) and expert x class counts (expert_class).
#include <charconv>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "store/store_impl.h"
#include "vimoe/util/json_read.h"

namespace vimoe::store {
namespace {

constexpr const char* kUpsertRouting =
    "INSERT OR REPLACE INTO routing_sample (run_id, step, sample, modality, layer, token, experts, gates, kept) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
constexpr const char* kSelectRouting =
    "SELECT sample, modality, layer, token, experts, gates, kept FROM routing_sample "
    "WHERE run_id = ?1 AND step = ?2 ORDER BY sample, modality, layer, token";
constexpr const char* kSelectRoutingSteps = "SELECT DISTINCT step FROM routing_sample WHERE run_id = ?1 ORDER BY step";
constexpr const char* kClearProbe = "DELETE FROM probe_sample WHERE run_id = ?1";
constexpr const char* kInsertProbe =
    "INSERT INTO probe_sample (run_id, sample, image_path, caption, label, tokens) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr const char* kSelectProbe =
    "SELECT sample, image_path, caption, label, tokens FROM probe_sample WHERE run_id = ?1 ORDER BY sample";
constexpr const char* kUpsertExpertClass =
    "INSERT OR REPLACE INTO expert_class (run_id, layer, step, modality, class, expert, tokens) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr const char* kSelectExpertClass =
    "SELECT layer, step, modality, class, expert, tokens FROM expert_class WHERE run_id = ?1 "
    "ORDER BY layer, step, modality, class, expert";

std::string expertsJson(const std::vector<int>& experts) {
  std::string out = "[";
  for (std::size_t i = 0; i < experts.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(experts[i]);
  }
  return out + "]";
}

// Shortest text that reads back as the same float ("0.25", not "0.25000000372529"); JSON has
// no NaN or infinity, so a non-finite gate is written as null.
std::string gatesJson(const std::vector<float>& gates) {
  std::string out = "[";
  char buffer[32];
  for (std::size_t i = 0; i < gates.size(); ++i) {
    if (i) out += ',';
    if (!std::isfinite(gates[i])) {
      out += "null";
      continue;
    }
    auto result = std::to_chars(buffer, buffer + sizeof buffer, gates[i]);
    out.append(buffer, result.ptr);
  }
  return out + "]";
}

bool parseExperts(const std::string& text, std::vector<int>& experts) {
  auto parsed = parseJson("routing column", text);
  if (!parsed || !parsed->is_array()) return false;
  for (const auto& e : *parsed) {
    if (!e.is_number_integer()) return false;
    experts.push_back(e.get<int>());
  }
  return true;
}

std::string stringsJson(const std::vector<std::string>& items) { return nlohmann::json(items).dump(); }

std::vector<std::string> parseStrings(const std::string& text) {
  std::vector<std::string> items;
  auto parsed = parseJson("routing column", text);
  if (!parsed || !parsed->is_array()) return items;
  for (const auto& item : *parsed)
    if (item.is_string()) items.push_back(item.get<std::string>());
  return items;
}

bool parseGates(const std::string& text, std::vector<float>& gates) {
  auto parsed = parseJson("routing column", text);
  if (!parsed || !parsed->is_array()) return false;
  for (const auto& g : *parsed) {
    if (g.is_null()) {
      gates.push_back(std::numeric_limits<float>::quiet_NaN());
      continue;
    }
    if (!g.is_number()) return false;
    gates.push_back(g.get<float>());
  }
  return true;
}

}  // namespace

Status RunStore::logRouting(std::int64_t runId, const std::vector<RoutingRow>& rows) {
  const std::string op = "logRouting(run " + std::to_string(runId) + ")";
  return m_impl->transaction(op, [&]() -> Status {
    for (const auto& r : rows) {
      auto q = m_impl->query(kUpsertRouting, op);
      if (!q) return q.error();
      q->bind(1, runId).bind(2, r.step).bind(3, r.sample).bind(4, r.modality).bind(5, r.layer).bind(6, r.token);
      q->bind(7, expertsJson(r.experts)).bind(8, gatesJson(r.gates)).bind(9, expertsJson(r.kept));
      if (auto done = q->run(); !done) return done;
    }
    return okStatus();
  });
}

Expected<std::vector<RoutingRow>> RunStore::routing(std::int64_t runId, std::int64_t step) const {
  auto q = m_impl->query(kSelectRouting, "routing");
  if (!q) return q.error();
  q->bind(1, runId).bind(2, step);
  std::vector<RoutingRow> rows;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return rows;
    RoutingRow r;
    r.step = step;
    r.sample = static_cast<int>(q->int64At(0));
    r.modality = q->textAt(1);
    r.layer = static_cast<int>(q->int64At(2));
    r.token = static_cast<int>(q->int64At(3));
    if (!parseExperts(q->textAt(4), r.experts) || !parseGates(q->textAt(5), r.gates) || !parseExperts(q->textAt(6), r.kept))
      return Error::at(m_path, "routing_sample of run " + std::to_string(runId) + " at step " + std::to_string(step) +
                                   ", sample " + std::to_string(r.sample) + ", layer " + std::to_string(r.layer) +
                                   ", token " + std::to_string(r.token) +
                                   ": experts, gates and kept must be JSON lists of numbers");
    rows.push_back(std::move(r));
  }
}

Expected<std::vector<std::int64_t>> RunStore::routingSteps(std::int64_t runId) const {
  auto q = m_impl->query(kSelectRoutingSteps, "routingSteps");
  if (!q) return q.error();
  q->bind(1, runId);
  std::vector<std::int64_t> steps;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return steps;
    steps.push_back(q->int64At(0));
  }
}

Status RunStore::setProbeSamples(std::int64_t runId, const std::vector<ProbeSample>& samples) {
  const std::string op = "setProbeSamples(run " + std::to_string(runId) + ")";
  return m_impl->transaction(op, [&]() -> Status {
    auto clear = m_impl->query(kClearProbe, op);
    if (!clear) return clear.error();
    if (auto done = clear->bind(1, runId).run(); !done) return done;
    for (const auto& p : samples) {
      auto q = m_impl->query(kInsertProbe, op);
      if (!q) return q.error();
      q->bind(1, runId).bind(2, p.sample).bind(3, p.imagePath).bind(4, p.caption).bind(5, p.label);
      if (auto done = q->bind(6, stringsJson(p.tokens)).run(); !done) return done;
    }
    return okStatus();
  });
}

Expected<std::vector<ProbeSample>> RunStore::probeSamples(std::int64_t runId) const {
  auto q = m_impl->query(kSelectProbe, "probeSamples");
  if (!q) return q.error();
  q->bind(1, runId);
  std::vector<ProbeSample> samples;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return samples;
    ProbeSample p;
    p.sample = static_cast<int>(q->int64At(0));
    p.imagePath = q->textAt(1);
    p.caption = q->textAt(2);
    p.label = q->textAt(3);
    p.tokens = parseStrings(q->textAt(4));
    samples.push_back(std::move(p));
  }
}

Status RunStore::logExpertClass(std::int64_t runId, const std::vector<ExpertClassRow>& rows) {
  const std::string op = "logExpertClass(run " + std::to_string(runId) + ")";
  return m_impl->transaction(op, [&]() -> Status {
    for (const auto& r : rows) {
      auto q = m_impl->query(kUpsertExpertClass, op);
      if (!q) return q.error();
      q->bind(1, runId).bind(2, r.layer).bind(3, r.step).bind(4, r.modality).bind(5, r.className).bind(6, r.expert);
      if (auto done = q->bind(7, r.tokens).run(); !done) return done;
    }
    return okStatus();
  });
}

Expected<std::vector<ExpertClassRow>> RunStore::expertClass(std::int64_t runId) const {
  auto q = m_impl->query(kSelectExpertClass, "expertClass");
  if (!q) return q.error();
  q->bind(1, runId);
  std::vector<ExpertClassRow> rows;
  for (;;) {
    auto row = q->step();
    if (!row) return row.error();
    if (!*row) return rows;
    ExpertClassRow r;
    r.layer = static_cast<int>(q->int64At(0));
    r.step = q->int64At(1);
    r.modality = q->textAt(2);
    r.className = q->textAt(3);
    r.expert = static_cast<int>(q->int64At(4));
    r.tokens = q->doubleAt(5);
    rows.push_back(std::move(r));
  }
}

}  // namespace vimoe::store
