// Routing snapshots of the fixed probe set (routing_sample): per token, the top-k experts and
// their gates as JSON lists, so outside tools can read them without a vimoe decoder.
#include <charconv>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "store/store_impl.h"

namespace vimoe::store {
namespace {

constexpr const char* kUpsertRouting =
    "INSERT OR REPLACE INTO routing_sample (run_id, step, sample, layer, token, experts, gates) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr const char* kSelectRouting =
    "SELECT sample, layer, token, experts, gates FROM routing_sample "
    "WHERE run_id = ?1 AND step = ?2 ORDER BY sample, layer, token";

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
  auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_array()) return false;
  for (const auto& e : json) {
    if (!e.is_number_integer()) return false;
    experts.push_back(e.get<int>());
  }
  return true;
}

bool parseGates(const std::string& text, std::vector<float>& gates) {
  auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_array()) return false;
  for (const auto& g : json) {
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
      q->bind(1, runId).bind(2, r.step).bind(3, r.sample).bind(4, r.layer).bind(5, r.token);
      q->bind(6, expertsJson(r.experts)).bind(7, gatesJson(r.gates));
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
    r.layer = static_cast<int>(q->int64At(1));
    r.token = static_cast<int>(q->int64At(2));
    if (!parseExperts(q->textAt(3), r.experts) || !parseGates(q->textAt(4), r.gates))
      return Error::at(m_path, "routing_sample of run " + std::to_string(runId) + " at step " + std::to_string(step) +
                                   ", sample " + std::to_string(r.sample) + ", layer " + std::to_string(r.layer) +
                                   ", token " + std::to_string(r.token) +
                                   ": experts and gates must be JSON lists of numbers");
    rows.push_back(std::move(r));
  }
}

}  // namespace vimoe::store
