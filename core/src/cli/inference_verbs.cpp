// `vimoe caption`, `vimoe ask`, `vimoe retrieve`: a trained checkpoint applied to the user's
// own images and Vietnamese text, once (`vimoe serve` keeps the model loaded for many).
#include <cstdio>

#include "inference_common.h"
#include "inference_requests.h"

namespace vimoe::cli {

int runCaption(const CaptionCliOptions& options) {
  auto dir = eval::resolveCheckpoint(options.checkpoint, "caption");
  if (!dir) return reportError(dir.error().message, kExitBadInput);
  auto loaded = eval::loadDownstreamModel(*dir);
  if (!loaded) return reportError(loaded.error().message, kExitBadInput);
  if (loaded->cfg.run.kind != "caption") return reportError(*dir + ": a " + loaded->cfg.run.kind + " checkpoint; captioning needs a caption one", kExitBadInput);
  auto pixels = loadImagesForModel(options.images, loaded->cfg.data.image_size);
  if (!pixels) return reportError(pixels.error().message, kExitBadInput);
  const auto out = captionImages(*loaded, options.images, *pixels, options.generation, options.json);
  if (options.json) {
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    for (const auto& row : out) std::printf("%s\t%s\n", row["image"].get<std::string>().c_str(), row["caption"].get<std::string>().c_str());
  }
  return kExitOk;
}

int runAsk(const AskCliOptions& options) {
  auto dir = eval::resolveCheckpoint(options.checkpoint, "vqa");
  if (!dir) return reportError(dir.error().message, kExitBadInput);
  auto loaded = eval::loadDownstreamModel(*dir);
  if (!loaded) return reportError(loaded.error().message, kExitBadInput);
  if (loaded->cfg.run.kind != "vqa") return reportError(*dir + ": a " + loaded->cfg.run.kind + " checkpoint; questions need a vqa one", kExitBadInput);
  auto out = askQuestion(*loaded, options.image, options.question, options.top, options.generation, options.json);
  if (!out) return reportError(out.error().message, kExitBadInput);
  if (options.json) {
    std::printf("%s\n", out->dump(2).c_str());
  } else {
    std::printf("%s\n", (*out)["answer"].get<std::string>().c_str());
    if (out->contains("candidates") && options.top > 1)
      for (const auto& c : (*out)["candidates"])
        std::printf("  %-20s %.3f\n", c["answer"].get<std::string>().c_str(), c["probability"].get<double>());
  }
  return kExitOk;
}

int runRetrieve(const RetrieveCliOptions& options) {
  auto dir = eval::resolveCheckpoint(options.checkpoint, "contrastive");
  if (!dir) return reportError(dir.error().message, kExitBadInput);
  auto loaded = eval::loadContrastiveModel(*dir);
  if (!loaded) return reportError(loaded.error().message, kExitBadInput);
  if (options.query.empty()) return reportError("the query is empty", kExitBadInput);
  auto gallery = loadGallery(*loaded, options.imagesDir);
  if (!gallery) return reportError(gallery.error().message, kExitBadInput);
  auto out = retrieveImages(*loaded, *gallery, options.query, options.top, options.json && options.routing);
  if (!out) return reportError(out.error().message, kExitBadInput);
  if (options.json) {
    std::printf("%s\n", out->dump(2).c_str());
  } else {
    std::printf("%zu images searched for \"%s\"\n", gallery->paths.size(), options.query.c_str());
    for (const auto& row : *out)
      std::printf("%2d  %.3f  %s  %s\n", row["rank"].get<int>(), row["similarity"].get<double>(),
                  row["image"].get<std::string>().c_str(), row["caption"].get<std::string>().c_str());
  }
  return kExitOk;
}

}  // namespace vimoe::cli
