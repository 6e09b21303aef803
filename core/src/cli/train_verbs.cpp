#include <cstdio>
#include <filesystem>

#include "vimoe/cli/verbs.h"
#include "vimoe/cli/version.h"
#include "vimoe/config/config_io.h"
#include "vimoe/config/project.h"
#include "vimoe/store/run_store.h"
#include "vimoe/study/study_runner.h"
#include "vimoe/train/checkpoint.h"
#include "vimoe/train/training_loop.h"
#include "vimoe/util/atomic_file.h"

namespace vimoe::cli {
namespace {

int exitCodeFor(const train::RunResult& result) {
  return result.outcome == train::RunOutcome::Finished || result.outcome == train::RunOutcome::Cancelled ? kExitOk
                                                                                                         : kExitFailed;
}

}  // namespace

int runTrain(const TrainCliOptions& options) {
  StderrLogSink log;
  ConsoleProgressObserver progress;
  CancelToken cancel;
  cancelOnTerminationSignals(cancel);

  train::TrainOptions trainOptions;
  config::ExperimentConfig cfg;
  if (options.resumeRunId) {
    if (options.storePath.empty()) {
      std::fprintf(stderr, "error: --resume needs --store (the store that holds run %lld)\n",
                   static_cast<long long>(*options.resumeRunId));
      return kExitBadInput;
    }
    auto store = store::RunStore::open(options.storePath, store::RunStore::Mode::ReadOnly);
    if (!store) return std::fprintf(stderr, "error: %s\n", store.error().message.c_str()), kExitBadInput;
    auto run = (*store)->run(*options.resumeRunId);
    if (!run) return std::fprintf(stderr, "error: %s\n", run.error().message.c_str()), kExitBadInput;
    // The checkpoint's own config is the one the run was started with.
    auto saved = train::readCheckpointConfig(run->checkpointDir);
    if (!saved) return std::fprintf(stderr, "error: %s\n", saved.error().message.c_str()), kExitBadInput;
    cfg = *saved;
    trainOptions.resumeRunId = options.resumeRunId;
    auto projectDir = config::findProjectDir(run->checkpointDir);
    trainOptions.projectDir = options.projectDir.empty() ? (projectDir ? *projectDir : ".") : options.projectDir;
  } else {
    auto loaded = config::loadExperimentConfig(options.configFile, options.overrides);
    if (!loaded) return std::fprintf(stderr, "%s\n", loaded.error().message.c_str()), kExitBadInput;
    cfg = *loaded;
    if (!options.projectDir.empty()) {
      trainOptions.projectDir = options.projectDir;
    } else {
      auto found = config::findProjectDir(options.configFile);
      trainOptions.projectDir = found ? *found : std::filesystem::path(options.configFile).parent_path().string();
    }
  }
  if (!options.threadsFromCommandLine && cfg.run.threads > 0) configureThreads(cfg.run.threads);
  if (options.storePath.empty()) {
    auto project = config::loadProject(trainOptions.projectDir);
    trainOptions.storePath = project ? project->storePath() : (std::filesystem::path(trainOptions.projectDir) / "vimoe.db").string();
  } else {
    trainOptions.storePath = options.storePath;
  }

  const auto result = train::runTraining(cfg, trainOptions, log, progress, cancel);
  progress.finishLine();
  if (result.outcome == train::RunOutcome::Failed || result.outcome == train::RunOutcome::Diverged)
    log.error("run " + std::to_string(result.runId) + " " + train::runOutcomeName(result.outcome) + ": " + result.message);
  else
    log.info("run " + std::to_string(result.runId) + " " + train::runOutcomeName(result.outcome) + " at step " +
             std::to_string(result.step) + " (" + std::to_string(static_cast<int>(result.samplesPerSecond)) + " samples/s)");
  return exitCodeFor(result);
}

int runStudyVerb(const StudyCliOptions& options) {
  StderrLogSink log;
  ConsoleProgressObserver progress;
  CancelToken cancel;
  cancelOnTerminationSignals(cancel);
  study::StudyOptions studyOptions{options.studyFile, options.storePath, options.smoke, options.overrides, options.only,
                                   options.seeds};
  auto result = study::runStudy(studyOptions, log, progress, cancel);
  progress.finishLine();
  if (!result) {
    std::fprintf(stderr, "error: %s\n", result.error().message.c_str());
    return kExitBadInput;
  }
  const std::string table = study::formatStudyTable(*result);
  std::printf("\n%s", table.c_str());
  std::fflush(stdout);
  if (!options.tableOut.empty())
    if (auto s = writeFileAtomically(options.tableOut, table); !s) log.error(s.error().message);
  if (!options.csvOut.empty())
    if (auto s = writeFileAtomically(options.csvOut, study::formatStudyCsv(*result)); !s) log.error(s.error().message);
  for (const auto& row : result->rows)
    if (row.run.outcome == train::RunOutcome::Failed || row.run.outcome == train::RunOutcome::Diverged) return kExitFailed;
  return kExitOk;
}

}  // namespace vimoe::cli
