// The downstream model on the tiny config: causal decoding, cross-attention actually reading
// the image, the classification head, MoE layers in the decoder, and greedy vs beam search.
#include <gtest/gtest.h>

#include "core/model/tiny_model_config.h"
#include "vimoe/model/generation.h"
#include "vimoe/model/vision_language_model.h"
#include "vimoe/text/tokenizer.h"

namespace vimoe::model {
namespace {

using test_support::tinyModelConfig;

torch::Tensor tinyIds() { return torch::tensor({2, 10, 11, 12, 3, 0, 0, 0}, torch::kLong).view({1, 8}); }

TEST(VisionLanguageModel, DecoderIsCausal) {
  torch::manual_seed(1);
  VisionLanguageModel model(tinyModelConfig(false));
  model->eval();
  torch::NoGradGuard noGrad;
  AuxLosses aux;
  const auto memory = model->encodeImage(torch::rand({1, 3, 16, 16}), aux);
  auto ids = tinyIds();
  const auto before = model->tokenLogits(memory, ids, aux);
  ids[0][3] = 20;  // change position 3: positions 0..2 must not see it
  const auto after = model->tokenLogits(memory, ids, aux);
  EXPECT_TRUE(torch::allclose(before.narrow(1, 0, 3), after.narrow(1, 0, 3), 0, 0));
  EXPECT_FALSE(torch::allclose(before.narrow(1, 3, 1), after.narrow(1, 3, 1)));
}

TEST(VisionLanguageModel, LogitsDependOnTheImage) {
  torch::manual_seed(2);
  VisionLanguageModel model(tinyModelConfig(false));
  model->eval();
  torch::NoGradGuard noGrad;
  AuxLosses aux;
  const auto a = model->tokenLogits(model->encodeImage(torch::zeros({1, 3, 16, 16}), aux), tinyIds(), aux);
  const auto b = model->tokenLogits(model->encodeImage(torch::ones({1, 3, 16, 16}), aux), tinyIds(), aux);
  EXPECT_EQ(a.sizes(), (std::vector<std::int64_t>{1, 8, 50}));
  EXPECT_GT((a - b).abs().max().item<double>(), 1e-4);  // cross-attention reads the image
}

TEST(VisionLanguageModel, AnswerHeadAndMoeDecoder) {
  torch::manual_seed(3);
  auto cfg = tinyModelConfig(true);
  VisionLanguageModel model(cfg, 7);
  const auto layers = model->moeLayers();
  // Two image blocks and two decoder blocks, all MoE with moe.towers = both.
  ASSERT_EQ(layers.size(), 4u);
  EXPECT_EQ(layers[0].first, "image.blocks.0");
  EXPECT_EQ(layers[2].first, "decoder.blocks.0");
  EXPECT_EQ(layers[3].second->layerIndex(), 3);
  AuxLosses aux;
  const auto memory = model->encodeImage(torch::rand({2, 3, 16, 16}), aux);
  const auto logits = model->answerLogits(memory, tinyIds().repeat({2, 1}), aux);
  EXPECT_EQ(logits.sizes(), (std::vector<std::int64_t>{2, 7}));
  EXPECT_EQ(aux.layers, 4);  // every MoE layer added its losses
  // k = 1 of 4 experts: active parameters exclude 3 experts' weights in each of the 4 layers.
  const auto counts = model->parameterCounts();
  EXPECT_EQ(counts.total - counts.active, 4 * 3 * layers[0].second->parametersPerExpert());

  cfg.moe.towers = "image";  // dense decoder
  VisionLanguageModel imageOnly(cfg);
  EXPECT_EQ(imageOnly->moeLayers().size(), 2u);
}

TEST(Generation, LengthPenaltyDivisor) {
  EXPECT_DOUBLE_EQ(lengthPenaltyDivisor(1, 0.6), 1.0);  // (5 + 1) / 6 = 1
  EXPECT_DOUBLE_EQ(lengthPenaltyDivisor(7, 1.0), 2.0);  // (5 + 7) / 6 = 2
  EXPECT_DOUBLE_EQ(lengthPenaltyDivisor(13, 0.5), std::sqrt(3.0));
  EXPECT_DOUBLE_EQ(lengthPenaltyDivisor(40, 0.0), 1.0);
}

TEST(Generation, BeamWidthOneEqualsGreedy) {
  torch::manual_seed(4);
  VisionLanguageModel model(tinyModelConfig(false));
  model->eval();
  for (int image = 0; image < 4; ++image) {
    AuxLosses aux;
    const auto memory = model->encodeImage(torch::rand({1, 3, 16, 16}), aux).detach();
    const auto greedy = greedyDecode(model, memory, {{text::Tokenizer::kBosId}}, 8);
    GenerationOptions options;
    options.beamWidth = 1;
    options.maxLength = 8;
    const auto beam = beamSearch(model, memory, {text::Tokenizer::kBosId}, options);
    ASSERT_EQ(beam.size(), 1u);
    EXPECT_EQ(beam[0].ids, greedy[0].ids);
    EXPECT_NEAR(beam[0].logProb, greedy[0].logProb, 1e-9);
    EXPECT_EQ(beam[0].finished, greedy[0].finished);
  }
}

TEST(Generation, BeamsAreSortedDistinctAndScoredByTheirLogProb) {
  torch::manual_seed(5);
  VisionLanguageModel model(tinyModelConfig(false));
  model->eval();
  AuxLosses aux;
  const auto memory = model->encodeImage(torch::rand({1, 3, 16, 16}), aux).detach();
  GenerationOptions options;
  options.beamWidth = 4;
  options.maxLength = 6;
  options.lengthPenalty = 0.6;
  const auto beams = beamSearch(model, memory, {text::Tokenizer::kBosId}, options);
  ASSERT_EQ(beams.size(), 4u);
  for (std::size_t i = 0; i < beams.size(); ++i) {
    if (i > 0) {
      EXPECT_GE(beams[i - 1].score, beams[i].score);
      EXPECT_NE(beams[i - 1].ids, beams[i].ids);
    }
    EXPECT_LE(beams[i].ids.size(), 6u);
    // Recompute the hypothesis' log-probability piece by piece with teacher forcing.
    std::vector<std::int64_t> seq = {text::Tokenizer::kBosId};
    seq.insert(seq.end(), beams[i].ids.begin(), beams[i].ids.end());
    torch::NoGradGuard noGrad;
    const auto logits = model->tokenLogits(memory, torch::tensor(seq, torch::kLong).unsqueeze(0), aux)[0].to(torch::kFloat64);
    // Generation masks <pad>, <unk>, <s> before the softmax; do the same here.
    auto masked = logits.clone();
    masked.index_fill_(1, torch::tensor({0, 1, 2}, torch::kLong), -std::numeric_limits<double>::infinity());
    const auto logProbs = torch::log_softmax(masked, 1);
    double expected = 0;
    for (std::size_t t = 0; t < beams[i].ids.size(); ++t)
      expected += logProbs[static_cast<std::int64_t>(t)][beams[i].ids[t]].item<double>();
    if (beams[i].finished)
      expected += logProbs[static_cast<std::int64_t>(beams[i].ids.size())][text::Tokenizer::kEosId].item<double>();
    EXPECT_NEAR(beams[i].logProb, expected, 1e-5);
    const int length = static_cast<int>(beams[i].ids.size()) + (beams[i].finished ? 1 : 0);
    EXPECT_NEAR(beams[i].score, expected / lengthPenaltyDivisor(length, 0.6), 1e-5);
  }
}

// The key-value cache: reading a text a chunk at a time gives the logits of reading it whole,
// for a dense decoder and a dropless MoE one, and a prefix of two pieces then single pieces.
TEST(Generation, IncrementalDecodingGivesTheLogitsOfTheWholeText) {
  for (const bool moe : {false, true}) {
    torch::manual_seed(6);
    auto cfg = tinyModelConfig(moe);
    cfg.moe.capacity_factor_eval = 0;
    VisionLanguageModel model(cfg);
    model->eval();
    torch::NoGradGuard noGrad;
    AuxLosses aux;
    const auto memory = model->encodeImage(torch::rand({2, 3, 16, 16}), aux);
    const auto ids = torch::tensor({2, 10, 11, 12, 13, 14, 2, 20, 21, 22, 23, 24}, torch::kLong).view({2, 6});
    const auto whole = model->tokenLogits(memory, ids, aux);
    auto cache = model->startDecoding(memory);
    std::vector<torch::Tensor> pieces = {model->nextTokenLogits(ids.narrow(1, 0, 2), cache, aux)};
    for (std::int64_t t = 2; t < 6; ++t) pieces.push_back(model->nextTokenLogits(ids.narrow(1, t, 1), cache, aux));
    EXPECT_EQ(cache.length, 6);
    EXPECT_LT((torch::cat(pieces, 1) - whole).abs().max().item<double>(), 1e-5) << (moe ? "moe" : "dense");
  }
}

// Greedy decoding and beam search choose the same pieces with the same log-probabilities with
// the cache as without it (rows reordered to the surviving beams' parents each step).
TEST(Generation, CachedGenerationEqualsRecomputingTheWholeText) {
  for (const bool moe : {false, true}) {
    torch::manual_seed(7);
    auto cfg = tinyModelConfig(moe);
    cfg.moe.capacity_factor_eval = 0;
    VisionLanguageModel model(cfg);
    model->eval();
    AuxLosses aux;
    const auto memory = model->encodeImage(torch::rand({3, 3, 16, 16}), aux).detach();
    const std::vector<std::vector<int>> prefixes(3, std::vector<int>{text::Tokenizer::kBosId});
    const auto cached = greedyDecode(model, memory, prefixes, 8, true);
    const auto recomputed = greedyDecode(model, memory, prefixes, 8, false);
    for (std::size_t i = 0; i < 3; ++i) {
      EXPECT_EQ(cached[i].ids, recomputed[i].ids);
      EXPECT_NEAR(cached[i].logProb, recomputed[i].logProb, 1e-6);
    }
    GenerationOptions options;
    options.beamWidth = 4;
    options.maxLength = 7;
    const std::vector<int> questionPrefix = {text::Tokenizer::kBosId, 15, 16, text::Tokenizer::kEosId};
    for (const auto& prefix : {std::vector<int>{text::Tokenizer::kBosId}, questionPrefix}) {
      options.cache = true;
      const auto withCache = beamSearch(model, memory.narrow(0, 1, 1), prefix, options);
      options.cache = false;
      const auto without = beamSearch(model, memory.narrow(0, 1, 1), prefix, options);
      ASSERT_EQ(withCache.size(), without.size());
      for (std::size_t b = 0; b < withCache.size(); ++b) {
        EXPECT_EQ(withCache[b].ids, without[b].ids) << "beam " << b;
        EXPECT_NEAR(withCache[b].score, without[b].score, 1e-6);
        EXPECT_EQ(withCache[b].finished, without[b].finished);
      }
    }
  }
}

}  // namespace
}  // namespace vimoe::model
