#include "vimoe/bench/moe_layer_bench.h"

#include <torch/torch.h>

#include "vimoe/model/feed_forward.h"
#include "vimoe/model/moe_layer.h"

namespace vimoe::bench {
namespace {

config::MoeConfig moeConfig(const MoeLayerBenchOptions& options, double capacityFactor) {
  config::MoeConfig moe;
  moe.enabled = true;
  moe.num_experts = options.experts;
  moe.top_k = options.topK;
  moe.capacity_factor_train = capacityFactor;
  return moe;
}

// The input needs a gradient as it would inside a network, so both layers also compute dx.
torch::Tensor benchInput(const MoeLayerBenchOptions& options) {
  return torch::randn({1, options.tokens, options.width}).requires_grad_(true);
}

TimingSummary timeMoe(const MoeLayerBenchOptions& options, double capacityFactor) {
  torch::manual_seed(0);
  model::MoeLayer moe(options.width, options.hidden, moeConfig(options, capacityFactor));
  const auto x = benchInput(options);
  return timeRepeated(
      [&] {
        moe->zero_grad();
        model::AuxLosses aux;
        (moe->forward(x, torch::Tensor(), model::Modality::Image, aux).sum() + aux.meanLoadBalance()).backward();
      },
      options.warmup, options.repetitions);
}

}  // namespace

MoeLayerBenchResult benchMoeLayer(const MoeLayerBenchOptions& options) {
  MoeLayerBenchResult result;
  {
    torch::manual_seed(0);
    model::FeedForward ffn(options.width, options.hidden);
    const auto x = benchInput(options);
    result.dense = timeRepeated(
        [&] {
          ffn->zero_grad();
          ffn->forward(x).sum().backward();
        },
        options.warmup, options.repetitions);
  }
  result.dropless = timeMoe(options, 0.0);
  result.capped = timeMoe(options, options.capacityFactor);
  return result;
}

}  // namespace vimoe::bench
