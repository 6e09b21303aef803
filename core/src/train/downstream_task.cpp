#include "downstream_task.h"

#include <algorithm>
#include <filesystem>

#include "vimoe/eval/final_eval.h"
#include "vimoe/model/vision_language_model.h"
#include "vimoe/train/contrastive_data.h"
#include "vimoe/train/downstream_losses.h"
#include "vimoe/train/encoder_init.h"
#include "vimoe/train/vqa_data.h"

namespace vimoe::train {
namespace {

namespace fs = std::filesystem;

// Validation loss over at most this many validation images (their first caption) or questions.
constexpr std::int64_t kValidationLossItems = 512;

class DownstreamTask : public TrainingTask {
 public:
  DownstreamTask(const config::ExperimentConfig& cfg, std::string projectDir)
      : m_cfg(cfg),
        m_projectDir(std::move(projectDir)),
        m_vqa(cfg.run.kind == "vqa"),
        m_generative(m_vqa && cfg.task.vqa_head == "generate") {}

  Status loadData(const ProjectData& project, const text::Tokenizer& tokenizer, LogSink& log) override {
    m_tokenizer = &tokenizer;
    return m_vqa ? loadQuestions(log) : loadCaptions(project, log);
  }

  Status buildModel(torch::Device device, bool resuming, LogSink& log) override {
    const int answerClasses = m_vqa && !m_generative ? static_cast<int>(m_vocabulary.answers.size()) : 0;
    m_model = model::VisionLanguageModel(m_cfg, answerClasses);
    if (!m_cfg.task.encoder_from.empty() && !resuming) {
      auto what = initialiseImageTower(resolveProjectPath(m_projectDir, m_cfg.task.encoder_from), m_cfg, m_model, m_cfg.run.seed);
      if (!what) return what.error();
      log.info(*what);
    }
    m_model->to(device);
    m_device = device;
    if (m_cfg.task.freeze_encoder)
      for (auto& p : m_model->vision()->parameters()) p.set_requires_grad(false);
    return okStatus();
  }

  torch::nn::Module& module() override { return *m_model; }
  std::vector<AdamW::Param> trainableParameters() override {
    auto params = adamwParams(*m_model);
    if (m_cfg.task.freeze_encoder)
      params.erase(std::remove_if(params.begin(), params.end(), [](const AdamW::Param& p) { return p.name.rfind("image.", 0) == 0; }),
                   params.end());
    return params;
  }
  MoeLayers moeLayers() override { return m_model->moeLayers(); }
  model::ParameterCounts parameterCounts() override { return m_model->parameterCounts(); }

  std::string describe() const override {
    if (!m_vqa) return "caption, " + std::to_string(trainItems()) + " training captions";
    return std::string("vqa, ") +
           (m_generative ? "generative" : "classifier over " + std::to_string(m_vocabulary.answers.size()) + " answers") +
           ", " + std::to_string(trainItems()) + " training questions";
  }

  Status writeCheckpointFiles(const std::string& dir) override {
    return m_vqa ? writeAnswerVocabulary(dir, m_vocabulary) : okStatus();
  }

  TaskBatch trainBatch(std::int64_t index) const override {
    std::vector<std::int64_t> failed;
    auto batch = batchOf(shuffledBatchIndices(trainItems(), m_cfg.run.seed, index, m_cfg.optim.batch_size), false, &failed);
    dropRows(batch, failed);
    return batch;
  }

  TaskForward forward(const TaskBatch& batch, const torch::Tensor& pixels, bool frozenAware) override {
    TaskForward out;
    torch::Tensor memory;
    if (frozenAware && m_cfg.task.freeze_encoder) {
      torch::NoGradGuard noGrad;
      model::AuxLosses ignored;  // a frozen tower's routers are not trained
      memory = m_model->encodeImage(pixels, ignored);
    } else {
      memory = m_model->encodeImage(pixels, out.aux);
    }
    const auto ids = batch.ids.to(m_device);
    if (!m_vqa)
      out.taskLoss = captionLoss(m_model->tokenLogits(memory, ids, out.aux), ids);
    else if (m_generative)
      out.taskLoss = answerSequenceLoss(m_model->tokenLogits(memory, ids, out.aux), ids, batch.answerStart.to(m_device));
    else
      out.taskLoss = answerClassLoss(m_model->answerLogits(memory, ids, out.aux), batch.answerClass.to(m_device));
    return out;
  }

