#include <chrono>
#include <cstdio>
#include <filesystem>

#include "vimoe/cli/verbs.h"
#include "vimoe/data/coco_captions.h"
#include "vimoe/data/synthetic_captions.h"
#include "vimoe/data/validate.h"

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
  synth.questionsPerImage = options.questionsPerImage;
  synth.threads = options.threads;
  auto domains = data::parseSyntheticDomains(options.domains);
  if (!domains) return std::fprintf(stderr, "error: --domains: %s\n", domains.error().message.c_str()), kExitBadInput;
  synth.domains = *domains;
  const auto start = std::chrono::steady_clock::now();
  auto status = data::writeSyntheticCaptionDataset(options.outDir, synth, &progress, &cancel);
  progress.finishLine();
  if (!status) return std::fprintf(stderr, "error: %s\n", status.error().message.c_str()), kExitFailed;
  if (cancel.cancelled()) return std::fprintf(stderr, "cancelled; no annotation files were written\n"), kExitOk;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "wrote %d train + %d val images to %s in %.1f s (%d threads, domains %s)\n", options.trainImages,
               options.valImages, options.outDir.c_str(), seconds, options.threads, options.domains.c_str());
  return kExitOk;
}

int runDataValidate(const DataValidateOptions& options) {
  if (!options.format.empty() && data::canonicalFormat(options.format).empty()) {
    std::string known;
    for (const auto& f : data::datasetFormats()) known += (known.empty() ? "" : ", ") + f;
    std::fprintf(stderr, "error: unknown format '%s' (known: %s)\n", options.format.c_str(), known.c_str());
    return kExitBadInput;
  }
  data::ValidateOptions validate;
  validate.format = options.format;
  validate.imageDir = options.imageDir;
  validate.verifyImages = !options.skipImageDecode;
  validate.threads = options.threads;
  auto dataset = data::validateDatasetPath(options.path, validate);
  if (!dataset) {
    std::fprintf(stderr, "error: nothing could be read:\n%s\n", dataset.error().message.c_str());
    return kExitBadInput;
  }
  for (const auto& problem : dataset->problems) std::printf("%s\n", problem.toString().c_str());
  std::printf("%zu files (%s): %zu images, %zu captions, %zu questions loaded; %zu problems\n", dataset->files.size(),
              dataset->format.c_str(), dataset->samples.size(), dataset->captionCount(), dataset->questionCount(),
              dataset->problems.size());
  const data::ProblemCounts counts = data::countProblems(dataset->problems);
  for (std::size_t k = 0; k < data::kProblemKindCount; ++k) {
    std::printf("  %-20s %zu\n", data::problemKindName(static_cast<data::ProblemKind>(k)), counts[k]);
  }
  return dataset->problems.empty() ? kExitOk : kExitFailed;
}

}  // namespace vimoe::cli
