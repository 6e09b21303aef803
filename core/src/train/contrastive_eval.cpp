#include "contrastive_eval.h"

#include "vimoe/eval/retrieval.h"
#include "vimoe/eval/zero_shot.h"

namespace vimoe::train {

std::map<std::string, double> evaluateContrastive(model::ClipModel& model, const ContrastiveSplit& split, int batchSize) {
  torch::NoGradGuard noGrad;
  const bool wasTraining = model->is_training();
  model->eval();
  const auto device = model->parameters().front().device();
  std::vector<torch::Tensor> images, texts;
  const auto n = split.imageCount();
  for (std::int64_t i = 0; i < n; i += batchSize)
    images.push_back(model->encodeImages(
        pixelsFromBytes(split.images.range(i, std::min<std::int64_t>(batchSize, n - i)).to(device))));
  const auto m = split.captionIds.size(0);
  for (std::int64_t i = 0; i < m; i += batchSize)
    texts.push_back(model->encodeTexts(split.captionIds.narrow(0, i, std::min<std::int64_t>(batchSize, m - i)).to(device)));
  const auto imageOnDevice = torch::cat(images), textOnDevice = torch::cat(texts);

  // Loss over batches of (image, first caption) pairs, the same shape as training batches. It
  // runs where the model is: the logit scale (and SigLIP bias) are 0-dim tensors on its device,
  // and a CUDA 0-dim tensor does not combine with CPU matrices (only CPU scalars move).
  double lossSum = 0;
  int batches = 0;
  const auto firstTexts = textOnDevice.index_select(0, split.firstCaption.to(device));
  for (std::int64_t i = 0; i + 1 < n; i += batchSize) {
    const auto len = std::min<std::int64_t>(batchSize, n - i);
    if (len < 2) break;
    model::ContrastiveOutput out;
    out.imageEmbeddings = imageOnDevice.narrow(0, i, len);
    out.textEmbeddings = firstTexts.narrow(0, i, len);
    lossSum += model->contrastiveLoss(out).item<double>();
    ++batches;
  }
  // Retrieval ranks on the CPU, where the caption-to-image map lives.
  const auto recall = eval::retrievalRecall(imageOnDevice.cpu(), textOnDevice.cpu(), split.captionImage);
  std::map<std::string, double> metrics;
  if (!split.classNames.empty()) {
    const auto classEmb = model->encodeTexts(split.classPromptIds.to(device));
    metrics["val/zero_shot_acc"] = eval::zeroShotAccuracy(imageOnDevice, classEmb, split.labelIndex);
  }
  if (wasTraining) model->train();
  metrics.insert({{"val/loss", batches ? lossSum / batches : 0.0},
          {"val/r1_i2t", recall.imageToTextR1},
          {"val/r5_i2t", recall.imageToTextR5},
          {"val/r1_t2i", recall.textToImageR1},
          {"val/r5_t2i", recall.textToImageR5},
          {"val/r10_i2t", recall.imageToTextR10},
          {"val/r10_t2i", recall.textToImageR10}});
  return metrics;
}

}  // namespace vimoe::train