  void appendTrainScalars(const TaskForward& out, Scalars& values) override {
    values.emplace_back("train/task_loss", out.taskLoss.item<double>());
  }

  Expected<Scalars> evaluate() override {
    Scalars values = {{"val/loss", validationLoss()}};
    auto generated = generationMetrics();
    if (!generated) return generated.error();
    values.insert(values.end(), generated->begin(), generated->end());
    return values;
  }

  Expected<std::vector<store::EvalRow>> finalEvaluation(const std::map<std::string, double>&) override {
    eval::SplitEvalOptions o;
    o.generation = eval::configuredGeneration(m_cfg);
    o.tokenization = eval::metricTokenizationOf(m_cfg);
    if (!m_vqa) return eval::evaluateCaptionSplit(m_model, m_captionTrain, m_captionVal, *m_tokenizer, o);
    return eval::evaluateVqaSplit(m_model, m_vqaTrain, m_vqaVal, *m_tokenizer, m_vocabulary, m_generative,
                                  m_cfg.data.max_text_tokens, o);
  }

 private:
  std::int64_t trainItems() const { return m_vqa ? m_vqaTrain.questionCount() : m_captionTrain.captionIds.size(0); }

  Status loadCaptions(const ProjectData& project, LogSink& log) {
    const int size = m_cfg.data.image_size, tokens = m_cfg.data.max_text_tokens;
    auto train = buildContrastiveSplit(project.train, *m_tokenizer, size, tokens, log, m_cfg.data.image_cache_mb);
    if (!train) return train.error();
    auto val = buildContrastiveSplit(project.val, *m_tokenizer, size, tokens, log, m_cfg.data.image_cache_mb);
    if (!val) return val.error();
    m_captionTrain = std::move(*train);
    m_captionVal = std::move(*val);
    return okStatus();
  }

  Status loadQuestions(LogSink& log) {
    const std::string root = resolveProjectPath(m_projectDir, m_cfg.data.root);
    const std::string imageDir = (fs::path(root) / m_cfg.data.image_dir).string();
    auto trainSet = loadVqaFile((fs::path(root) / m_cfg.data.train_questions).string(), imageDir, log);
    if (!trainSet) return Error{"data.train_questions: " + trainSet.error().message};
    auto valSet = loadVqaFile((fs::path(root) / m_cfg.data.val_questions).string(), imageDir, log);
    if (!valSet) return Error{"data.val_questions: " + valSet.error().message};
    m_vocabulary = buildAnswerVocabulary(*trainSet, m_cfg.task.max_answers);
    if (m_vocabulary.answers.size() < 2) return Error{"data.train_questions: fewer than two distinct answers; nothing to classify"};
    const int size = m_cfg.data.image_size, tokens = m_cfg.data.max_text_tokens;
    auto train = buildVqaSplit(*trainSet, *m_tokenizer, m_vocabulary, size, tokens, log, m_cfg.data.image_cache_mb);
    if (!train) return train.error();
    auto val = buildVqaSplit(*valSet, *m_tokenizer, m_vocabulary, size, tokens, log, m_cfg.data.image_cache_mb);
    if (!val) return val.error();
    m_vqaTrain = std::move(*train);
    m_vqaVal = std::move(*val);
    return okStatus();
  }

