// The trainer end to end on a tiny synthetic project: the loss goes down, the store gets
// curves and expert load, cancellation checkpoints, and an interrupted-then-resumed run ends
// with exactly the weights and curve of an uninterrupted one.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/train/tiny_project.h"
#include "vimoe/model/tensor_io.h"
#include "vimoe/store/run_store.h"
#include "vimoe/train/training_loop.h"
#include "vimoe/util/atomic_file.h"
#include "vimoe/util/safetensors.h"
#include "vimoe/util/sha256.h"

using namespace vimoe;

using test_support::CancelAtStep;
using test_support::optionsFor;
using test_support::scalarCurve;

TEST(Trainer, LossDecreasesAndStoreGetsCurvesAndExpertLoad) {
  test_support::ScratchDir dir;
  auto cfg = test_support::tinyTrainingConfig(true);
  cfg.run.steps = 40;
  MemoryLogSink log;
  NullProgressObserver progress;
  CancelToken cancel;
  const auto result = train::runTraining(cfg, optionsFor(dir), log, progress, cancel);
  ASSERT_EQ(result.outcome, train::RunOutcome::Finished) << result.message;
  EXPECT_EQ(result.step, 40);

  auto store = store::RunStore::open(dir.path("store.db"), store::RunStore::Mode::ReadOnly).value();
  const auto loss = scalarCurve(*store, result.runId, "train/contrastive_loss");
  ASSERT_EQ(loss.size(), 40u);
  double first = 0, last = 0;
  for (int i = 0; i < 8; ++i) first += loss[static_cast<std::size_t>(i)] / 8, last += loss[loss.size() - 1 - static_cast<std::size_t>(i)] / 8;
  EXPECT_LT(last, first - 0.3) << "first " << first << " last " << last;

  const auto run = *store->run(result.runId);
  EXPECT_EQ(run.status, store::RunStatus::Finished);
  EXPECT_EQ(run.step, 40);
  EXPECT_EQ(*store->moeLayers(result.runId), (std::vector<std::string>{"image.blocks.0", "text.blocks.0"}));
  const auto load = *store->expertLoad(result.runId);
  EXPECT_EQ(load.size(), 20u * 2u * 4u);  // 20 snapshots x 2 layers x 4 experts
  double share = 0;
  for (const auto& row : load)
    if (row.step == 40 && row.layer == 0) share += row.fraction;
  EXPECT_NEAR(share, 1.0, 1e-9);
  EXPECT_EQ(store->scalars(result.runId, "val/r1_i2t")->size(), 8u);  // every 5 steps
  EXPECT_TRUE(std::filesystem::exists(result.checkpointDir + "/model.safetensors"));
  EXPECT_GE(store->evals(result.runId)->size(), 5u);
  const auto artifacts = store->artifacts(result.runId).value();
  ASSERT_EQ(artifacts.size(), 1u);
  EXPECT_EQ(artifacts[0].path, result.checkpointDir);
  EXPECT_EQ(artifacts[0].sha256, sha256Hex(readWholeFile(result.checkpointDir + "/model.safetensors").value()));
}

TEST(Trainer, CancelStopsAtStepBoundaryWritesCheckpointAndMarksCancelled) {
  test_support::ScratchDir dir;
  auto cfg = test_support::tinyTrainingConfig(false);
  MemoryLogSink log;
  CancelToken cancel;
  CancelAtStep observer(cancel, 4);
  const auto result = train::runTraining(cfg, optionsFor(dir), log, observer, cancel);
  ASSERT_EQ(result.outcome, train::RunOutcome::Cancelled) << result.message;
  EXPECT_EQ(result.step, 4);
  auto store = store::RunStore::open(dir.path("store.db"), store::RunStore::Mode::ReadOnly).value();
  EXPECT_EQ(store->run(result.runId)->status, store::RunStatus::Cancelled);
  auto weights = loadSafetensors(result.checkpointDir + "/model.safetensors");
  ASSERT_TRUE(weights.ok());
  EXPECT_EQ(weights->metadata.at("step"), "4");
}

TEST(Trainer, ResumedRunEqualsUninterruptedRun) {
  for (bool moe : {false, true}) {
    SCOPED_TRACE(moe ? "moe" : "dense");
    test_support::ScratchDir straightDir, resumedDir;
    const auto cfg = test_support::tinyTrainingConfig(moe);
    MemoryLogSink log;
    NullProgressObserver quiet;
    CancelToken never;
    const auto straight = train::runTraining(cfg, optionsFor(straightDir), log, quiet, never);
    ASSERT_EQ(straight.outcome, train::RunOutcome::Finished) << straight.message;

    CancelToken cancel;
    CancelAtStep stopAt6(cancel, 6);
    const auto first = train::runTraining(cfg, optionsFor(resumedDir), log, stopAt6, cancel);
    ASSERT_EQ(first.outcome, train::RunOutcome::Cancelled);
    auto resumeOptions = optionsFor(resumedDir);
    resumeOptions.resumeRunId = first.runId;
    CancelToken fresh;
    const auto resumed = train::runTraining(cfg, resumeOptions, log, quiet, fresh);
    ASSERT_EQ(resumed.outcome, train::RunOutcome::Finished) << resumed.message;
    EXPECT_EQ(resumed.runId, first.runId);
    EXPECT_EQ(resumed.step, 10);

    const auto a = *loadSafetensors(straight.checkpointDir + "/model.safetensors");
    const auto b = *loadSafetensors(resumed.checkpointDir + "/model.safetensors");
    ASSERT_EQ(a.tensors.size(), b.tensors.size());
    for (const auto& [name, blob] : a.tensors) EXPECT_EQ(blob.bytes, b.tensors.at(name).bytes) << name;

    auto storeA = store::RunStore::open(straightDir.path("store.db"), store::RunStore::Mode::ReadOnly).value();
    auto storeB = store::RunStore::open(resumedDir.path("store.db"), store::RunStore::Mode::ReadOnly).value();
    EXPECT_EQ(scalarCurve(*storeA, straight.runId, "train/loss"), scalarCurve(*storeB, resumed.runId, "train/loss"));
    EXPECT_EQ(scalarCurve(*storeA, straight.runId, "val/r1_t2i"), scalarCurve(*storeB, resumed.runId, "val/r1_t2i"));
  }
}

TEST(Trainer, ResumeFromACheckpointOfAnotherStepIsRejected) {
  test_support::ScratchDir dir;
  const auto cfg = test_support::tinyTrainingConfig(false);
  MemoryLogSink log;
  CancelToken cancel;
  CancelAtStep stop(cancel, 3);
  const auto first = train::runTraining(cfg, optionsFor(dir), log, stop, cancel);
  ASSERT_EQ(first.outcome, train::RunOutcome::Cancelled);
  // Simulate a crash between writing model.safetensors and state.json.
  std::string state = "{\"step\": 2, \"run_id\": " + std::to_string(first.runId) + "}";
  std::ofstream(first.checkpointDir + "/state.json") << state;
  auto options = optionsFor(dir);
  options.resumeRunId = first.runId;
  NullProgressObserver quiet;
  CancelToken fresh;
  const auto resumed = train::runTraining(cfg, options, log, quiet, fresh);
  EXPECT_EQ(resumed.outcome, train::RunOutcome::Failed);
  EXPECT_NE(resumed.message.find("model.safetensors"), std::string::npos) << resumed.message;
  EXPECT_NE(resumed.message.find("belongs to step 3"), std::string::npos) << resumed.message;
}
