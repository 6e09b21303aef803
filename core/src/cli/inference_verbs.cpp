// `vimoe caption`, `vimoe ask`, `vimoe retrieve`: a trained checkpoint applied to the user's
// own images and Vietnamese text.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "inference_common.h"
#include "inference_routing.h"
#include "vimoe/config/project.h"
#include "vimoe/eval/caption_eval.h"
#include "vimoe/eval/trained_model.h"
#include "vimoe/eval/vqa_eval.h"
#include "vimoe/text/detokenize.h"
#include "vimoe/train/contrastive_data.h"
#include "vimoe/train/project_data.h"

namespace vimoe::cli {
namespace fs = std::filesystem;
namespace {

bool isImageFile(const fs::path& p) {
  auto ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp" || ext == ".webp";
}

// Images to search and a caption to show next to each: a folder's image files, or the
// validation split the checkpoint's project defines.
struct Gallery {
  std::vector<std::string> paths;
  std::vector<std::string> captions;
  torch::Tensor pixels;
};

Expected<Gallery> loadGallery(const eval::ContrastiveModel& loaded, const std::string& imagesDir) {
  Gallery gallery;
  const int size = loaded.cfg.data.image_size;
  if (!imagesDir.empty()) {
    if (!fs::is_directory(imagesDir)) return Error::at(imagesDir, "not a folder");
    for (const auto& entry : fs::recursive_directory_iterator(imagesDir))
      if (entry.is_regular_file() && isImageFile(entry.path())) gallery.paths.push_back(entry.path().string());
    std::sort(gallery.paths.begin(), gallery.paths.end());
    if (gallery.paths.empty()) return Error::at(imagesDir, "no .png/.jpg/.bmp/.webp image in this folder");
    auto pixels = loadImagesForModel(gallery.paths, size);
    if (!pixels) return pixels.error();
    gallery.pixels = *pixels;
    gallery.captions.assign(gallery.paths.size(), "");
    return gallery;
  }
  auto projectDir = config::findProjectDir(loaded.dir);
  if (!projectDir) return Error::at(loaded.dir, "no project around this checkpoint; name the images with --images DIR");
  NullLogSink log;
  NullProgressObserver progress;
  CancelToken cancel;
  auto data = train::prepareProjectData(loaded.cfg, *projectDir, log, progress, cancel);
  if (!data) return data.error();
  auto split = train::buildContrastiveSplit(data->val, loaded.tokenizer, size, loaded.cfg.data.max_text_tokens, log,
                                            loaded.cfg.data.image_cache_mb);
  if (!split) return split.error();
  gallery.paths = split->imagePaths;
  gallery.captions = split->firstCaptionText;
  gallery.pixels = train::pixelsFromBytes(split->images.range(0, split->imageCount()));
  return gallery;
}

// Routing of one image (and optionally a text through the decoder) for the demo overlays.
// imageOnly: generative VQA, whose decoder input is not a single teacher-forced text.
nlohmann::ordered_json downstreamRouting(eval::DownstreamModel& loaded, const torch::Tensor& pixels, const std::string& text,
                                         bool imageOnly) {
  const int maxTokens = loaded.cfg.data.max_text_tokens;
  RoutingRequest request{loaded.model->moeLayers(), loaded.cfg.data.image_size / loaded.cfg.model.patch_size,
                         imageOnly ? std::vector<std::string>{} : paddedPieces(loaded.tokenizer.pieces(text), maxTokens)};
  return captureRouting(request, [&] {
    model::AuxLosses aux;
    const auto memory = loaded.model->encodeImage(pixels, aux);
    if (imageOnly) return;
    const auto ids = loaded.tokenizer.encodePadded(text, maxTokens);
    const auto idTensor = torch::tensor(std::vector<std::int64_t>(ids.begin(), ids.end())).unsqueeze(0);
    if (loaded.vocabulary)
      (void)loaded.model->answerLogits(memory, idTensor, aux);
    else
      (void)loaded.model->tokenLogits(memory, idTensor, aux);
  });
}

}  // namespace

int runCaption(const CaptionCliOptions& options) {
  auto dir = eval::resolveCheckpoint(options.checkpoint, "caption");
  if (!dir) return reportError(dir.error().message, kExitBadInput);
  auto loaded = eval::loadDownstreamModel(*dir);
  if (!loaded) return reportError(loaded.error().message, kExitBadInput);
  if (loaded->cfg.run.kind != "caption") return reportError(*dir + ": a " + loaded->cfg.run.kind + " checkpoint; captioning needs a caption one", kExitBadInput);
  auto pixels = loadImagesForModel(options.images, loaded->cfg.data.image_size);
  if (!pixels) return reportError(pixels.error().message, kExitBadInput);
  const auto generation = generationFor(loaded->cfg, options.generation);
  const auto captions = eval::generateCaptions(loaded->model, loaded->tokenizer, *pixels, generation);
  if (options.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < captions.size(); ++i) {
      out.push_back({{"image", options.images[i]}, {"caption", captions[i]}});
      // The routing of this image, and of its caption teacher-forced through the decoder.
      auto routing = downstreamRouting(*loaded, pixels->narrow(0, static_cast<std::int64_t>(i), 1), captions[i], false);
      if (!routing.empty()) out.back()["routing"] = std::move(routing);
    }
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    for (std::size_t i = 0; i < captions.size(); ++i)
      std::printf("%s\t%s\n", options.images[i].c_str(), captions[i].c_str());
  }
  return kExitOk;
}

