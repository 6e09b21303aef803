// `vimoe score caption|vqa`: the metrics of vimoe/metrics on two JSON files. Every printed number
// carries its tokenisation label, because syllable- and word-level scores are not comparable.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "vimoe/cli/verbs.h"
#include "vimoe/metrics/metric_json.h"

namespace vimoe::cli {
namespace {

int badInput(const std::string& message) {
  std::fprintf(stderr, "error: %s\n", message.c_str());
  return kExitBadInput;
}

// Id mismatches are found after both files were read: say which pair of files disagrees.
std::string pairContext(const ScoreCliOptions& options) {
  return options.predFile + " vs " + options.refFile + ": ";
}

void printMetric(const char* name, const std::string& tokenization, double value) {
  const std::string label = std::string(name) + " (" + tokenization + ")";
  std::printf("%-28s %.4f\n", label.c_str(), value);
}

int scoreCaptionFiles(const ScoreCliOptions& options, metrics::MetricTokenization tokenization) {
  auto predictions = metrics::readCaptionPredictions(options.predFile);
  if (!predictions) return badInput(predictions.error().message);
  auto references = metrics::readCaptionReferences(options.refFile);
  if (!references) return badInput(references.error().message);
  auto scores = metrics::scoreCaptions(*predictions, *references, tokenization);
  if (!scores) return badInput(pairContext(options) + scores.error().message);

  if (options.json) {
    std::printf("%s\n", metrics::captionScoresJson(*scores, options.perSample).dump(2).c_str());
    return kExitOk;
  }
  const std::string& tok = scores->tokenization;
  std::printf("captions: %zu samples, tokenisation: %s\n", scores->samples, tok.c_str());
  for (int n = 0; n < 4; ++n) printMetric(("BLEU-" + std::to_string(n + 1)).c_str(), tok, scores->bleu[n]);
  printMetric("ROUGE-L", tok, scores->rougeL);
  printMetric("CIDEr-D", tok, scores->ciderD);
  if (options.perSample) {
    // Sentence BLEU-4 is smoothed: good for finding the worst captions, not a corpus figure.
    std::printf("\n%-24s %16s %8s %8s\n", "id", "BLEU-4 smoothed", "ROUGE-L", "CIDEr-D");
    for (const auto& s : scores->perSample)
      std::printf("%-24s %16.4f %8.4f %8.4f\n", s.id.c_str(), s.bleu4, s.rougeL, s.ciderD);
  }
  return kExitOk;
}

int scoreVqaFiles(const ScoreCliOptions& options, metrics::MetricTokenization tokenization) {
  auto predictions = metrics::readVqaPredictions(options.predFile);
  if (!predictions) return badInput(predictions.error().message);
  auto references = metrics::readVqaReferences(options.refFile);
  if (!references) return badInput(references.error().message);
  auto scores = metrics::scoreVqa(*predictions, *references, tokenization);
  if (!scores) return badInput(pairContext(options) + scores.error().message);

  if (options.json) {
    std::printf("%s\n", metrics::vqaScoresJson(*scores, options.perSample).dump(2).c_str());
    return kExitOk;
  }
  const std::string& tok = scores->tokenization;
  std::printf("vqa: %zu questions, tokenisation: %s\n", scores->samples, tok.c_str());
  printMetric("exact match", tok, scores->exactMatch);
  printMetric("token F1", tok, scores->f1);
  // Exact match per type is what the Vietnamese VQA papers call accuracy per question type.
  std::printf("\n%-20s %7s %12s %8s\n", "question type", "count", "exact match", "F1");
  for (const auto& t : scores->byType)
    std::printf("%-20s %7zu %12.4f %8.4f\n", t.type.c_str(), t.count, t.exactMatch, t.f1);
  if (options.perSample) {
    std::printf("\n%-24s %-20s %12s %8s\n", "id", "type", "exact match", "F1");
    for (const auto& s : scores->perSample)
      std::printf("%-24s %-20s %12.0f %8.4f\n", s.id.c_str(), s.type.c_str(), s.exactMatch, s.f1);
  }
  return kExitOk;
}

}  // namespace

int runScore(const ScoreCliOptions& options) {
  metrics::MetricTokenization tokenization{};
  if (!metrics::parseTokenization(options.tokenization, tokenization))
    return badInput("--tokenization must be syllables or segmented_words, got '" + options.tokenization + "'");
  if (options.task == "caption") return scoreCaptionFiles(options, tokenization);
  if (options.task == "vqa") return scoreVqaFiles(options, tokenization);
  return badInput("score: the task must be caption or vqa, got '" + options.task + "'");
}

}  // namespace vimoe::cli
