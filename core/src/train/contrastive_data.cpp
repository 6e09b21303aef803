#include "vimoe/train/contrastive_data.h"

#include <map>

#include "vimoe/data/augment.h"
#include "zero_shot_prompts.h"

namespace vimoe::train {

namespace {

// The class an image counts under in expert x class matrices: its synthetic domain (real
// datasets have none yet, and then no matrix is written).
std::string imageLabel(const data::CaptionImage& entry) { return entry.domain; }

}  // namespace

torch::Tensor pixelsFromBytes(const torch::Tensor& imagesUint8) { return imagesUint8.to(torch::kFloat32).div_(255.0); }

torch::Tensor loadImageTensor(const std::string& path, int imageSize) { return decodeImage(path, imageSize); }

Expected<ContrastiveSplit> buildContrastiveSplit(const data::CaptionDataset& dataset, const text::Tokenizer& tokenizer,
                                                 int imageSize, int maxTokens, LogSink& log, std::int64_t imageCacheMb) {
  ImageTableBuilder images(static_cast<std::int64_t>(dataset.images.size()), imageSize, imageCacheMb);
  std::vector<std::int64_t> ids, captionImage, firstCaption, mirrorable;
  std::int64_t captions = 0;
  ContrastiveSplit split;
  for (const auto& entry : dataset.images) {
    if (!images.add(entry.imagePath)) {
      log.warning(entry.imagePath + ": unreadable or truncated image, skipped (image id " + std::to_string(entry.id) + ")");
      continue;
    }
    const auto imageIndex = images.size() - 1;
    firstCaption.push_back(captions);
    split.imagePaths.push_back(entry.imagePath);
    split.imageIds.push_back(std::to_string(entry.id));
    split.captions.push_back(entry.captions);
    split.firstCaptionText.push_back(entry.captions.empty() ? std::string() : entry.captions.front());
    split.labels.push_back(imageLabel(entry));
    data::Sample visual;
    visual.domain = entry.domain;
    const bool imageMirrorable = data::flipAllowed(visual);
    for (const auto& caption : entry.captions) {
      mirrorable.push_back(imageMirrorable && !data::namesLeftOrRight(caption));
      const auto encoded = tokenizer.encodePadded(caption, maxTokens);
      ids.insert(ids.end(), encoded.begin(), encoded.end());
      captionImage.push_back(imageIndex);
      ++captions;
    }
  }
  if (images.size() == 0) return Error::at(dataset.annotationFile, "no readable image with a caption");
  split.images = images.build();
  split.captionIds = torch::tensor(ids, torch::kLong).view({captions, maxTokens});
  split.captionImage = torch::tensor(captionImage, torch::kLong);
  split.firstCaption = torch::tensor(firstCaption, torch::kLong);
  split.captionMirrorable = torch::tensor(mirrorable, torch::kLong).to(torch::kBool);
  std::map<std::string, std::int64_t> classIndex;
  for (const auto& label : split.labels)
    if (!label.empty()) classIndex.emplace(label, 0);
  if (classIndex.size() >= 2 && classIndex.count("") == 0) {
    std::vector<std::int64_t> promptIds, labelIndex;
    for (auto& [label, index] : classIndex) {
      index = static_cast<std::int64_t>(split.classNames.size());
      split.classNames.push_back(label);
      const auto ids = tokenizer.encodePadded(zeroShotPrompt(label), maxTokens);
      promptIds.insert(promptIds.end(), ids.begin(), ids.end());
    }
    bool everyImageLabelled = true;
    for (const auto& label : split.labels) {
      everyImageLabelled = everyImageLabelled && !label.empty();
      labelIndex.push_back(label.empty() ? 0 : classIndex[label]);
    }
    if (everyImageLabelled) {
      split.classPromptIds = torch::tensor(promptIds, torch::kLong).view({static_cast<std::int64_t>(classIndex.size()), maxTokens});
      split.labelIndex = torch::tensor(labelIndex, torch::kLong);
    } else {
      split.classNames.clear();
    }
  }
  return split;
}

torch::Tensor shuffledBatchIndices(std::int64_t n, std::uint64_t seed, std::int64_t step, int batchSize) {
  const std::int64_t perEpoch = std::max<std::int64_t>(1, n / batchSize);
  const std::int64_t epoch = step / perEpoch, offset = (step % perEpoch) * batchSize;
  // Generators seeded from (seed, epoch) and (seed, step): no hidden RNG state to checkpoint.
  auto epochGen = at::detail::createCPUGenerator(seed * 1000003ULL + static_cast<std::uint64_t>(epoch));
  const auto order = torch::randperm(n, epochGen, torch::kLong);
  return order.narrow(0, offset, std::min<std::int64_t>(batchSize, n - offset));
}

ContrastiveRows contrastiveBatchRows(const ContrastiveSplit& split, std::uint64_t seed, std::int64_t step, int batchSize) {
  const auto picked = shuffledBatchIndices(split.imageCount(), seed, step, batchSize);

  // Choose one caption per image: captions of image i are the contiguous range starting at firstCaption[i].
  const auto first = split.firstCaption.index_select(0, picked);
  const auto nextFirst = torch::cat({split.firstCaption, torch::full({1}, split.captionIds.size(0), torch::kLong)})
                             .index_select(0, picked + 1);
  auto stepGen = at::detail::createCPUGenerator(seed * 7919ULL + 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(step));
  const auto u = torch::rand({picked.size(0)}, stepGen, torch::kFloat64);
  const auto choice = first + (u * (nextFirst - first).to(torch::kFloat64)).floor().to(torch::kLong);
  return {picked, choice};
}

Batch contrastiveBatch(const ContrastiveSplit& split, std::uint64_t seed, std::int64_t step, int batchSize) {
  const auto rows = contrastiveBatchRows(split, seed, step, batchSize);
  return {pixelsFromBytes(split.images.gather(rows.images)), split.captionIds.index_select(0, rows.captions)};
}

}  // namespace vimoe::train
