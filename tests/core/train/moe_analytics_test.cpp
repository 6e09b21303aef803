// What an MoE run leaves in the store besides its curves: per-layer aux-loss scalars, routing
// snapshots of the probe set, expert x class counts; and a run started from an upcycled dense
// checkpoint (model.init_from).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "core/train/tiny_project.h"
#include "vimoe/store/run_store.h"
#include "vimoe/train/init_from.h"
#include "vimoe/train/probe_set.h"
#include "vimoe/train/training_loop.h"

using namespace vimoe;

namespace {

using test_support::optionsFor;

train::RunResult trainTiny(const config::ExperimentConfig& cfg, const test_support::ScratchDir& dir) {
  MemoryLogSink log;
  NullProgressObserver progress;
  CancelToken cancel;
  return train::runTraining(cfg, optionsFor(dir), log, progress, cancel);
}

}  // namespace

TEST(MoeAnalytics, RoutingSnapshotsProbeSetAndPerLayerLossesReachTheStore) {
  test_support::ScratchDir dir;
  auto cfg = test_support::tinyTrainingConfig(true);
  cfg.moe.top_k = 2;
  cfg.run.steps = 6;
  cfg.run.routing_every = 3;
  cfg.run.probe_images = 4;
  const auto result = trainTiny(cfg, dir);
  ASSERT_EQ(result.outcome, train::RunOutcome::Finished) << result.message;
  auto store = store::RunStore::open(dir.path("store.db"), store::RunStore::Mode::ReadOnly).value();

  // Snapshots at initialisation, step 3 and the last step.
  EXPECT_EQ(*store->routingSteps(result.runId), (std::vector<std::int64_t>{0, 3, 6}));
  const auto probe = *store->probeSamples(result.runId);
  ASSERT_EQ(probe.size(), 4u);
  EXPECT_EQ(probe[0].label, "shapes");  // the synthetic domain
  EXPECT_EQ(probe[0].tokens.front(), "<s>");

  const auto rows = *store->routing(result.runId, 6);
  // Image layer 0: 4 images x (1 class token + 16 patches of a 32 px image with 8 px patches).
  std::size_t imageRows = 0, textRows = 0;
  for (const auto& r : rows) {
    ASSERT_EQ(r.experts.size(), 2u);
    ASSERT_EQ(r.gates.size(), 2u);
    EXPECT_NEAR(r.gates[0] + r.gates[1], 1.0f, 1e-5);  // renormalised top-2
    EXPECT_GE(r.gates[0], r.gates[1]);                   // best first
    (r.modality == "image" ? imageRows : textRows) += 1;
  }
  EXPECT_EQ(imageRows, 4u * 17u);
  // Text rows: one per real token of each probe caption (the pieces stored with the probe).
  std::size_t tokens = 0;
  for (const auto& p : probe) tokens += p.tokens.size();
  EXPECT_EQ(textRows, tokens);

  // Expert x class: every kept (token, expert) pair of the snapshot counted under "shapes".
  double counted = 0;
  for (const auto& c : *store->expertClass(result.runId))
    if (c.step == 6 && c.layer == 0) {
      EXPECT_EQ(c.className, "shapes");
      counted += c.tokens;
    }
  double kept = 0;
  for (const auto& r : rows)
    if (r.layer == 0)
      for (int k : r.kept) kept += k;
  EXPECT_DOUBLE_EQ(counted, kept);

  // Per-layer losses, normalised: the Switch loss is near 1 for a near-uniform fresh router.
  const auto lb = store->scalars(result.runId, "moe/image.blocks.0/load_balance").value();
  ASSERT_FALSE(lb.empty());
  EXPECT_GT(lb.front().value, 0.9);
  EXPECT_LT(lb.front().value, 2.0);
  for (const char* key : {"moe/text.blocks.0/entropy_local/text", "moe/image.blocks.0/router_entropy",
                          "moe/image.blocks.0/dead_experts", "moe/image.blocks.0/dropped_share/choice2",
                          "train/importance_cv2", "val/r10_i2t"})
    EXPECT_FALSE(store->scalars(result.runId, key)->empty()) << key;
}

TEST(MoeAnalytics, TrainsFromAnUpcycledDenseCheckpointAndWritesOne) {
  test_support::ScratchDir dir;
  auto dense = test_support::tinyTrainingConfig(false);
  dense.run.steps = 8;
  const auto denseRun = trainTiny(dense, dir);
  ASSERT_EQ(denseRun.outcome, train::RunOutcome::Finished) << denseRun.message;

  auto moe = test_support::tinyTrainingConfig(true);
  moe.moe.gate_norm = "renormalize";
  moe.moe.capacity_factor_train = 0;
  moe.moe.capacity_factor_eval = 0;
  moe.run.name = "upcycled";
  moe.run.steps = 3;
  moe.optim.warmup_steps = 1;
  moe.run.eval_every = 1;
  moe.model.init_from = denseRun.checkpointDir;
  const auto upcycled = trainTiny(moe, dir);
  ASSERT_EQ(upcycled.outcome, train::RunOutcome::Finished) << upcycled.message;

  // The written checkpoint of `vimoe upcycle` reloads into the same MoE config.
  const auto out = dir.path("upcycled-ckpt");
  auto report = train::writeUpcycledCheckpoint(denseRun.checkpointDir, moe, out, {});
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->moeLayers, 2);
  EXPECT_EQ(report->maxExpertDeviation, 0.0);
  EXPECT_TRUE(std::filesystem::exists(out + "/model.safetensors"));
  EXPECT_FALSE(*train::isDenseCheckpoint(out));
  auto again = train::writeUpcycledCheckpoint(out, moe, dir.path("twice"), {});
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().message.find("already an MoE checkpoint"), std::string::npos);
}

TEST(MoeAnalytics, ProbeSetCoversEveryClassEvenWhenTheSplitCyclesThroughThem) {
  // 16 images cycling a, b, c, d: a stride of 4 would pick only "a".
  std::vector<std::string> labels;
  for (int i = 0; i < 16; ++i) labels.push_back(std::string(1, char('a' + i % 4)));
  const auto picked = train::probeIndices(labels, 8);
  ASSERT_EQ(picked.size(), 8u);
  std::map<std::string, int> perClass;
  for (auto i : picked) ++perClass[labels[static_cast<std::size_t>(i)]];
  EXPECT_EQ(perClass, (std::map<std::string, int>{{"a", 2}, {"b", 2}, {"c", 2}, {"d", 2}}));
  // Round-robin order: a, b, c, d, a, ...; evenly spread within a class (a: images 0 and 8).
  EXPECT_EQ(picked[0], 0);
  EXPECT_EQ(picked[1], 1);
  EXPECT_EQ(picked[4], 8);
  // Without labels: evenly spread; never more than there are images.
  EXPECT_EQ(train::probeIndices(std::vector<std::string>(10, ""), 5), (std::vector<std::int64_t>{0, 2, 4, 6, 8}));
  EXPECT_EQ(train::probeIndices(std::vector<std::string>(3, "x"), 8).size(), 3u);
}
