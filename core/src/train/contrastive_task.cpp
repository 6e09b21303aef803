#include "contrastive_task.h"

#include "contrastive_eval.h"
#include "routing_snapshot.h"
#include "vimoe/train/contrastive_data.h"
#include "vimoe/train/init_from.h"

namespace vimoe::train {
namespace {

class ContrastiveTask : public TrainingTask {
 public:
  ContrastiveTask(const config::ExperimentConfig& cfg, std::string projectDir) : m_cfg(cfg), m_projectDir(std::move(projectDir)) {}

  Status loadData(const ProjectData& project, const text::Tokenizer& tokenizer, LogSink& log) override {
    m_tokenizer = &tokenizer;
    const int size = m_cfg.data.image_size, tokens = m_cfg.data.max_text_tokens;
    auto train = buildContrastiveSplit(project.train, tokenizer, size, tokens, log, m_cfg.data.image_cache_mb);
    if (!train) return train.error();
    auto val = buildContrastiveSplit(project.val, tokenizer, size, tokens, log, m_cfg.data.image_cache_mb);
    if (!val) return val.error();
    m_train = std::move(*train);
    m_val = std::move(*val);
    return okStatus();
  }

  Status buildModel(torch::Device device, bool resuming, LogSink& log) override {
    m_model = model::ClipModel(m_cfg);
    if (!m_cfg.model.init_from.empty() && !resuming) {
      const auto from = resolveProjectPath(m_projectDir, m_cfg.model.init_from);
      model::UpcycleOptions upcycle;
      upcycle.seed = m_cfg.run.seed;
      auto report = initialiseFromCheckpoint(from, m_model, upcycle);
      if (!report) return Error{"model.init_from: " + report.error().message};
      log.info(report->moeLayers > 0 ? "upcycled " + from + " into " + std::to_string(report->moeLayers) +
                                           " MoE layers of " + std::to_string(report->experts) + " experts"
                                     : "initialised from " + from);
    }
    m_model->to(device);
    m_device = device;
    return okStatus();
  }

  torch::nn::Module& module() override { return *m_model; }
  std::vector<AdamW::Param> trainableParameters() override { return adamwParams(*m_model); }
  MoeLayers moeLayers() override { return m_model->moeLayers(); }
  model::ParameterCounts parameterCounts() override { return m_model->parameterCounts(); }
  std::string describe() const override {
    return std::string(m_model->usesSiglip() ? "SigLIP" : "CLIP") + " contrastive, " +
           std::to_string(m_train.imageCount()) + " training images";
  }
  Status writeCheckpointFiles(const std::string&) override { return okStatus(); }

  TaskBatch trainBatch(std::int64_t index) const override {
    const auto rows = contrastiveBatchRows(m_train, m_cfg.run.seed, index, m_cfg.optim.batch_size);
    TaskBatch batch;
    std::vector<std::int64_t> failed;
    batch.pixels = m_train.images.gather(rows.images, &batch.problems, &failed);
    batch.ids = m_train.captionIds.index_select(0, rows.captions);
    batch.mirrorable = m_train.captionMirrorable.index_select(0, rows.captions);
    dropRows(batch, failed);
    return batch;
  }

  TaskForward forward(const TaskBatch& batch, const torch::Tensor& pixels, bool /*frozenAware*/) override {
    auto out = m_model->forward(pixels, batch.ids.to(m_device));
    return {m_model->contrastiveLoss(out), std::move(out.aux)};
  }

  void appendTrainScalars(const TaskForward& out, Scalars& values) override {
    values.emplace_back("train/contrastive_loss", out.taskLoss.item<double>());
    values.emplace_back("train/logit_scale", m_model->logitScale().item<double>());
    if (m_model->usesSiglip()) values.emplace_back("train/logit_bias", m_model->logitBias().item<double>());
  }

  Expected<Scalars> evaluate() override {
    const auto metrics = evaluateContrastive(m_model, m_val, m_cfg.optim.batch_size);
    return Scalars(metrics.begin(), metrics.end());
  }

  // The last periodic evaluation (the loop runs one at the last step) is the final one.
  Expected<std::vector<store::EvalRow>> finalEvaluation(const std::map<std::string, double>& lastMetrics) override {
    std::vector<store::EvalRow> rows;
    for (const auto& [key, value] : lastMetrics)
      if (key.rfind("val/", 0) == 0) rows.push_back({"val", key.substr(4), value, "{}"});
    return rows;
  }

  Status startRoutingSnapshots(store::RunStore& store, std::int64_t runId, bool resuming) override {
    m_probe = buildProbeSet(m_val, *m_tokenizer, m_cfg.run.probe_images);
    if (resuming || m_model->moeLayers().empty()) return okStatus();
    if (!m_probe.samples.empty())
      if (auto s = store.setProbeSamples(runId, m_probe.samples); !s) return s;
    return routingSnapshot(store, runId, 0);  // the routing at initialisation, for comparison
  }

  Status routingSnapshot(store::RunStore& store, std::int64_t runId, std::int64_t step) override {
    if (m_model->moeLayers().empty() || m_probe.samples.empty()) return okStatus();
    auto snapshot = takeRoutingSnapshot(m_model, m_probe, step);
    if (auto s = store.logRouting(runId, snapshot.rows); !s) return s;
    return store.logExpertClass(runId, snapshot.expertClass);
  }

 private:
  const config::ExperimentConfig& m_cfg;
  const std::string m_projectDir;
  const text::Tokenizer* m_tokenizer = nullptr;
  ContrastiveSplit m_train, m_val;
  model::ClipModel m_model{nullptr};
  torch::Device m_device = torch::kCPU;
  ProbeSet m_probe;
};

}  // namespace

std::unique_ptr<TrainingTask> makeContrastiveTask(const config::ExperimentConfig& cfg, const std::string& projectDir) {
  return std::make_unique<ContrastiveTask>(cfg, projectDir);
}

}  // namespace vimoe::train
