#include "vimoe/bench/generate_bench.h"

#include <torch/torch.h>

#include "vimoe/model/generation.h"
#include "vimoe/model/vision_language_model.h"
#include "vimoe/text/tokenizer.h"

namespace vimoe::bench {

GenerateBenchResult benchGenerate(const GenerateBenchOptions& options) {
  config::ExperimentConfig cfg;
  cfg.run.kind = "caption";
  cfg.data.image_size = 64;
  cfg.data.max_text_tokens = options.maxLength + 2;
  cfg.data.vocab_size = 256;
  cfg.model.patch_size = 8;
  cfg.model.image = {64, 2, 4, 4.0};
  cfg.model.text = {64, 2, 4, 4.0};
  cfg.moe.enabled = options.moe;
  cfg.moe.num_experts = 4;
  cfg.moe.top_k = 1;
  cfg.moe.capacity_factor_eval = 0;
  torch::manual_seed(1);
  model::VisionLanguageModel model(cfg);
  model->eval();
  torch::NoGradGuard noGrad;
  model::AuxLosses aux;
  const auto memory = model->encodeImage(torch::rand({1, 3, 64, 64}), aux);
  const std::vector<int> prefix = {text::Tokenizer::kBosId};

  GenerateBenchResult r;
  for (const bool cache : {true, false}) {
    const auto greedy = timeRepeated(
        [&] { r.pieces = static_cast<int>(model::greedyDecode(model, memory, {prefix}, options.maxLength, cache).front().ids.size()); },
        options.warmup, options.repetitions);
    model::GenerationOptions beam;
    beam.beamWidth = options.beamWidth;
    beam.maxLength = options.maxLength;
    beam.cache = cache;
    const auto beams = timeRepeated([&] { (void)model::beamSearch(model, memory, prefix, beam); }, options.warmup, options.repetitions);
    (cache ? r.greedyCached : r.greedyRecomputed) = greedy;
    (cache ? r.beamCached : r.beamRecomputed) = beams;
  }
  return r;
}

}  // namespace vimoe::bench
