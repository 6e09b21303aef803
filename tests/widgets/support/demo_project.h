// A temporary copy of the demo project (project file, experiments, studies) with a real run
// store written through core's RunStore: a dense and an MoE run of the dense-vs-moe study,
// 50 logged steps each (the dense loss is NaN at one step), validation recall, and expert load
// for the MoE run in which expert 3 of the first layer dies.
#pragma once

#include <QString>
#include <QTemporaryDir>

#include "vimoe/util/expected.h"

namespace vimoe::test_support {

class DemoProject {
 public:
  static constexpr int kSteps = 50;
  static constexpr int kTotalSteps = 60;
  static constexpr int kNanStep = 25;
  static constexpr int kExperts = 4;
  static constexpr int kLoadEvery = 10;  // expert-load snapshots at 10, 20, ..., 50
  static constexpr int kSnapshots = kSteps / kLoadEvery;
  static constexpr int kDeadExpert = 3;  // in layer 0, from step 30 on
  static constexpr const char* kDenseName = "dense-vs-moe/dense";
  static constexpr const char* kMoeName = "dense-vs-moe/moe-e4-k1";
  static constexpr const char* kProjectName = "ViMoE demo: synthetic Vietnamese shapes";

  // withStore = false: the project as a fresh checkout has it, before any run.
  explicit DemoProject(bool withStore = true);

  bool ok() const { return m_error.isEmpty(); }
  QString error() const { return m_error; }
  QString dir() const { return m_dir.path(); }
  QString storePath() const;
  qint64 denseRunId() const { return m_denseId; }
  qint64 moeRunId() const { return m_moeId; }

  // Writes the runs above (creating the store); called by the constructor when withStore.
  Status writeStore();
  // Logs train/loss for steps first..first+count-1 through a second writer connection, as a
  // training child would, and moves the run's progress to the last of them.
  Status appendLoss(qint64 runId, int firstStep, int count);
  static double lossAt(qint64 step, bool moe);

 private:
  Status copyProjectFiles();

  QTemporaryDir m_dir;
  QString m_error;
  qint64 m_denseId = -1;
  qint64 m_moeId = -1;
};

}  // namespace vimoe::test_support
