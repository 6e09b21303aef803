// Captioning and VQA training end to end on a tiny synthetic project: from a contrastive
// checkpoint (upcycled into MoE on the way), the loss falls, evaluation with per-sample details
// and baselines lands in the eval table, and the checkpoint loads for inference on its own.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/train/tiny_project.h"
#include "vimoe/eval/caption_eval.h"
#include "vimoe/eval/trained_model.h"
#include "vimoe/store/run_store.h"
#include "vimoe/text/unicode.h"
#include "vimoe/train/training_loop.h"
#include "vimoe/train/vqa_data.h"
#include "vimoe/util/safetensors.h"

using namespace vimoe;

namespace {

using test_support::optionsFor;

std::map<std::string, store::EvalRow> evalsByMetric(const std::string& storePath, std::int64_t run) {
  auto store = store::RunStore::open(storePath, store::RunStore::Mode::ReadOnly).value();
  std::map<std::string, store::EvalRow> rows;
  for (auto& row : store->evals(run).value()) rows[row.metric] = row;
  return rows;
}

double meanOf(const std::vector<store::ScalarPoint>& points, std::size_t from, std::size_t count) {
  double sum = 0;
  for (std::size_t i = from; i < from + count; ++i) sum += points[i].value;
  return sum / static_cast<double>(count);
}

config::ExperimentConfig downstreamConfig(const std::string& kind, bool moe) {
  auto cfg = test_support::tinyTrainingConfig(moe);
  cfg.data.synthetic.questions_per_image = 3;
  cfg.run.kind = kind;
  cfg.run.name = kind + (moe ? "-moe" : "-dense");
  cfg.run.steps = 40;
  cfg.run.eval_every = 20;
  cfg.task.eval_samples = 8;
  cfg.task.beam_width = 2;
  return cfg;
}

}  // namespace

TEST(DownstreamTrainer, CaptionerFromAnUpcycledContrastiveTowerLearnsAndIsEvaluated) {
  test_support::ScratchDir dir;
  MemoryLogSink log;
  NullProgressObserver progress;
  CancelToken cancel;
  auto contrastive = test_support::tinyTrainingConfig(false);
  contrastive.data.synthetic.questions_per_image = 3;
  const auto pretrained = train::runTraining(contrastive, optionsFor(dir), log, progress, cancel);
  ASSERT_EQ(pretrained.outcome, train::RunOutcome::Finished) << pretrained.message;

  auto cfg = downstreamConfig("caption", true);
  cfg.task.encoder_from = pretrained.checkpointDir;  // dense -> MoE image tower: upcycled
  const auto result = train::runTraining(cfg, optionsFor(dir), log, progress, cancel);
  ASSERT_EQ(result.outcome, train::RunOutcome::Finished) << result.message;
  bool upcycled = false;
  for (const auto& entry : log.entries())
    upcycled = upcycled || entry.message.find("upcycled into 1 MoE layers") != std::string::npos;
  EXPECT_TRUE(upcycled);

  auto store = store::RunStore::open(dir.path("store.db"), store::RunStore::Mode::ReadOnly).value();
  EXPECT_EQ(store->run(result.runId)->kind, "caption");
  EXPECT_EQ(*store->moeLayers(result.runId), (std::vector<std::string>{"image.blocks.0", "decoder.blocks.0"}));
  const auto loss = *store->scalars(result.runId, "train/task_loss");
  ASSERT_EQ(loss.size(), 40u);
  EXPECT_LT(meanOf(loss, 32, 8), meanOf(loss, 0, 8) - 0.5);
  EXPECT_EQ(store->scalars(result.runId, "val/cider_d")->size(), 2u);  // steps 20 and 40
  EXPECT_FALSE(store->expertLoad(result.runId)->empty());

  const auto evals = evalsByMetric(dir.path("store.db"), result.runId);
  for (const char* metric : {"caption/bleu1", "caption/bleu4", "caption/rouge_l", "caption/cider_d",
                             "baseline/nn_caption/cider_d", "baseline/nn_caption/bleu4"})
    ASSERT_TRUE(evals.count(metric)) << metric;
  const auto details = nlohmann::json::parse(evals.at("caption/cider_d").detailsJson);
  EXPECT_EQ(details["tokenization"], "syllables");
  ASSERT_EQ(details["samples"].size(), 16u);  // every validation image, not only eval_samples
  for (const auto& sample : details["samples"]) {
    EXPECT_TRUE(text::isValidUtf8(sample["prediction"].get<std::string>()));
    EXPECT_EQ(sample["references"].size(), 3u);
    EXPECT_GE(sample["cider_d"].get<double>(), 0.0);
  }

  // The checkpoint carries its tokenizer and captions on its own.
  EXPECT_TRUE(std::filesystem::exists(result.checkpointDir + "/tokenizer.model"));
  auto loaded = eval::loadDownstreamModel(result.checkpointDir);
  ASSERT_TRUE(loaded) << loaded.error().message;
  model::GenerationOptions generation;
  generation.beamWidth = 2;
  generation.maxLength = 12;
  const auto captions = eval::generateCaptions(loaded->model, loaded->tokenizer, torch::rand({2, 3, 32, 32}), generation);
  ASSERT_EQ(captions.size(), 2u);
  EXPECT_TRUE(text::isValidUtf8(captions[0]));
  EXPECT_TRUE(text::isNfc(captions[0]));
}

