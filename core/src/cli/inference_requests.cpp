#include "inference_requests.h"

#include <algorithm>
#include <filesystem>

#include "inference_common.h"
#include "inference_routing.h"
#include "vimoe/config/project.h"
#include "vimoe/eval/caption_eval.h"
#include "vimoe/eval/vqa_eval.h"
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

// In chunks: a validation split of thousands of images does not go through the tower at once.
torch::Tensor embedGallery(eval::ContrastiveModel& loaded, const torch::Tensor& pixels) {
  torch::NoGradGuard noGrad;
  std::vector<torch::Tensor> chunks;
  for (std::int64_t start = 0; start < pixels.size(0); start += 128)
    chunks.push_back(loaded.model->encodeImages(pixels.narrow(0, start, std::min<std::int64_t>(128, pixels.size(0) - start))));
  return torch::cat(chunks);
}

}  // namespace

Expected<Gallery> loadGallery(eval::ContrastiveModel& loaded, const std::string& imagesDir) {
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
    gallery.embeddings = embedGallery(loaded, *pixels);
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
  gallery.embeddings = embedGallery(loaded, train::pixelsFromBytes(split->images.range(0, split->imageCount())));
  return gallery;
}

namespace {

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

nlohmann::ordered_json captionImages(eval::DownstreamModel& loaded, const std::vector<std::string>& images,
                                     const torch::Tensor& pixels, const GenerationCliOptions& generation, bool withRouting) {
  const auto captions = eval::generateCaptions(loaded.model, loaded.tokenizer, pixels, generationFor(loaded.cfg, generation));
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < captions.size(); ++i) {
    out.push_back({{"image", images[i]}, {"caption", captions[i]}});
    if (!withRouting) continue;
    // The routing of this image, and of its caption teacher-forced through the decoder.
    auto routing = downstreamRouting(loaded, pixels.narrow(0, static_cast<std::int64_t>(i), 1), captions[i], false);
    if (!routing.empty()) out.back()["routing"] = std::move(routing);
  }
  return out;
}

Expected<nlohmann::ordered_json> askQuestion(eval::DownstreamModel& loaded, const std::string& image,
                                             const std::string& question, int top, const GenerationCliOptions& generation,
                                             bool withRouting) {
  if (question.empty()) return Error{"the question is empty"};
  auto pixels = loadImagesForModel({image}, loaded.cfg.data.image_size);
  if (!pixels) return pixels.error();
  const int maxTokens = loaded.cfg.data.max_text_tokens;
  nlohmann::ordered_json out = {{"image", image}, {"question", question}};
  if (loaded.vocabulary) {
    // The classifier's N most probable answers with their probabilities.
    torch::NoGradGuard noGrad;
    model::AuxLosses aux;
    const auto ids = loaded.tokenizer.encodePadded(question, maxTokens);
    const auto logits = loaded.model->answerLogits(loaded.model->encodeImage(*pixels, aux),
                                                   torch::tensor(std::vector<std::int64_t>(ids.begin(), ids.end())).unsqueeze(0), aux);
    const auto probs = torch::softmax(logits[0], 0);
    const auto best = probs.topk(std::min<std::int64_t>(std::max(1, top), probs.size(0)));
    nlohmann::ordered_json answers = nlohmann::ordered_json::array();
    for (std::int64_t i = 0; i < std::get<1>(best).size(0); ++i)
      answers.push_back({{"answer", loaded.vocabulary->answers[static_cast<std::size_t>(std::get<1>(best)[i].item<std::int64_t>())]},
                         {"probability", std::get<0>(best)[i].item<double>()}});
    out["answer"] = answers[0]["answer"];
    out["candidates"] = answers;
  } else {
    eval::VqaEvalOptions o;
    o.generative = true;
    o.generation = generationFor(loaded.cfg, generation);
    out["answer"] = eval::answerQuestions(loaded.model, loaded.tokenizer, train::AnswerVocabulary{}, *pixels, {question}, o,
                                          maxTokens)
                        .front();
  }
  if (withRouting) {
    // The image's routing, and the question's through the decoder (classifier models).
    auto routing = downstreamRouting(loaded, *pixels, question, !loaded.vocabulary.has_value());
    if (!routing.empty()) out["routing"] = std::move(routing);
  }
  return out;
}

Expected<nlohmann::ordered_json> retrieveImages(eval::ContrastiveModel& loaded, const Gallery& gallery, const std::string& query,
                                                int top, bool withRouting) {
  if (query.empty()) return Error{"the query is empty"};
  torch::NoGradGuard noGrad;
  const auto ids = loaded.tokenizer.encodePadded(query, loaded.cfg.data.max_text_tokens);
  const auto idTensor = torch::tensor(std::vector<std::int64_t>(ids.begin(), ids.end())).unsqueeze(0);
  const auto queryEmbedding = loaded.model->encodeTexts(idTensor);
  const auto similarity = torch::matmul(gallery.embeddings, queryEmbedding[0]);
  const auto best = similarity.topk(std::min<std::int64_t>(std::max(1, top), similarity.size(0)));
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (std::int64_t i = 0; i < std::get<1>(best).size(0); ++i) {
    const auto index = static_cast<std::size_t>(std::get<1>(best)[i].item<std::int64_t>());
    out.push_back({{"rank", i + 1}, {"image", gallery.paths[index]}, {"similarity", std::get<0>(best)[i].item<double>()},
                   {"caption", gallery.captions[index]}});
  }
  if (!withRouting) return out;
  // The query's routing through the text tower (an empty object for a dense model).
  RoutingRequest request{loaded.model->moeLayers(), 0,
                         paddedPieces(loaded.tokenizer.pieces(query), loaded.cfg.data.max_text_tokens)};
  auto routing = captureRouting(request, [&] { (void)loaded.model->encodeTexts(idTensor); });
  return nlohmann::ordered_json{{"query", query}, {"results", out}, {"routing", routing}};
}

}  // namespace vimoe::cli
