#include "vimoe/train/project_data.h"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>

#include "vimoe/data/synthetic_captions.h"
#include "vimoe/text/byte_level_bpe_train.h"
#include "vimoe/train/checkpoint.h"

namespace vimoe::train {
namespace fs = std::filesystem;

std::string resolveProjectPath(const std::string& projectDir, const std::string& path) {
  const fs::path p(path);
  return p.is_absolute() ? p.string() : (fs::path(projectDir) / p).lexically_normal().string();
}

std::string runFolderName(std::int64_t id, const std::string& runName) {
  std::string name = runName;
  for (auto& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  return std::to_string(id) + "-" + name;
}

Expected<ProjectData> prepareProjectData(const config::ExperimentConfig& cfg, const std::string& projectDir, LogSink& log,
                                         ProgressObserver& progress, const CancelToken& cancel) {
  const std::string root = resolveProjectPath(projectDir, cfg.data.root);
  const std::string trainFile = (fs::path(root) / cfg.data.train_annotations).string();
  const std::string valFile = (fs::path(root) / cfg.data.val_annotations).string();
  if (cfg.data.format == "synthetic_captions") {
    data::SyntheticCaptionOptions options;
    options.trainImages = cfg.data.synthetic.train_images;
    options.valImages = cfg.data.synthetic.val_images;
    options.imageSize = cfg.data.image_size;
    options.captionsPerImage = cfg.data.synthetic.captions_per_image;
    options.seed = cfg.data.synthetic.seed;
    options.questionsPerImage = cfg.data.synthetic.questions_per_image;
    auto domains = data::parseSyntheticDomains(cfg.data.synthetic.domains);
    if (!domains) return Error{"data.synthetic.domains: " + domains.error().message};
    options.domains = *domains;
    // A set generated with other settings (or by an older version) is regenerated; the
    // tokenizer trained on its captions goes with it when the captions change.
    if (!data::syntheticDatasetMatches(root, options)) {
      const bool stale = fs::exists(trainFile);
      const std::string tokenizer = resolveProjectPath(projectDir, cfg.data.tokenizer);
      if (stale && fs::exists(tokenizer) && data::syntheticCaptionsChanged(root, options)) {
        std::error_code ec;
        fs::remove(tokenizer, ec);
        fs::remove(fs::path(tokenizer).replace_extension(".vocab"), ec);
        log.info("removed the tokenizer trained on the previous synthetic set: " + tokenizer);
      }
      log.info(std::string(stale ? "regenerating (settings changed)" : "generating") +
               " the synthetic Vietnamese caption and VQA set in " + root + " (" + std::to_string(options.trainImages) +
               " train + " + std::to_string(options.valImages) + " val images; domains " + cfg.data.synthetic.domains +
               ")");
      if (auto s = data::writeSyntheticCaptionDataset(root, options, &progress, &cancel); !s) return s.error();
      if (cancel.cancelled()) return Error{"cancelled while generating data"};
    }
  }
  const std::string imageDir = (fs::path(root) / cfg.data.image_dir).string();
  ProjectData out;
  for (auto [file, target] : {std::pair{trainFile, &out.train}, std::pair{valFile, &out.val}}) {
    auto loaded = data::loadCocoCaptions(file, imageDir);
    if (!loaded) return loaded.error();
    for (const auto& problem : loaded->problems) log.warning(problem.toString());
    if (loaded->images.empty()) return Error::at(file, "no usable image with a caption");
    *target = std::move(*loaded);
  }
  return out;
}

Expected<std::string> tokenizerPathFor(const config::ExperimentConfig& cfg, const std::string& projectDir) {
  const std::string own = resolveProjectPath(projectDir, cfg.data.tokenizer);
  if (cfg.data.text_format == "vimoe" || fs::exists(own)) return own;
  // An imported text tower reads its own tokenizer's ids: the one that travelled with the
  // checkpoint it starts from, never one trained here. A tower trained here from scratch in
  // CLIP's conventions gets a byte-level BPE learnt on the training captions.
  if (cfg.model.init_from.empty()) {
    if (cfg.data.text_format == "clip" && fs::path(own).filename() == "vocab.json") return own;
    return Error::at(own, "data.text_format = " + cfg.data.text_format +
                              " needs the imported tokenizer: point data.tokenizer at it or set model.init_from" +
                              (cfg.data.text_format == "clip" ? " (or name a vocab.json to learn one here)" : ""));
  }
  auto imported = checkpointTokenizerPath(resolveProjectPath(projectDir, cfg.model.init_from));
  if (!imported) return Error{"data.text_format = " + cfg.data.text_format + ": " + imported.error().message};
  return *imported;
}

namespace {

// The project's own tokenizer, learnt on the training captions the first time a run needs it:
// SentencePiece, or for a text tower in CLIP's conventions a byte-level BPE in CLIP's layout.
Status learnTokenizer(const config::ExperimentConfig& cfg, const data::CaptionDataset& train, const std::string& modelPath,
                      LogSink& log) {
  std::vector<std::string> sentences;
  for (const auto& image : train.images) sentences.insert(sentences.end(), image.captions.begin(), image.captions.end());
  const std::string what = " (vocabulary " + std::to_string(cfg.data.vocab_size) + ") on " + std::to_string(sentences.size()) +
                           " training captions -> " + modelPath;
  if (cfg.data.text_format == "clip") {
    log.info("learning a byte-level BPE in CLIP's layout" + what);
    auto learnt = text::trainByteLevelBpe(sentences, cfg.data.vocab_size, modelPath);
    if (!learnt) return learnt.error();
    log.info(fmt::format("{} merges over {} words ({} distinct): {} pieces", learnt->merges, learnt->words,
                         learnt->uniqueWords, learnt->vocabSize));
    return okStatus();
  }
  std::string prefix = modelPath;
  if (prefix.size() > 6 && prefix.compare(prefix.size() - 6, 6, ".model") == 0) prefix.resize(prefix.size() - 6);
  text::TokenizerTrainOptions options;
  options.modelType = cfg.data.tokenizer_type;
  options.vocabSize = cfg.data.vocab_size;
  log.info("training a " + options.modelType + " SentencePiece tokenizer" + what);
  return text::Tokenizer::train(sentences, prefix, options);
}

}  // namespace

Expected<text::Tokenizer> prepareTokenizer(const config::ExperimentConfig& cfg, const std::string& projectDir,
                                           const data::CaptionDataset& train, LogSink& log) {
  auto resolved = tokenizerPathFor(cfg, projectDir);
  if (!resolved) return resolved.error();
  const std::string modelPath = *resolved;
  if (!fs::exists(modelPath))
    if (auto s = learnTokenizer(cfg, train, modelPath, log); !s) return s.error();
  auto tokenizer = text::loadTokenizer(modelPath, cfg.data.text_format);
  if (!tokenizer) return tokenizer.error();
  if (tokenizer->vocabSize() > cfg.data.vocab_size)
    return Error::at(modelPath, "vocabulary of " + std::to_string(tokenizer->vocabSize()) +
                                    " pieces exceeds data.vocab_size = " + std::to_string(cfg.data.vocab_size) +
                                    "; delete the tokenizer to retrain it or raise data.vocab_size");
  return tokenizer;
}

}  // namespace vimoe::train