TEST(DownstreamTrainer, VqaClassifierAndGenerativeHeadsAreScoredPerQuestionType) {
  test_support::ScratchDir dir;
  MemoryLogSink log;
  NullProgressObserver progress;
  CancelToken cancel;
  auto cfg = downstreamConfig("vqa", false);
  const auto classifier = train::runTraining(cfg, optionsFor(dir), log, progress, cancel);
  ASSERT_EQ(classifier.outcome, train::RunOutcome::Finished) << classifier.message;
  const auto evals = evalsByMetric(dir.path("store.db"), classifier.runId);
  for (const char* metric : {"vqa/exact_match", "vqa/f1", "baseline/majority/exact_match", "baseline/majority_per_type/exact_match"})
    ASSERT_TRUE(evals.count(metric)) << metric;
  int typed = 0;
  for (const auto& [metric, row] : evals) typed += metric.rfind("vqa/exact_match/", 0) == 0;
  EXPECT_GE(typed, 3);  // yes_no, colour, position, ... each with its own row
  const auto details = nlohmann::json::parse(evals.at("vqa/exact_match").detailsJson);
  ASSERT_EQ(details["samples"].size(), 48u);  // 16 validation images x 3 questions
  // Exact match is the mean of the per-sample values the details carry.
  double sum = 0;
  for (const auto& s : details["samples"]) sum += s["exact_match"].get<double>();
  EXPECT_NEAR(evals.at("vqa/exact_match").value, sum / 48.0, 1e-12);
  // A classifier answers from the training vocabulary, saved with the checkpoint.
  auto vocabulary = train::readAnswerVocabulary(classifier.checkpointDir);
  ASSERT_TRUE(vocabulary) << vocabulary.error().message;
  for (const auto& s : details["samples"])
    EXPECT_GE(vocabulary->indexOf(s["prediction"].get<std::string>()), 0) << s["prediction"];
  // The majority baseline is the same answer for every question: its EM is that answer's share.
  EXPECT_GT(evals.at("baseline/majority_per_type/exact_match").value, evals.at("baseline/majority/exact_match").value);

  cfg.task.vqa_head = "generate";
  cfg.run.name = "vqa-generate";
  const auto generative = train::runTraining(cfg, optionsFor(dir), log, progress, cancel);
  ASSERT_EQ(generative.outcome, train::RunOutcome::Finished) << generative.message;
  const auto generated = evalsByMetric(dir.path("store.db"), generative.runId);
  ASSERT_TRUE(generated.count("vqa/f1"));
  for (const auto& s : nlohmann::json::parse(generated.at("vqa/exact_match").detailsJson)["samples"])
    EXPECT_TRUE(text::isValidUtf8(s["prediction"].get<std::string>()));
  auto store = store::RunStore::open(dir.path("store.db"), store::RunStore::Mode::ReadOnly).value();
  const auto loss = *store->scalars(generative.runId, "train/task_loss");
  EXPECT_LT(meanOf(loss, 32, 8), meanOf(loss, 0, 8));
}

TEST(DownstreamTrainer, AFrozenEncoderKeepsTheContrastiveImageTowerExactly) {
  test_support::ScratchDir dir;
  MemoryLogSink log;
  NullProgressObserver progress;
  CancelToken cancel;
  const auto pretrained = train::runTraining(test_support::tinyTrainingConfig(false), optionsFor(dir), log, progress, cancel);
  ASSERT_EQ(pretrained.outcome, train::RunOutcome::Finished) << pretrained.message;
  auto cfg = downstreamConfig("caption", false);
  cfg.run.steps = 10;
  cfg.task.encoder_from = pretrained.checkpointDir;
  cfg.task.freeze_encoder = true;
  const auto result = train::runTraining(cfg, optionsFor(dir), log, progress, cancel);
  ASSERT_EQ(result.outcome, train::RunOutcome::Finished) << result.message;

  const auto before = loadSafetensors(pretrained.checkpointDir + "/model.safetensors").value();
  const auto after = loadSafetensors(result.checkpointDir + "/model.safetensors").value();
  int compared = 0;
  for (const auto& [name, tensor] : after.tensors) {
    if (name.rfind("image.", 0) != 0) continue;
    ASSERT_TRUE(before.tensors.count(name)) << name;
    EXPECT_EQ(tensor.bytes, before.tensors.at(name).bytes) << name << " changed although the encoder is frozen";
    ++compared;
  }
  EXPECT_GT(compared, 10);
  EXPECT_TRUE(after.tensors.count("decoder.blocks.0.cross_attn.q.weight"));
}
