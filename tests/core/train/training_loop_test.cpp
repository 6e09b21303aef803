// The one training loop with a task of its own (a linear regression whose loss is a plain mean
// over samples, so micro-batches can be checked against one big batch), and the real tasks
// under run.precision.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "core/train/tiny_project.h"
#include "vimoe/store/run_store.h"
#include "vimoe/train/project_data.h"
#include "vimoe/train/training_loop.h"

using namespace vimoe;

namespace {

constexpr int kRows = 8;  // the regression's fixed data set

// y = x . w* over 12 pixel values; every step sees rows [0, 8) split into optim.accumulate
// micro-batches, micro-batch `index % accumulate` taking its contiguous share.
class RegressionTask : public train::TrainingTask {
 public:
  explicit RegressionTask(const config::ExperimentConfig& cfg) : m_cfg(cfg) {}

  Status loadData(const train::ProjectData&, const text::Tokenizer&, LogSink&) override { return okStatus(); }
  Status buildModel(torch::Device device, bool, LogSink&) override {
    m_linear = torch::nn::Linear(torch::nn::LinearOptions(12, 1).bias(false));
    m_linear->to(device);
    return okStatus();
  }
  torch::nn::Module& module() override { return *m_linear; }
  std::vector<train::AdamW::Param> trainableParameters() override { return train::adamwParams(*m_linear); }
  train::MoeLayers moeLayers() override { return {}; }
  model::ParameterCounts parameterCounts() override { return {12, 12}; }
  std::string describe() const override { return "regression"; }
  Status writeCheckpointFiles(const std::string&) override { return okStatus(); }

  train::TaskBatch trainBatch(std::int64_t index) const override {
    const int micro = m_cfg.optim.accumulate, size = kRows / micro;
    const auto all = torch::arange(kRows * 12, torch::kLong).remainder(251).to(torch::kUInt8).view({kRows, 3, 2, 2});
    train::TaskBatch batch;
    batch.pixels = all.narrow(0, (index % micro) * size, size).clone();
    return batch;
  }
  train::TaskForward forward(const train::TaskBatch&, const torch::Tensor& pixels, bool) override {
    const auto x = pixels.flatten(1);
    const auto target = x.matmul(torch::linspace(-1, 1, 12));
    train::TaskForward out;
    out.taskLoss = (m_linear->forward(x).squeeze(1) - target).pow(2).mean();
    return out;
  }
  void appendTrainScalars(const train::TaskForward&, train::Scalars&) override {}
  Expected<train::Scalars> evaluate() override { return train::Scalars{{"val/weight_sum", m_linear->weight.sum().item<double>()}}; }
  Expected<std::vector<store::EvalRow>> finalEvaluation(const std::map<std::string, double>&) override {
    return std::vector<store::EvalRow>{{"val", "regression/weight_sum", m_linear->weight.sum().item<double>(), "{}"}};
  }

  torch::Tensor weight() const { return m_linear->weight.detach().clone(); }

 private:
  const config::ExperimentConfig& m_cfg;
  torch::nn::Linear m_linear{nullptr};
};

// Records the micro-batch index of every forward pass and leaves the pixels alone.
class IndexRecorder : public train::StepHook {
 public:
  explicit IndexRecorder(std::vector<std::int64_t>& seen) : m_seen(seen) {}
  torch::Tensor beforeForward(train::TrainingTask&, const train::TaskBatch&, torch::Tensor pixels, std::int64_t index) override {
    m_seen.push_back(index);
    return pixels;
  }

 private:
  std::vector<std::int64_t>& m_seen;
};

config::ExperimentConfig regressionConfig(int accumulate) {
  auto cfg = test_support::tinyTrainingConfig(false);
  cfg.optim.batch_size = kRows / accumulate;
  cfg.optim.accumulate = accumulate;
  cfg.optim.grad_clip = 0;
  cfg.optim.warmup_steps = 0;
  cfg.optim.schedule = "constant";
  cfg.run.steps = 6;
  return cfg;
}

using test_support::optionsFor;

struct RegressionRun {
  train::RunResult result;
  torch::Tensor weight;
  std::vector<std::int64_t> indices;
};

RegressionRun trainRegression(const test_support::ScratchDir& dir, int accumulate) {
  const auto cfg = regressionConfig(accumulate);
  MemoryLogSink log;
  NullProgressObserver progress;
  CancelToken cancel;
  RegressionRun run;
  RegressionTask task(cfg);
  train::TrainingLoop loop(cfg, optionsFor(dir), log, progress, cancel);
  loop.addStandardObservers();
  loop.addStepHook(std::make_unique<IndexRecorder>(run.indices));
  run.result = loop.run(task);
  run.weight = task.weight();
  return run;
}

}  // namespace