  // The batch of item rows (captions or questions) of the training or validation split; images
  // that cannot be decoded are black, named in b.problems, their positions in `failed`.
  TaskBatch batchOf(const torch::Tensor& rows, bool validation, std::vector<std::int64_t>* failed = nullptr) const {
    TaskBatch b;
    if (!m_vqa) {
      const auto& split = validation ? m_captionVal : m_captionTrain;
      b.pixels = split.images.gather(split.captionImage.index_select(0, rows), &b.problems, failed);
      b.ids = split.captionIds.index_select(0, rows);
      b.mirrorable = split.captionMirrorable.index_select(0, rows);
      return b;
    }
    const auto& split = validation ? m_vqaVal : m_vqaTrain;
    b.pixels = split.images.gather(split.questionImage.index_select(0, rows), &b.problems, failed);
    b.ids = (m_generative ? split.sequences : split.questionTokens).index_select(0, rows);
    b.answerStart = split.answerStart.index_select(0, rows);
    b.answerClass = split.answerClass.index_select(0, rows);
    b.mirrorable = split.questionMirrorable.index_select(0, rows);
    return b;
  }

  double validationLoss() {
    torch::NoGradGuard noGrad;
    m_model->eval();
    const std::int64_t items =
        std::min<std::int64_t>(kValidationLossItems, m_vqa ? m_vqaVal.questionCount() : m_captionVal.imageCount());
    const int batchSize = m_cfg.optim.batch_size;
    double sum = 0;
    std::int64_t counted = 0;
    for (std::int64_t start = 0; start < items; start += batchSize) {
      const auto size = std::min<std::int64_t>(batchSize, items - start);
      const auto rows = m_vqa ? torch::arange(start, start + size, torch::kLong) : m_captionVal.firstCaption.narrow(0, start, size);
      const auto batch = batchOf(rows, /*validation=*/true);
      sum += forward(batch, pixelsFromBytes(batch.pixels).to(m_device), false).taskLoss.item<double>() * static_cast<double>(size);
      counted += size;
    }
    m_model->train();
    return sum / std::max<std::int64_t>(1, counted);
  }

  // Greedy-decoded metrics on the first task.eval_samples validation images (questions): fast,
  // the trend is what matters during training.
  Expected<Scalars> generationMetrics() {
    auto generation = eval::configuredGeneration(m_cfg);
    generation.beamWidth = 1;
    const auto tokenization = eval::metricTokenizationOf(m_cfg);
    if (!m_vqa) {
      eval::CaptionEvalOptions o;
      o.generation = generation;
      o.maxImages = m_cfg.task.eval_samples;
      o.tokenization = tokenization;
      auto e = eval::evaluateCaptioning(m_model, m_captionVal, *m_tokenizer, o);
      if (!e) return e.error();
      return Scalars{{"val/cider_d", e->scores.ciderD}, {"val/bleu4", e->scores.bleu[3]}, {"val/rouge_l", e->scores.rougeL}};
    }
    eval::VqaEvalOptions o;
    o.generative = m_generative;
    o.generation = generation;
    o.maxQuestions = m_cfg.task.eval_samples;
    o.tokenization = tokenization;
    auto e = eval::evaluateVqa(m_model, m_vqaVal, *m_tokenizer, m_vocabulary, o, m_cfg.data.max_text_tokens);
    if (!e) return e.error();
    return Scalars{{"val/exact_match", e->scores.exactMatch}, {"val/f1", e->scores.f1}};
  }

  const config::ExperimentConfig& m_cfg;
  const std::string m_projectDir;
  const bool m_vqa, m_generative;
  const text::Tokenizer* m_tokenizer = nullptr;
  ContrastiveSplit m_captionTrain, m_captionVal;
  VqaSplit m_vqaTrain, m_vqaVal;
  AnswerVocabulary m_vocabulary;
  model::VisionLanguageModel m_model{nullptr};
  torch::Device m_device = torch::kCPU;
};

}  // namespace

std::unique_ptr<TrainingTask> makeDownstreamTask(const config::ExperimentConfig& cfg, const std::string& projectDir) {
  return std::make_unique<DownstreamTask>(cfg, projectDir);
}

}  // namespace vimoe::train
