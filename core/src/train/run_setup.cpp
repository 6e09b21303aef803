#include "run_setup.h"

#include <cctype>
#include <filesystem>

#include "vimoe/cli/version.h"
#include "vimoe/config/config_io.h"
#include "vimoe/train/project_data.h"

namespace vimoe::train {
namespace {

std::string safeName(std::string name) {
  for (auto& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  return name;
}

}  // namespace

RunResult failedRun(const std::string& message, std::int64_t runId) {
  RunResult r;
  r.outcome = RunOutcome::Failed;
  r.message = message;
  r.runId = runId;
  return r;
}

Expected<RunSetup> registerNewRun(store::RunStore& store, const config::ExperimentConfig& cfg, const TrainOptions& options,
                                  const std::vector<std::string>& moeLayerNames) {
  store::NewRun newRun;
  newRun.name = cfg.run.name;
  newRun.kind = cfg.run.kind;
  newRun.configJson = config::experimentToJson(cfg).dump();
  newRun.parentRunId = options.parentRunId;
  newRun.seed = static_cast<std::int64_t>(cfg.run.seed);
  newRun.totalSteps = cfg.run.steps;
  newRun.tags = options.tags;
  newRun.versions = cli::libraryVersions();
  newRun.gitRevision = cli::gitRevision();
  auto created = store.createRun(newRun);
  if (!created) return created.error();
  RunSetup setup;
  setup.runId = *created;
  setup.checkpointDir = (std::filesystem::path(resolveProjectPath(options.projectDir, cfg.run.checkpoint_dir)) /
                         (std::to_string(setup.runId) + "-" + safeName(cfg.run.name)))
                            .string();
  if (auto s = store.setMoeLayers(setup.runId, moeLayerNames); !s) return s.error();
  if (auto s = store.setCheckpointDir(setup.runId, setup.checkpointDir); !s) return s.error();
  if (auto s = store.addArtifact(setup.runId, "checkpoint", setup.checkpointDir, ""); !s) return s.error();
  return setup;
}

}  // namespace vimoe::train
