// Runs every variant of a study (e.g. dense vs MoE) as a training run in the store, grouped
// under one `study` row, and tabulates the comparison.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vimoe/robust/attack_sweep.h"
#include "vimoe/train/training_loop.h"
#include "vimoe/util/expected.h"

namespace vimoe::study {

struct StudyOptions {
  std::string studyFile;
  std::string storePath;  // empty: the project's store
  bool smoke = false;     // apply the study's smoke_overrides: same code path, minutes -> seconds
  std::vector<std::string> overrides;  // applied to every variant after the study's own
  std::vector<std::string> only;       // run only these variants (in the study's order); empty = all
  std::vector<std::uint64_t> seeds;    // in place of the study's seeds (and of a smoke run's first one)
};

struct StudyRow {
  std::string variant;
  std::optional<std::uint64_t> seed;  // set when the study runs several seeds (or --seeds)
  train::RunResult run;
  double wallSeconds = 0;
  std::string kind;  // run.kind of the variant: contrastive | caption | vqa
  // With the study's "attack" section: the sweep on this variant's checkpoint, stored as a run
  // of kind "attack" in the study.
  std::optional<robust::SweepResult> attack;
  std::int64_t attackRunId = 0;
};

// An import step: what was read and what it gave.
struct StudyImport {
  std::string variant;
  std::string source;         // the folder read (for "@variant", the published copy written first)
  std::string format;         // hf-clip | hf-siglip | open-clip | torchvision-vit
  std::string checkpointDir;  // what "model.init_from=@variant" resolves to
  std::int64_t loadedParameters = 0, sourceParameters = 0;
  int unusedSources = 0, freshTargets = 0;
};

struct StudyResult {
  std::string name;
  std::int64_t studyId = 0;
  std::vector<StudyImport> imports;
  std::vector<StudyRow> rows;
  bool cancelled = false;
};

Expected<StudyResult> runStudy(const StudyOptions& options, LogSink& log, ProgressObserver& progress, const CancelToken& cancel);

// Markdown: one table per run kind (contrastive: losses and R@1/R@5 both ways; caption: BLEU,
// ROUGE-L, CIDEr-D; vqa: exact match, F1), each with parameters, samples/s and wall time, and
// the downstream tables ending with their baselines; then the robustness table, when attacked.
std::string formatStudyTable(const StudyResult& result);
// With an attack section: per variant and eps the task metric before and after the attack,
// prediction change and mean routing change (empty without one).
std::string formatRobustnessTable(const StudyResult& result);

// The same rows as one CSV (a "kind" column; the union of the metric columns).
std::string formatStudyCsv(const StudyResult& result);

}  // namespace vimoe::study