TEST(TrainingLoop, AccumulatedMicroBatchesTakeTheStepOfTheirUnion) {
  test_support::ScratchDir dir;
  const auto whole = trainRegression(dir, 1);
  const auto quarters = trainRegression(dir, 4);
  ASSERT_EQ(whole.result.outcome, train::RunOutcome::Finished) << whole.result.message;
  ASSERT_EQ(quarters.result.outcome, train::RunOutcome::Finished) << quarters.result.message;
  // Same data, same seed: the mean of four quarter-batch means is the whole batch's mean.
  EXPECT_TRUE(torch::allclose(whole.weight, quarters.weight, 1e-5, 1e-6))
      << whole.weight << "\n" << quarters.weight;
  EXPECT_FALSE(torch::allclose(whole.weight, torch::zeros_like(whole.weight)));

  // Micro-batch indices run step * accumulate + m, in order.
  std::vector<std::int64_t> expected(24);
  for (std::int64_t i = 0; i < 24; ++i) expected[static_cast<std::size_t>(i)] = i;
  EXPECT_EQ(quarters.indices, expected);
  EXPECT_EQ(whole.indices.size(), 6u);

  auto store = store::RunStore::open(dir.path("store.db"), store::RunStore::Mode::ReadOnly).value();
  const auto losses = *store->scalars(quarters.result.runId, "train/loss");
  const auto wholeLosses = *store->scalars(whole.result.runId, "train/loss");
  ASSERT_EQ(losses.size(), 6u);
  ASSERT_EQ(wholeLosses.size(), 6u);
  for (std::size_t i = 0; i < losses.size(); ++i) EXPECT_NEAR(losses[i].value, wholeLosses[i].value, 1e-4 * wholeLosses[i].value);
  // The task's final evaluation reaches the eval table and the run's final metrics.
  EXPECT_NEAR(quarters.result.finalMetrics.at("eval/regression/weight_sum"), quarters.weight.sum().item<double>(), 1e-9);
  EXPECT_EQ(store->run(quarters.result.runId)->status, store::RunStatus::Finished);
}

TEST(TrainingLoop, Bf16OnTheCpuTrainsCloseToFp32) {
  test_support::ScratchDir dir;
  std::vector<double> firstLoss;
  for (const char* precision : {"fp32", "bf16"}) {
    auto cfg = test_support::tinyTrainingConfig(true);
    cfg.run.steps = 4;
    cfg.run.device = "cpu";
    cfg.run.precision = precision;
    cfg.run.name = precision;
    MemoryLogSink log;
    NullProgressObserver progress;
    CancelToken cancel;
    const auto result = train::runTraining(cfg, optionsFor(dir), log, progress, cancel);
    ASSERT_EQ(result.outcome, train::RunOutcome::Finished) << precision << ": " << result.message;
    auto store = store::RunStore::open(dir.path("store.db"), store::RunStore::Mode::ReadOnly).value();
    const auto loss = *store->scalars(result.runId, "train/loss");
    ASSERT_EQ(loss.size(), 4u);
    for (const auto& p : loss) EXPECT_TRUE(std::isfinite(p.value));
    firstLoss.push_back(loss.front().value);
  }
  // bf16 keeps 8 bits of mantissa: the first loss (same weights, same batch) agrees to ~1%.
  EXPECT_NEAR(firstLoss[1], firstLoss[0], 0.02 * firstLoss[0]);
  EXPECT_NE(firstLoss[1], firstLoss[0]) << "bf16 should change the arithmetic";
}

TEST(TrainingLoop, Fp16WithoutCudaFailsWithAClearMessage) {
  test_support::ScratchDir dir;
  for (const char* device : {"cpu", "auto"}) {
    auto cfg = test_support::tinyTrainingConfig(false);
    cfg.run.device = device;
    cfg.run.precision = "fp16";
    if (torch::cuda::is_available() && std::string(device) == "auto") continue;
    MemoryLogSink log;
    NullProgressObserver progress;
    CancelToken cancel;
    const auto result = train::runTraining(cfg, optionsFor(dir), log, progress, cancel);
    EXPECT_EQ(result.outcome, train::RunOutcome::Failed);
    EXPECT_NE(result.message.find("fp16 needs CUDA"), std::string::npos) << result.message;
    EXPECT_NE(result.message.find("bf16"), std::string::npos) << result.message;
  }
}

