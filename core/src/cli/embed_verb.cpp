// `vimoe embed`: the projected (optionally L2-normalised) embeddings of images and texts, printed
// and/or written as safetensors for retrieval indexes and analysis. Images go in chunks, so a
// whole dataset folder streams through with its progress on stderr.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "inference_common.h"
#include "vimoe/model/clip_model.h"
#include "vimoe/model/tensor_io.h"
#include "vimoe/text/tokenizer.h"
#include "vimoe/train/checkpoint.h"

namespace vimoe::cli {
namespace fs = std::filesystem;
namespace {

constexpr std::int64_t kChunk = 64;

Expected<std::vector<std::string>> expandImagePaths(const std::vector<std::string>& given) {
  static const std::set<std::string> kImageExtensions = {".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"};
  std::vector<std::string> paths;
  for (const auto& path : given) {
    if (!fs::is_directory(path)) {
      paths.push_back(path);
      continue;
    }
    std::vector<std::string> inFolder;
    for (const auto& entry : fs::recursive_directory_iterator(path)) {
      auto extension = entry.path().extension().string();
      std::transform(extension.begin(), extension.end(), extension.begin(), ::tolower);
      if (entry.is_regular_file() && kImageExtensions.count(extension)) inFolder.push_back(entry.path().string());
    }
    if (inFolder.empty()) return Error::at(path, "a folder with no image files (.jpg, .png, ...)");
    std::sort(inFolder.begin(), inFolder.end());
    paths.insert(paths.end(), inFolder.begin(), inFolder.end());
  }
  return paths;
}

torch::Tensor finish(const torch::Tensor& embeddings, bool normalize) {
  return normalize ? torch::nn::functional::normalize(embeddings, torch::nn::functional::NormalizeFuncOptions().dim(-1))
                   : embeddings;
}

Expected<torch::Tensor> embedImages(model::ClipModel& model, const std::vector<std::string>& paths, int imageSize,
                                    bool normalize) {
  std::vector<torch::Tensor> chunks;
  for (std::size_t start = 0; start < paths.size(); start += kChunk) {
    const std::vector<std::string> chunk(paths.begin() + start, paths.begin() + std::min(paths.size(), start + kChunk));
    auto pixels = loadImagesForModel(chunk, imageSize);
    if (!pixels) return pixels.error();
    model::AuxLosses aux;
    chunks.push_back(finish(model->imageTower()->forward(*pixels, aux), normalize));
    if (paths.size() > std::size_t(kChunk))
      std::fprintf(stderr, "embedded %zu / %zu images\n", start + chunk.size(), paths.size());
  }
  return torch::cat(chunks);
}

Expected<torch::Tensor> embedTexts(model::ClipModel& model, const std::string& checkpoint,
                                   const config::ExperimentConfig& cfg, const std::vector<std::string>& texts,
                                   bool normalize) {
  auto tokenizerPath = train::checkpointTokenizerPath(checkpoint);
  if (!tokenizerPath)
    return Error{tokenizerPath.error().message + " (texts need one; give --image only, or add a tokenizer.model or CLIP's vocab.json + merges.txt)"};
  auto tokenizer = text::loadTokenizer(*tokenizerPath, cfg.data.text_format);
  if (!tokenizer) return tokenizer.error();
  std::vector<std::int64_t> ids;
  for (const auto& text : texts) {
    const auto padded = tokenizer->encodePadded(text, cfg.data.max_text_tokens);
    ids.insert(ids.end(), padded.begin(), padded.end());
  }
  const auto batch = torch::tensor(ids, torch::kLong).view({static_cast<std::int64_t>(texts.size()), cfg.data.max_text_tokens});
  model::AuxLosses aux;
  return finish(model->textTower()->forward(batch, aux), normalize);
}

void print(const std::string& kind, const std::vector<std::string>& inputs, const torch::Tensor& embeddings, bool json) {
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const auto row = embeddings[static_cast<std::int64_t>(i)].contiguous();
    const std::vector<float> values(row.data_ptr<float>(), row.data_ptr<float>() + row.numel());
    if (json) {
      std::printf("%s\n", nlohmann::ordered_json{{"kind", kind}, {"input", inputs[i]}, {"embedding", values}}.dump().c_str());
      continue;
    }
    std::printf("%s\t%s\t", kind.c_str(), inputs[i].c_str());
    for (std::size_t j = 0; j < values.size(); ++j) std::printf("%s%.6g", j ? " " : "", values[j]);
    std::printf("\n");
  }
}

}  // namespace

int runEmbed(const EmbedCliOptions& options) {
  if (options.images.empty() && options.texts.empty()) return reportError("give --image PATH and/or --text TEXT", kExitBadInput);
  auto cfg = train::readCheckpointConfig(options.checkpoint);
  if (!cfg) return reportError(cfg.error().message, kExitBadInput);
  if (cfg->run.kind != "contrastive")
    return reportError(options.checkpoint + ": a " + cfg->run.kind + " checkpoint; embed needs a contrastive one", kExitBadInput);
  auto state = train::readTrainingState(options.checkpoint);
  if (!state) return reportError(state.error().message, kExitBadInput);
  model::ClipModel model(*cfg);
  if (auto loaded = train::loadCheckpoint(options.checkpoint, *model, nullptr, *state); !loaded)
    return reportError(loaded.error().message, kExitBadInput);
  model->eval();
  torch::NoGradGuard noGrad;

  SafetensorsFile out;
  if (!options.images.empty()) {
    auto paths = expandImagePaths(options.images);
    if (!paths) return reportError(paths.error().message, kExitBadInput);
    auto images = embedImages(model, *paths, cfg->data.image_size, options.normalize);
    if (!images) return reportError(images.error().message, kExitBadInput);
    if (options.out.empty()) print("image", *paths, *images, options.json);
    out.tensors["images"] = model::tensorToBlob(*images);
    out.metadata["images"] = nlohmann::json(*paths).dump();
  }
  if (!options.texts.empty()) {
    auto texts = embedTexts(model, options.checkpoint, *cfg, options.texts, options.normalize);
    if (!texts) return reportError(texts.error().message, kExitBadInput);
    if (options.out.empty()) print("text", options.texts, *texts, options.json);
    out.tensors["texts"] = model::tensorToBlob(*texts);
    out.metadata["texts"] = nlohmann::json(options.texts).dump();
  }
  if (!options.out.empty()) {
    if (auto saved = saveSafetensors(options.out, out); !saved) return reportError(saved.error().message, kExitFailed);
    std::printf("wrote %s\n", options.out.c_str());
  }
  return kExitOk;
}

}  // namespace vimoe::cli
