// What `vimoe attack` attacks, built from a checkpoint folder: the first N validation samples of
// its task and, for any batch of them, a differentiable target (attack_target.h).
//   retrieval  contrastive checkpoint: each image against the first captions of all attacked
//              images, its own caption the label (accuracy = R@1 image -> text in the set)
//   zero_shot  contrastive checkpoint: logits = scale * image embedding . class prompt embeddings
//   vqa        VQA classifier: answer logits for the sample's question
//   caption    captioner: the reference caption's negative log-likelihood (no accuracy)
#pragma once

#include <torch/torch.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "vimoe/model/moe_layer.h"
#include "vimoe/robust/attack_target.h"
#include "vimoe/util/expected.h"
#include "vimoe/util/log.h"

namespace vimoe::robust {

struct AttackSet {
  std::string checkpointDir;
  std::string task;                      // retrieval | zero_shot | vqa | caption
  torch::Tensor images;                  // [N, 3, S, S] uint8, one per attacked sample
  torch::Tensor labels;                  // [N] int64; -1 for caption
  std::vector<std::string> labelNames;   // class or answer names the logits index
  std::vector<std::string> prompts;      // per sample: the question (vqa), the caption (caption), "" (zero-shot)
  std::vector<std::string> imagePaths;   // per sample
  std::vector<std::pair<std::string, model::MoeLayer>> moeLayers;
  torch::nn::Module* module = nullptr;   // the whole model (spectral norms walk its parameters)
  torch::Device device = torch::kCPU;
  // Target over the samples `rows` ([b] int64): pixels [b, 3, S, S] -> output.
  std::function<Target(const torch::Tensor& rows)> targetFor;
  // Real-token mask [b*L] of the samples' text for a decoder layer's capture; undefined for images.
  std::function<torch::Tensor(const torch::Tensor& rows)> textValid;
  std::shared_ptr<void> owner;  // keeps the loaded model alive
  std::int64_t size() const { return labels.defined() ? labels.size(0) : 0; }
  bool isMoe() const { return !moeLayers.empty(); }
};

// task "auto": retrieval for contrastive checkpoints, vqa for VQA, caption for captioners.
// Errors name the folder: wrong task for the checkpoint, no labelled images for zero-shot, a
// generative VQA model (no answer logits to attack).
Expected<AttackSet> loadAttackSet(const std::string& checkpointDir, const std::string& task, int samples, LogSink& log);

// pixels in [0, 1] of `rows`, on the set's device.
torch::Tensor attackPixels(const AttackSet& set, const torch::Tensor& rows);

}  // namespace vimoe::robust
