#include "vimoe/study/study_runner.h"

#include <chrono>
#include <map>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>

#include "vimoe/config/config_io.h"
#include "vimoe/config/project.h"
#include "vimoe/store/run_store.h"
#include "vimoe/util/atomic_file.h"

namespace vimoe::study {
namespace fs = std::filesystem;

Expected<StudyResult> runStudy(const StudyOptions& options, LogSink& log, ProgressObserver& progress, const CancelToken& cancel) {
  auto study = config::loadStudyConfig(options.studyFile);
  if (!study) return study.error();
  auto projectDir = config::findProjectDir(options.studyFile);
  if (!projectDir) return projectDir.error();
  auto project = config::loadProject(*projectDir);
  if (!project) return project.error();
  const std::string storePath = options.storePath.empty() ? project->storePath() : options.storePath;
  const std::string basePath = (fs::path(options.studyFile).parent_path() / study->base).lexically_normal().string();

  // Parse every variant before running any, so a typo in the last one fails in a second, not
  // after the first run's minutes.
  std::vector<std::pair<std::string, config::ExperimentConfig>> variants;
  for (const auto& variant : study->variants) {
    std::vector<std::string> overrides = variant.overrides;
    if (options.smoke) overrides.insert(overrides.end(), study->smoke_overrides.begin(), study->smoke_overrides.end());
    overrides.insert(overrides.end(), options.overrides.begin(), options.overrides.end());
    overrides.push_back("run.name=" + nlohmann::json(study->name + "/" + variant.name).dump());
    auto cfg = config::loadExperimentConfig(basePath, overrides);
    if (!cfg) return Error{"study '" + study->name + "', variant '" + variant.name + "':\n" + cfg.error().message};
    variants.emplace_back(variant.name, std::move(*cfg));
  }

  StudyResult result;
  result.name = study->name;
  {
    auto store = store::RunStore::open(storePath);
    if (!store) return store.error();
    auto text = readWholeFile(options.studyFile);
    auto id = (*store)->createStudy(study->name + (options.smoke ? " (smoke)" : ""), text ? *text : "{}");
    if (!id) return id.error();
    result.studyId = *id;
  }
  std::map<std::string, std::string> checkpointOf;  // finished variant -> its checkpoint folder
  for (auto& [name, cfg] : variants) {
    if (cancel.cancelled()) {
      result.cancelled = true;
      break;
    }
    // "model.init_from=@variant" starts from an earlier variant's final checkpoint: how a study
    // compares an upcycled model with continued dense training from the same weights.
    if (!cfg.model.init_from.empty() && cfg.model.init_from[0] == '@') {
      const auto source = cfg.model.init_from.substr(1);
      auto found = checkpointOf.find(source);
      if (found == checkpointOf.end())
        return Error{"study '" + study->name + "', variant '" + name + "': model.init_from names variant '" + source +
                     "', which has not finished earlier in this study"};
      cfg.model.init_from = found->second;
    }
    log.info("study '" + study->name + "': variant " + name);
    train::TrainOptions trainOptions;
    trainOptions.projectDir = project->dir;
    trainOptions.storePath = storePath;
    trainOptions.tags = "study:" + study->name;
    const auto started = std::chrono::steady_clock::now();
    StudyRow row{name, train::runContrastiveTraining(cfg, trainOptions, log, progress, cancel), 0};
    row.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (row.run.runId > 0) {
      auto store = store::RunStore::open(storePath);
      if (!store) return store.error();
      if (auto s = (*store)->addStudyRun(result.studyId, row.run.runId, name); !s) return s.error();
    }
    if (row.run.outcome == train::RunOutcome::Finished) checkpointOf[name] = row.run.checkpointDir;
    if (row.run.outcome == train::RunOutcome::Failed) log.error("variant " + name + " failed: " + row.run.message);
    if (row.run.outcome == train::RunOutcome::Cancelled) result.cancelled = true;
    result.rows.push_back(std::move(row));
    if (result.cancelled) break;
  }
  return result;
}

std::string formatStudyTable(const StudyResult& result) {
  auto metric = [](const train::RunResult& run, const std::string& key) {
    auto it = run.finalMetrics.find(key);
    return it == run.finalMetrics.end() ? std::string("-") : fmt::format("{:.3f}", it->second);
  };
  std::string table = fmt::format("Study '{}' (id {})\n\n", result.name, result.studyId);
  table += "| variant | run | status | train loss | val loss | R@1 i->t | R@5 i->t | R@1 t->i | R@5 t->i | params | active | samples/s | time |\n";
  table += "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const auto& row : result.rows) {
    const auto& r = row.run;
    table += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {:.1f} | {:.1f} s |\n", row.variant, r.runId,
                         train::runOutcomeName(r.outcome), metric(r, "train/loss"), metric(r, "val/loss"),
                         metric(r, "val/r1_i2t"), metric(r, "val/r5_i2t"), metric(r, "val/r1_t2i"), metric(r, "val/r5_t2i"),
                         r.totalParameters, r.activeParameters, r.samplesPerSecond, row.wallSeconds);
  }
  return table;
}

}  // namespace vimoe::study