int runAsk(const AskCliOptions& options) {
  auto dir = eval::resolveCheckpoint(options.checkpoint, "vqa");
  if (!dir) return reportError(dir.error().message, kExitBadInput);
  auto loaded = eval::loadDownstreamModel(*dir);
  if (!loaded) return reportError(loaded.error().message, kExitBadInput);
  if (loaded->cfg.run.kind != "vqa") return reportError(*dir + ": a " + loaded->cfg.run.kind + " checkpoint; questions need a vqa one", kExitBadInput);
  if (options.question.empty()) return reportError("the question is empty", kExitBadInput);
  auto pixels = loadImagesForModel({options.image}, loaded->cfg.data.image_size);
  if (!pixels) return reportError(pixels.error().message, kExitBadInput);
  const int maxTokens = loaded->cfg.data.max_text_tokens;
  nlohmann::ordered_json out = {{"image", options.image}, {"question", options.question}};
  if (loaded->vocabulary) {
    // The classifier's N most probable answers with their probabilities.
    torch::NoGradGuard noGrad;
    model::AuxLosses aux;
    const auto ids = loaded->tokenizer.encodePadded(options.question, maxTokens);
    const auto logits = loaded->model->answerLogits(loaded->model->encodeImage(*pixels, aux),
                                                    torch::tensor(std::vector<std::int64_t>(ids.begin(), ids.end())).unsqueeze(0), aux);
    const auto probs = torch::softmax(logits[0], 0);
    const auto top = probs.topk(std::min<std::int64_t>(std::max(1, options.top), probs.size(0)));
    nlohmann::ordered_json answers = nlohmann::ordered_json::array();
    for (std::int64_t i = 0; i < std::get<1>(top).size(0); ++i)
      answers.push_back({{"answer", loaded->vocabulary->answers[static_cast<std::size_t>(std::get<1>(top)[i].item<std::int64_t>())]},
                         {"probability", std::get<0>(top)[i].item<double>()}});
    out["answer"] = answers[0]["answer"];
    out["candidates"] = answers;
  } else {
    eval::VqaEvalOptions o;
    o.generative = true;
    o.generation = generationFor(loaded->cfg, options.generation);
    out["answer"] = eval::answerQuestions(loaded->model, loaded->tokenizer, train::AnswerVocabulary{}, *pixels,
                                          {options.question}, o, maxTokens)
                        .front();
  }
  if (options.json) {
    // The image's routing, and the question's through the decoder (classifier models).
    auto routing = downstreamRouting(*loaded, *pixels, options.question, !loaded->vocabulary.has_value());
    if (!routing.empty()) out["routing"] = std::move(routing);
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    std::printf("%s\n", out["answer"].get<std::string>().c_str());
    if (out.contains("candidates") && options.top > 1)
      for (const auto& c : out["candidates"])
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
  torch::NoGradGuard noGrad;
  const auto ids = loaded->tokenizer.encodePadded(options.query, loaded->cfg.data.max_text_tokens);
  const auto queryEmbedding =
      loaded->model->encodeTexts(torch::tensor(std::vector<std::int64_t>(ids.begin(), ids.end())).unsqueeze(0));
  std::vector<torch::Tensor> chunks;
  for (std::int64_t start = 0; start < gallery->pixels.size(0); start += 128)
    chunks.push_back(loaded->model->encodeImages(gallery->pixels.narrow(0, start, std::min<std::int64_t>(128, gallery->pixels.size(0) - start))));
  const auto similarity = torch::matmul(torch::cat(chunks), queryEmbedding[0]);
  const auto top = similarity.topk(std::min<std::int64_t>(std::max(1, options.top), similarity.size(0)));
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (std::int64_t i = 0; i < std::get<1>(top).size(0); ++i) {
    const auto index = static_cast<std::size_t>(std::get<1>(top)[i].item<std::int64_t>());
    out.push_back({{"rank", i + 1}, {"image", gallery->paths[index]}, {"similarity", std::get<0>(top)[i].item<double>()},
                   {"caption", gallery->captions[index]}});
  }
  if (options.json) {
    if (options.routing) {
      // The query's routing through the text tower (an empty object for a dense model).
      RoutingRequest request{loaded->model->moeLayers(), 0,
                             paddedPieces(loaded->tokenizer.pieces(options.query), loaded->cfg.data.max_text_tokens)};
      auto routing = captureRouting(request, [&] {
        (void)loaded->model->encodeTexts(torch::tensor(std::vector<std::int64_t>(ids.begin(), ids.end())).unsqueeze(0));
      });
      out = nlohmann::ordered_json{{"query", options.query}, {"results", out}, {"routing", routing}};
    }
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    std::printf("%zu images searched for \"%s\"\n", gallery->paths.size(), options.query.c_str());
    for (const auto& row : out)
      std::printf("%2d  %.3f  %s  %s\n", row["rank"].get<int>(), row["similarity"].get<double>(),
                  row["image"].get<std::string>().c_str(), row["caption"].get<std::string>().c_str());
  }
  return kExitOk;
}

}  // namespace vimoe::cli
