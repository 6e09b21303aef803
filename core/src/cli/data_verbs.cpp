#include <cstdio>
#include <filesystem>

#include "vimoe/cli/verbs.h"
#include "vimoe/data/coco_captions.h"
#include "vimoe/data/synthetic_captions.h"

namespace vimoe::cli {

int runDataGenerate(const DataGenerateOptions& options) {
  ConsoleProgressObserver progress;
  CancelToken cancel;
  cancelOnTerminationSignals(cancel);
  data::SyntheticCaptionOptions synth;
  synth.trainImages = options.trainImages;
  synth.valImages = options.valImages;
  synth.imageSize = options.imageSize;
  synth.captionsPerImage = options.captionsPerImage;
  synth.seed = options.seed;
  auto status = data::writeSyntheticCaptionDataset(options.outDir, synth, &progress, &cancel);
  progress.finishLine();
  if (!status) return std::fprintf(stderr, "error: %s\n", status.error().message.c_str()), kExitFailed;
  if (cancel.cancelled()) return std::fprintf(stderr, "cancelled; no annotation files were written\n"), kExitOk;
  std::fprintf(stderr, "wrote %d train + %d val images to %s\n", options.trainImages, options.valImages, options.outDir.c_str());
  return kExitOk;
}

int runDataValidate(const DataValidateOptions& options) {
  const std::string imageDir = options.imageDir.empty()
                                   ? (std::filesystem::path(options.annotationFile).parent_path() / "images").string()
                                   : options.imageDir;
  auto dataset = data::loadCocoCaptions(options.annotationFile, imageDir);
  if (!dataset) {
    std::fprintf(stderr, "error: %s\n", dataset.error().message.c_str());
    return kExitBadInput;
  }
  for (const auto& problem : dataset->problems) std::printf("%s\n", problem.toString().c_str());
  std::size_t captions = 0;
  for (const auto& image : dataset->images) captions += image.captions.size();
  std::printf("%zu images, %zu captions loaded; %zu problems\n", dataset->images.size(), captions, dataset->problems.size());
  return dataset->problems.empty() ? kExitOk : kExitFailed;
}

}  // namespace vimoe::cli
