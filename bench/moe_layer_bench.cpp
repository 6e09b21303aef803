// Forward+backward time of one MoE layer against the dense FFN it replaces, and training
// throughput of the demo's dense and MoE models. Prints Google Benchmark's table, then the
// ratios that matter:
//   MoE layer / dense FFN — compute-proportional cost is k x (capacity slack) of the dense FFN;
//   MoE / dense training samples per second at equal active parameters.
#include <benchmark/benchmark.h>
#include <torch/torch.h>

#include <cstdio>
#include <map>
#include <thread>

#include "vimoe/model/clip_model.h"
#include "vimoe/model/feed_forward.h"
#include "vimoe/model/moe_layer.h"

namespace {

constexpr int kTokens = 4096, kWidth = 128, kHidden = 512;

vimoe::config::MoeConfig moeConfig(int experts, int k, double capacity) {
  vimoe::config::MoeConfig moe;
  moe.enabled = true;
  moe.num_experts = experts;
  moe.top_k = k;
  moe.capacity_factor_train = capacity;
  return moe;
}

void BM_DenseFfn(benchmark::State& state) {
  torch::manual_seed(0);
  vimoe::model::FeedForward ffn(kWidth, kHidden);
  const auto x = torch::randn({1, kTokens, kWidth});
  for (auto _ : state) {
    ffn->zero_grad();
    ffn->forward(x).sum().backward();
  }
  state.counters["tokens/s"] = benchmark::Counter(double(kTokens), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_MoeLayer(benchmark::State& state) {
  torch::manual_seed(0);
  const int experts = static_cast<int>(state.range(0)), k = static_cast<int>(state.range(1));
  vimoe::model::MoeLayer moe(kWidth, kHidden, moeConfig(experts, k, 1.25));
  const auto x = torch::randn({1, kTokens, kWidth});
  for (auto _ : state) {
    moe->zero_grad();
    vimoe::model::AuxLosses aux;
    (moe->forward(x, torch::Tensor(), vimoe::model::Modality::Image, aux).sum() + aux.meanLoadBalance()).backward();
  }
  state.counters["tokens/s"] = benchmark::Counter(double(kTokens), benchmark::Counter::kIsIterationInvariantRate);
}

vimoe::config::ExperimentConfig demoConfig(bool moe) {
  vimoe::config::ExperimentConfig cfg;  // the defaults are the demo's tiny preset
  cfg.data.vocab_size = 256;
  cfg.moe.enabled = moe;
  cfg.moe.num_experts = 4;
  cfg.moe.top_k = 1;
  return cfg;
}

void BM_TrainStep(benchmark::State& state) {
  torch::manual_seed(0);
  const bool moe = state.range(0) == 1;
  const auto cfg = demoConfig(moe);
  vimoe::model::ClipModel model(cfg);
  torch::optim::AdamW optimizer(model->parameters(), torch::optim::AdamWOptions(1e-3));
  const int batch = cfg.optim.batch_size;
  const auto pixels = torch::rand({batch, 3, cfg.data.image_size, cfg.data.image_size});
  const auto ids = torch::randint(4, cfg.data.vocab_size, {batch, cfg.data.max_text_tokens}, torch::kLong);
  for (auto _ : state) {
    auto out = model->forward(pixels, ids);
    auto loss = model->clipLoss(out) + 0.01 * out.aux.meanLoadBalance();
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
  }
  state.counters["samples/s"] = benchmark::Counter(double(batch), benchmark::Counter::kIsIterationInvariantRate);
}

BENCHMARK(BM_DenseFfn)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_MoeLayer)->Args({8, 2})->Args({8, 1})->Args({4, 1})->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_TrainStep)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->MinTime(3.0);

// Keeps each benchmark's mean time per iteration so the ratios can be printed at the end.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  std::map<std::string, double> seconds;
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& run : runs) seconds[run.benchmark_name()] = run.GetAdjustedRealTime();
    ConsoleReporter::ReportRuns(runs);
  }
};

}  // namespace

int main(int argc, char** argv) {
  torch::set_num_threads(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const auto& t = reporter.seconds;
  auto ratio = [&](const std::string& a, const std::string& b) {
    if (t.count(a) && t.count(b)) std::printf("  %-28s / %-14s = %.2fx\n", a.c_str(), b.c_str(), t.at(a) / t.at(b));
  };
  std::printf("\nRatios (time per iteration, %d threads; %d tokens, width %d, hidden %d):\n", torch::get_num_threads(),
              kTokens, kWidth, kHidden);
  ratio("BM_MoeLayer/8/2/min_time:2.000", "BM_DenseFfn/min_time:2.000");
  std::printf("    (compute-proportional: k=2 is 2.0x the dense FFN; with capacity factor 1.25 the expert buffers hold 2.5x its rows)\n");
  ratio("BM_MoeLayer/8/1/min_time:2.000", "BM_DenseFfn/min_time:2.000");
  ratio("BM_MoeLayer/4/1/min_time:2.000", "BM_DenseFfn/min_time:2.000");
  ratio("BM_TrainStep/1/min_time:3.000", "BM_TrainStep/0/min_time:3.000");
  std::printf("    (training step of the demo's tiny MoE (E=4, k=1) over the dense model, batch 64)\n");
  benchmark::Shutdown();
  return 0;
}
