// `vimoe data stats`, `data index` and `data search`: describing and searching a dataset
// once it reads (validation is data_verbs.cpp).
#include <cstdio>
#include <filesystem>

#include "vimoe/cli/verbs.h"
#include "vimoe/config/project.h"
#include "vimoe/data/dataset_stats.h"
#include "vimoe/data/sample_index.h"
#include "vimoe/data/validate.h"
#include "vimoe/text/byte_level_bpe_train.h"
#include "vimoe/text/tokenizer.h"

namespace vimoe::cli {
namespace {

namespace fs = std::filesystem;

Expected<data::Dataset> readForDescription(const std::string& path, const std::string& format,
                                           const std::string& imageDir) {
  data::ValidateOptions options;
  options.format = format;
  options.imageDir = imageDir;
  options.verifyImages = false;  // describing, not validating: existence is checked, decoding is not
  return data::validateDatasetPath(path, options);
}

}  // namespace

namespace {

std::vector<std::string> datasetSentences(const data::Dataset& dataset) {
  std::vector<std::string> sentences;
  for (const auto& s : dataset.samples) {
    sentences.insert(sentences.end(), s.captions.begin(), s.captions.end());
    for (const auto& q : s.qa) sentences.push_back(q.question);
  }
  return sentences;
}

void printCoverage(const std::string& model, const text::Tokenizer& tokenizer,
                   const std::vector<std::string>& sentences) {
  const auto coverage = tokenizer.coverage(sentences);
  std::printf("tokenizer %s: vocabulary %d, unknown rate %.4f%%, %.3f pieces per syllable (%zu sentences)\n",
              model.c_str(), tokenizer.vocabSize(), 100.0 * coverage.unknownRate, coverage.piecesPerSyllable,
              sentences.size());
}

}  // namespace

int runDataStats(const DataStatsOptions& options) {
  auto dataset = readForDescription(options.path, options.format, options.imageDir);
  if (!dataset) return std::fprintf(stderr, "error: %s\n", dataset.error().message.c_str()), kExitBadInput;
  std::printf("%s (%zu files, %s)\n", options.path.c_str(), dataset->files.size(), dataset->format.c_str());
  std::printf("%s", data::formatStats(data::computeStats(*dataset)).c_str());
  if (!dataset->problems.empty())
    std::printf("%zu problems (run `vimoe data validate` for the list)\n", dataset->problems.size());
  if (!options.tokenizer.empty()) {
    // A vocab.json is CLIP's byte-level BPE; anything else a SentencePiece model.
    const bool bpe = fs::path(options.tokenizer).extension() == ".json";
    auto tokenizer = text::Tokenizer::load(options.tokenizer, bpe ? text::TextFormat::Clip : text::TextFormat::Vimoe);
    if (!tokenizer) return std::fprintf(stderr, "error: %s\n", tokenizer.error().message.c_str()), kExitBadInput;
    printCoverage(options.tokenizer, *tokenizer, datasetSentences(*dataset));
  }
  return kExitOk;
}

int runDataTokenizer(const DataTokenizerOptions& options) {
  auto dataset = readForDescription(options.path, options.format, options.imageDir);
  if (!dataset) return std::fprintf(stderr, "error: %s\n", dataset.error().message.c_str()), kExitBadInput;
  const auto sentences = datasetSentences(*dataset);
  if (sentences.empty()) return std::fprintf(stderr, "error: no caption or question to train on\n"), kExitBadInput;
  if (options.type == "clip-bpe") {
    if (fs::path(options.out).filename() != "vocab.json") {
      std::fprintf(stderr, "error: --type clip-bpe writes CLIP's vocab.json + merges.txt: give --out DIR/vocab.json\n");
      return kExitBadInput;
    }
    auto learnt = text::trainByteLevelBpe(sentences, options.vocabSize, options.out);
    if (!learnt) return std::fprintf(stderr, "error: %s\n", learnt.error().message.c_str()), kExitBadInput;
    std::printf("%d merges over %lld words (%lld distinct)\n", learnt->merges, static_cast<long long>(learnt->words),
                static_cast<long long>(learnt->uniqueWords));
    auto tokenizer = text::Tokenizer::load(options.out, text::TextFormat::Clip);
    if (!tokenizer) return std::fprintf(stderr, "error: %s\n", tokenizer.error().message.c_str()), kExitFailed;
    printCoverage(options.out, *tokenizer, sentences);
    return kExitOk;
  }
  std::string prefix = options.out;
  if (prefix.size() > 6 && prefix.compare(prefix.size() - 6, 6, ".model") == 0) prefix.resize(prefix.size() - 6);
  std::error_code ec;
  if (const auto parent = fs::path(prefix).parent_path(); !parent.empty()) fs::create_directories(parent, ec);
  text::TokenizerTrainOptions train;
  train.modelType = options.type;
  train.vocabSize = options.vocabSize;
  if (auto s = text::Tokenizer::train(sentences, prefix, train); !s)
    return std::fprintf(stderr, "error: %s\n", s.error().message.c_str()), kExitFailed;
  auto tokenizer = text::Tokenizer::load(prefix + ".model");
  if (!tokenizer) return std::fprintf(stderr, "error: %s\n", tokenizer.error().message.c_str()), kExitFailed;
  printCoverage(prefix + ".model", *tokenizer, sentences);
  return kExitOk;
}

int runDataIndex(const DataIndexOptions& options) {
  auto dataset = readForDescription(options.path, options.format, options.imageDir);
  if (!dataset) return std::fprintf(stderr, "error: %s\n", dataset.error().message.c_str()), kExitBadInput;
  std::string db = options.db;
  if (db.empty()) {
    auto projectDir = config::findProjectDir(options.path);
    if (!projectDir) {
      std::fprintf(stderr, "error: %s is in no project; pass --db FILE\n", options.path.c_str());
      return kExitBadInput;
    }
    auto project = config::loadProject(*projectDir);
    if (!project) return std::fprintf(stderr, "error: %s\n", project.error().message.c_str()), kExitBadInput;
    db = project->storePath();
  }
  std::string name = options.name;
  if (name.empty()) name = fs::path(options.path).lexically_normal().filename().string();
  if (name.empty()) name = fs::path(options.path).lexically_normal().parent_path().filename().string();
  auto index = data::SampleIndex::open(db);
  if (!index) return std::fprintf(stderr, "error: %s\n", index.error().message.c_str()), kExitFailed;
  if (auto s = index->replace(name, *dataset); !s)
    return std::fprintf(stderr, "error: %s\n", s.error().message.c_str()), kExitFailed;
  std::printf("indexed %zu images (%zu captions, %zu questions) as '%s' in %s\n", dataset->samples.size(),
              dataset->captionCount(), dataset->questionCount(), name.c_str(), db.c_str());
  return kExitOk;
}

int runDataSearch(const DataSearchOptions& options) {
  if (!fs::exists(options.db))
    return std::fprintf(stderr, "error: %s: no such store\n", options.db.c_str()), kExitBadInput;
  auto index = data::SampleIndex::open(options.db);
  if (!index) return std::fprintf(stderr, "error: %s\n", index.error().message.c_str()), kExitFailed;
  auto hits = index->search(options.query, options.limit);
  if (!hits) return std::fprintf(stderr, "error: %s\n", hits.error().message.c_str()), kExitFailed;
  for (const auto& h : *hits)
    std::printf("%s\t%s\t%s\t%s\t%s\n", h.dataset.c_str(), h.imageId.c_str(), h.kind.c_str(), h.text.c_str(),
                h.imagePath.c_str());
  std::fprintf(stderr, "%zu hits\n", hits->size());
  return kExitOk;
}

}  // namespace vimoe::cli
