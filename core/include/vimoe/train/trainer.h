// What a training run is given and what it returns; the loop itself is training_loop.h.
//
// Long work in the core takes an observer and a cancel token and returns a status
// (STYLE.md): cancellation stops at the next step boundary, writes a checkpoint and marks the
// run `cancelled`. Every step's data and noise come from (seed, step), and the optimiser
// state is checkpointed, so a resumed run ends with the same weights and curve as an
// uninterrupted one.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "vimoe/config/experiment_config.h"
#include "vimoe/util/cancel.h"
#include "vimoe/util/log.h"
#include "vimoe/util/progress.h"

namespace vimoe::train {

struct TrainOptions {
  std::string projectDir = ".";  // relative paths of the config resolve here
  std::string storePath;         // run store (SQLite)
  std::optional<std::int64_t> resumeRunId;  // continue this run from its last checkpoint
  std::optional<std::int64_t> parentRunId;  // e.g. the study's or the upcycling source's run
  std::string tags;
};

enum class RunOutcome { Finished, Cancelled, Failed, Diverged };
const char* runOutcomeName(RunOutcome outcome);

struct RunResult {
  RunOutcome outcome = RunOutcome::Failed;
  std::string message;  // why it failed, for Failed / Diverged
  std::int64_t runId = 0;
  std::int64_t step = 0;
  std::string checkpointDir;
  double samplesPerSecond = 0;  // training steps only (evaluation excluded)
  std::int64_t totalParameters = 0;
  std::int64_t activeParameters = 0;
  std::map<std::string, double> finalMetrics;  // "train/loss", "val/r1_i2t", ...
};

}  // namespace vimoe::train
