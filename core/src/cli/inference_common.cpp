#include "inference_common.h"

#include <cstdio>
#include <filesystem>

#include "vimoe/train/contrastive_data.h"

namespace vimoe::cli {

model::GenerationOptions generationFor(const config::ExperimentConfig& cfg, const GenerationCliOptions& cli) {
  model::GenerationOptions g;
  g.beamWidth = cli.beamWidth > 0 ? cli.beamWidth : cfg.task.beam_width;
  g.lengthPenalty = cli.lengthPenalty >= 0 ? cli.lengthPenalty : cfg.task.length_penalty;
  const int configured = cfg.task.max_length > 0 ? cfg.task.max_length : cfg.data.max_text_tokens;
  g.maxLength = cli.maxLength > 0 ? cli.maxLength : configured;
  return g;
}

Expected<torch::Tensor> loadImagesForModel(const std::vector<std::string>& paths, int imageSize) {
  std::vector<torch::Tensor> images;
  for (const auto& path : paths) {
    if (!std::filesystem::exists(path)) return Error::at(path, "no such image file");
    auto image = train::loadImageTensor(path, imageSize);
    if (!image.defined()) return Error::at(path, "not an image OpenCV can decode (or truncated)");
    images.push_back(image);
  }
  if (images.empty()) return Error{"no image given"};
  return train::pixelsFromBytes(torch::stack(images));
}

int reportError(const std::string& message, int exitCode) {
  std::fprintf(stderr, "error: %s\n", message.c_str());
  return exitCode;
}

}  // namespace vimoe::cli
