// What a task (contrastive CLIP / SigLIP, caption, VQA) adds to the one training loop
// (training_loop.h): its data, its model, its loss and its evaluations. The loop owns
// everything they share: the store, resume, the optimiser step, NaN and cancel handling and
// the logging cadence.
//
// trainBatch(index) is a pure function of the index (the loop asks for step * accumulate +
// micro), so a resumed run sees the same data, and it is called from the prefetch threads:
// it must only read the task's data, never its model.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "vimoe/model/aux_losses.h"
#include "vimoe/model/clip_model.h"
#include "vimoe/store/run_store.h"
#include "vimoe/text/tokenizer.h"
#include "vimoe/train/adamw.h"
#include "vimoe/train/project_data.h"
#include "vimoe/util/expected.h"
#include "vimoe/util/log.h"

namespace vimoe::train {

using Scalars = std::vector<std::pair<std::string, double>>;
using MoeLayers = std::vector<std::pair<std::string, model::MoeLayer>>;

// One micro-batch, on the CPU until the loop moves it. Tasks fill what their loss needs.
struct TaskBatch {
  torch::Tensor pixels;       // [B, 3, S, S] uint8 RGB; the loop makes it float [0, 1] on the device
  torch::Tensor ids;          // [B, L] captions, questions or question + answer sequences
  torch::Tensor answerStart;  // VQA: [B] first answer position in ids (generative head)
  torch::Tensor answerClass;  // VQA: [B] answer class (classifier head)
  torch::Tensor mirrorable;   // [B] bool: data.flip may mirror this image (its text allows it)
  std::vector<std::string> problems;  // images that could not be decoded, dropped from the batch
  std::int64_t size() const { return pixels.defined() ? pixels.size(0) : 0; }
};

// Removes the rows at `positions` (images that could not be decoded) from every tensor of the batch.
void dropRows(TaskBatch& batch, const std::vector<std::int64_t>& positions);

struct TaskForward {
  torch::Tensor taskLoss;
  model::AuxLosses aux;
};

class TrainingTask {
 public:
  virtual ~TrainingTask() = default;

  // The task's splits from the project's annotation files; `tokenizer` outlives the task's use.
  virtual Status loadData(const ProjectData& project, const text::Tokenizer& tokenizer, LogSink& log) = 0;
  // The model, built after the loop seeded torch and moved to `device`, frozen parts frozen;
  // `resuming` skips initialisation from another checkpoint (the resumed checkpoint overwrites
  // every weight anyway).
  virtual Status buildModel(torch::Device device, bool resuming, LogSink& log) = 0;
  virtual torch::nn::Module& module() = 0;
  // What the optimiser updates (a frozen encoder's parameters are not among them).
  virtual std::vector<AdamW::Param> trainableParameters() = 0;
  virtual MoeLayers moeLayers() = 0;
  virtual model::ParameterCounts parameterCounts() = 0;
  // For the run's first log line: "contrastive, 1200 training images", "vqa, classifier over 40
  // answers, 3000 training questions".
  virtual std::string describe() const = 0;

  // Files the checkpoint folder needs beside the weights (answer vocabulary, ...).
  virtual Status writeCheckpointFiles(const std::string& checkpointDir) = 0;
  virtual TaskBatch trainBatch(std::int64_t index) const = 0;
  // pixels: batch.pixels as float [0, 1] on the device. `frozenAware` false sends gradients
  // through a frozen encoder too (an adversarial attack needs the pixels' gradient).
  virtual TaskForward forward(const TaskBatch& batch, const torch::Tensor& pixels, bool frozenAware = true) = 0;
  // train/... scalars beside train/loss: the task loss under its own name, temperatures.
  virtual void appendTrainScalars(const TaskForward& out, Scalars& values) = 0;
  // The periodic validation metrics ("val/..."), every run.eval_every steps.
  virtual Expected<Scalars> evaluate() = 0;
  // After a finished run: the eval table's rows (whole split, baselines beside it). `lastMetrics`:
  // the latest value of every scalar the run logged.
  virtual Expected<std::vector<store::EvalRow>> finalEvaluation(const std::map<std::string, double>& lastMetrics) = 0;

  // Routing snapshots of a probe set (contrastive models): a new run stores its probe samples and
  // the routing at initialisation (step 0); then the loop asks for a snapshot on its cadence.
  virtual Status startRoutingSnapshots(store::RunStore&, std::int64_t /*runId*/, bool /*resuming*/) { return okStatus(); }
  virtual Status routingSnapshot(store::RunStore&, std::int64_t /*runId*/, std::int64_t /*step*/) { return okStatus(); }
};

}  // namespace vimoe::train
