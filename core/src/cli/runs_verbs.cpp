#include <cmath>
#include <cstdio>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "vimoe/cli/verbs.h"
#include "vimoe/store/process_job.h"
#include "vimoe/store/run_store.h"
#include "vimoe/util/json_read.h"

namespace vimoe::cli {
namespace {

std::string formatValue(const std::map<std::string, store::LatestScalar>& latest, const std::string& key) {
  auto it = latest.find(key);
  return it == latest.end() ? "-" : fmt::format("{:.4g}", it->second.last);
}

nlohmann::json jsonNumber(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(std::to_string(v)); }

// The stored config text as JSON; a damaged one is shown as its text rather than lost.
nlohmann::json storedConfig(const store::RunInfo& run) {
  auto parsed = parseJson("run " + std::to_string(run.id) + " config", run.configJson);
  return parsed ? std::move(*parsed) : nlohmann::json(run.configJson);
}

// Names and tags come from the store and may hold any bytes; dump() would throw on invalid UTF-8.
std::string printable(const nlohmann::json& doc) { return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

int runRunsList(const RunsCliOptions& options) {
  auto store = store::RunStore::openForReading(options.storePath);
  if (!store) return std::fprintf(stderr, "error: %s\n", store.error().message.c_str()), kExitBadInput;
  auto runs = (*store)->listRuns();
  if (!runs) return std::fprintf(stderr, "error: %s\n", runs.error().message.c_str()), kExitFailed;
  nlohmann::json out = nlohmann::json::array();
  if (!options.json) std::printf("%-4s %-28s %-12s %-10s %-11s %-10s %-8s\n", "id", "name", "kind", "status", "step", "loss", "R@1 i->t");
  for (const auto& run : *runs) {
    auto latest = (*store)->latestScalars(run.id);
    const auto scalars = latest ? *latest : std::map<std::string, store::LatestScalar>{};
    if (options.json) {
      nlohmann::json metrics = nlohmann::json::object();
      for (const auto& [k, v] : scalars) metrics[k] = jsonNumber(v.last);
      out.push_back({{"id", run.id}, {"name", run.name}, {"kind", run.kind}, {"status", store::displayStatus(run)},
                     {"step", run.step}, {"total_steps", run.totalSteps}, {"metrics", metrics}});
      if (run.job)
        out.back()["process"] = {{"pid", run.job->process.pid},
                                 {"host", run.job->process.host},
                                 {"state", processStateName(probeProcess(run.job->process))},
                                 {"log", run.job->logPath}};
    } else {
      std::printf("%-4lld %-28s %-12s %-10s %-11s %-10s %-8s\n", static_cast<long long>(run.id), run.name.c_str(),
                  run.kind.c_str(), store::displayStatus(run).c_str(),
                  fmt::format("{}/{}", run.step, run.totalSteps).c_str(), formatValue(scalars, "train/loss").c_str(),
                  formatValue(scalars, "val/r1_i2t").c_str());
    }
  }
  if (options.json) std::printf("%s\n", printable(out).c_str());
  return kExitOk;
}

int runRunsShow(const RunsCliOptions& options) {
  auto store = store::RunStore::openForReading(options.storePath);
  if (!store) return std::fprintf(stderr, "error: %s\n", store.error().message.c_str()), kExitBadInput;
  auto run = (*store)->run(options.runId.value_or(0));
  if (!run) return std::fprintf(stderr, "error: %s\n", run.error().message.c_str()), kExitBadInput;
  auto latest = (*store)->latestScalars(run->id);
  auto layers = (*store)->moeLayers(run->id);
  nlohmann::json metrics = nlohmann::json::object();
  if (latest)
    for (const auto& [k, v] : *latest)
      metrics[k] = {{"step", v.step}, {"last", jsonNumber(v.last)}, {"min", jsonNumber(v.min)}, {"max", jsonNumber(v.max)}};
  nlohmann::json doc = {{"id", run->id}, {"name", run->name}, {"kind", run->kind},
                        {"status", store::displayStatus(*run)}, {"step", run->step}, {"total_steps", run->totalSteps},
                        {"checkpoint_dir", run->checkpointDir}, {"git_revision", run->gitRevision},
                        {"versions", run->versions}, {"tags", run->tags},
                        {"moe_layers", layers ? nlohmann::json(*layers) : nlohmann::json::array()},
                        {"metrics", metrics},
                        {"config", storedConfig(*run)}};
  std::printf("%s\n", printable(doc).c_str());
  return kExitOk;
}

}  // namespace vimoe::cli
