// One attack sweep from a checkpoint folder to the store: loads the evaluation set, runs the
// sweep (and the Lipschitz estimates when asked), records a run of kind "attack" whose parent is
// the attacked run, its eval rows, and the report folder. `vimoe attack` and robustness studies
// both come here.
//
// Eval rows of an attack run (split = the eps as written, e.g. "2/255"; details_json =
// {"eps": 0.00784}): attack/clean, attack/adversarial (the task metric: accuracy, or NLL for
// captions), attack/prediction_change, attack/routing_change (mean over MoE layers),
// attack/routing_change/<layer>, attack/clean_loss, attack/adversarial_loss, attack/clean_aux,
// attack/adversarial_aux. With Lipschitz estimates (split "lipschitz"): lipschitz/local_l2_mean,
// lipschitz/local_l2_max, lipschitz/local_l1_mean, lipschitz/local_l1_max,
// lipschitz/ffn_bound/<layer>[/<expert>], lipschitz/lemma1_expert/<layer>, lipschitz/lemma1_router/<layer>.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "vimoe/robust/attack_report.h"
#include "vimoe/robust/attack_sweep.h"
#include "vimoe/util/cancel.h"
#include "vimoe/util/log.h"
#include "vimoe/util/progress.h"

namespace vimoe::robust {

struct AttackRunOptions {
  std::string checkpointDir;
  std::string target = "auto";
  int samples = 256;
  AttackSpec spec;
  bool lipschitz = false;
  std::string storePath;  // "" = the checkpoint's project store; "none" = write nothing there
  std::string outDir;     // report folder; "" = <project>/attacks/<run id> (none when not stored)
  std::optional<std::int64_t> studyId;  // also list the attack run in this study
  std::string studyRole;
};

struct AttackRunResult {
  SweepResult sweep;
  std::optional<LipschitzReport> lipschitz;
  std::int64_t runId = 0;        // 0 when not stored
  std::int64_t parentRunId = 0;  // the attacked run, 0 when unknown
  std::string parentName;
  std::string storePath, reportDir;
};

Expected<AttackRunResult> runAttackOnCheckpoint(const AttackRunOptions& options, LogSink& log, ProgressObserver& progress,
                                                const CancelToken& cancel);

}  // namespace vimoe::robust
