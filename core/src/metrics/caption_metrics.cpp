#include "vimoe/metrics/caption_metrics.h"

#include "metrics/caption_scorers.h"
#include "metrics/sample_matching.h"

namespace vimoe::metrics {

Expected<CaptionScores> scoreCaptions(const std::vector<CaptionPrediction>& predictions,
                                      const std::vector<CaptionReferences>& references,
                                      MetricTokenization tokenization) {
  std::vector<std::string> predictionIds, referenceIds;
  for (const CaptionPrediction& p : predictions) predictionIds.push_back(p.id);
  for (const CaptionReferences& r : references) {
    if (r.texts.empty()) return Error{"reference id '" + r.id + "' has no reference captions"};
    referenceIds.push_back(r.id);
  }
  auto matched = detail::matchPredictions(predictionIds, referenceIds);
  if (!matched) return matched.error();

  std::vector<detail::TokenizedSample> samples(references.size());
  for (std::size_t i = 0; i < references.size(); ++i) {
    samples[i].candidate = metricTokens(predictions[(*matched)[i]].text, tokenization);
    for (const std::string& text : references[i].texts)
      samples[i].references.push_back(metricTokens(text, tokenization));
  }

  const detail::BleuResult bleu = detail::bleuScores(samples);
  const std::vector<double> rouge = detail::rougeLScores(samples);
  const std::vector<double> cider = detail::ciderDScores(samples);

  CaptionScores scores;
  for (int n = 0; n < detail::kMaxOrder; ++n) scores.bleu[n] = bleu.corpus[n];
  scores.tokenization = tokenizationName(tokenization);
  scores.samples = samples.size();
  for (std::size_t i = 0; i < samples.size(); ++i) {
    scores.perSample.push_back({references[i].id, bleu.sentenceBleu4[i], rouge[i], cider[i]});
    scores.rougeL += rouge[i];
    scores.ciderD += cider[i];
  }
  scores.rougeL /= static_cast<double>(samples.size());
  scores.ciderD /= static_cast<double>(samples.size());
  return scores;
}

}  // namespace vimoe::metrics
