// Runs every variant of a study (e.g. dense vs MoE) as a training run in the store, grouped
// under one `study` row, and tabulates the comparison.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vimoe/train/trainer.h"
#include "vimoe/util/expected.h"

namespace vimoe::study {

struct StudyOptions {
  std::string studyFile;
  std::string storePath;  // empty: the project's store
  bool smoke = false;     // apply the study's smoke_overrides: same code path, minutes -> seconds
  std::vector<std::string> overrides;  // applied to every variant after the study's own
};

struct StudyRow {
  std::string variant;
  train::RunResult run;
  double wallSeconds = 0;
};

struct StudyResult {
  std::string name;
  std::int64_t studyId = 0;
  std::vector<StudyRow> rows;
  bool cancelled = false;
};

Expected<StudyResult> runStudy(const StudyOptions& options, LogSink& log, ProgressObserver& progress, const CancelToken& cancel);

// Markdown table: variant, status, final loss, R@1/R@5 both directions, parameters, samples/s.
std::string formatStudyTable(const StudyResult& result);

}  // namespace vimoe::study