namespace {

// A 224-px synthetic set (PNG files) too large for the configured cache, so training streams
// it: every batch is decoded from disk by the loop's prefetch workers.
config::ExperimentConfig streamingConfig() {
  auto cfg = test_support::tinyTrainingConfig(true);
  cfg.data.image_size = 224;
  cfg.model.patch_size = 32;  // 49 patches: the model stays tiny, the data is real-size
  cfg.data.synthetic.train_images = 240;
  cfg.data.synthetic.val_images = 16;
  cfg.data.synthetic.captions_per_image = 2;
  cfg.data.image_cache_mb = 0;  // always stream
  cfg.data.loader_threads = 2;
  cfg.run.steps = 20;
  cfg.run.eval_every = 20;
  cfg.run.routing_every = 20;
  return cfg;
}

std::vector<double> lossCurve(const std::string& storePath, std::int64_t runId) {
  return test_support::scalarCurve(storePath, runId, "train/loss");
}

}  // namespace

TEST(TrainingLoop, StreamsA224PixelSetAndSkipsImagesThatCannotBeDecoded) {
  test_support::ScratchDir dir;
  auto cfg = streamingConfig();
  MemoryLogSink log;
  NullProgressObserver progress;
  CancelToken cancel;
  // Generate the set, then break ten training images after their PNG signature.
  ASSERT_TRUE(train::prepareProjectData(cfg, dir.path(""), log, progress, cancel));
  std::vector<std::string> broken;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path("data/images/train"))) {
    if (broken.size() == 10) break;
    std::filesystem::resize_file(entry.path(), 64);
    broken.push_back(entry.path().string());
  }
  ASSERT_EQ(broken.size(), 10u);

  const auto result = train::runTraining(cfg, optionsFor(dir), log, progress, cancel);
  ASSERT_EQ(result.outcome, train::RunOutcome::Finished) << result.message;
  const auto loss = lossCurve(dir.path("store.db"), result.runId);
  ASSERT_EQ(loss.size(), 20u);
  for (double v : loss) EXPECT_TRUE(std::isfinite(v));
  // 320 draws over 240 images: broken ones were drawn, dropped from their batch, counted, named.
  const auto skipped = result.finalMetrics.find("train/skipped_images");
  ASSERT_NE(skipped, result.finalMetrics.end());
  EXPECT_GT(skipped->second, 0);
  bool named = false;
  for (const auto& path : broken) named = named || log.contains(path + ": cannot be decoded");
  EXPECT_TRUE(named);
  EXPECT_GT(result.finalMetrics.at("val/r1_i2t"), 0.0);
}

// The loader's order is a pure function of (seed, micro-batch index): a run cancelled in the
// middle of its first epoch (15 batches of 16 per epoch) and resumed logs the same curve, to the
// bit, as one that ran straight through, with two decoding workers racing and random crops and
// flips drawn from the same (seed, index).
TEST(TrainingLoop, StreamedRunResumesMidEpochBitIdentically) {
  test_support::ScratchDir straightDir, resumedDir;
  auto cfg = streamingConfig();
  cfg.data.crop_min_area = 0.5;
  cfg.data.flip = true;
  MemoryLogSink log;
  NullProgressObserver quiet;
  CancelToken never;
  const auto straight = train::runTraining(cfg, optionsFor(straightDir), log, quiet, never);
  ASSERT_EQ(straight.outcome, train::RunOutcome::Finished) << straight.message;

  CancelToken stop;
  test_support::CancelAtStep stopAt7(stop, 7);
  const auto first = train::runTraining(cfg, optionsFor(resumedDir), log, stopAt7, stop);
  ASSERT_EQ(first.outcome, train::RunOutcome::Cancelled) << first.message;
  EXPECT_EQ(first.step, 7);
  auto resumeOptions = optionsFor(resumedDir);
  resumeOptions.resumeRunId = first.runId;
  CancelToken fresh;
  const auto resumed = train::runTraining(cfg, resumeOptions, log, quiet, fresh);
  ASSERT_EQ(resumed.outcome, train::RunOutcome::Finished) << resumed.message;
  EXPECT_EQ(lossCurve(straightDir.path("store.db"), straight.runId), lossCurve(resumedDir.path("store.db"), resumed.runId));
}
