// The factorised forms at run time and the factorisations themselves: a batch of tokens
// through a dense weight W [m, n] against its rank-k form (x R^T) L^T at the keep ratio 0.5,
// for the demo's FFN shape and a larger one; and the cost of computing each factorisation,
// exact SVD against randomised SVD on a large matrix. Prints Google Benchmark's table; the
// ratios that matter are dense / factorised time (ideally 1 / keep ratio) and SVD / rSVD.
#include <benchmark/benchmark.h>
#include <torch/torch.h>

#include "vimoe/compress/cost.h"
#include "vimoe/compress/factorize.h"

namespace {

using namespace vimoe::compress;

constexpr int kTokens = 4096;

void BM_DenseLinear(benchmark::State& state) {
  const auto m = state.range(0), n = state.range(1);
  torch::manual_seed(0);
  const auto w = torch::randn({m, n}), x = torch::randn({kTokens, n});
  torch::NoGradGuard noGrad;
  for (auto _ : state) benchmark::DoNotOptimize(torch::matmul(x, w.t()));
  state.counters["MMAC/token"] = double(denseCost(m, n).macs) / 1e6;
}

void BM_FactorisedLinear(benchmark::State& state) {
  const auto m = state.range(0), n = state.range(1);
  const auto k = rankForRatio(Method::Svd, m, n, 0.5);
  torch::manual_seed(0);
  const auto l = torch::randn({m, k}), r = torch::randn({k, n}), x = torch::randn({kTokens, n});
  torch::NoGradGuard noGrad;
  for (auto _ : state) benchmark::DoNotOptimize(torch::matmul(torch::matmul(x, r.t()), l.t()));
  state.counters["rank"] = double(k);
  state.counters["MMAC/token"] = double(lowRankCost(m, n, k).macs) / 1e6;
}

void BM_Factorise(benchmark::State& state) {
  const auto method = static_cast<Method>(state.range(0));
  const auto side = state.range(1);
  torch::manual_seed(0);
  const auto w = torch::randn({side, side});
  const auto k = std::max<std::int64_t>(1, side / 16);
  FactorizeOptions options;
  options.nmfIterations = 50;
  for (auto _ : state) benchmark::DoNotOptimize(factorize(method, w, k, options).relativeError);
  state.SetLabel(methodName(method));
}

}  // namespace

BENCHMARK(BM_DenseLinear)->Args({256, 64})->Args({4096, 1024})->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FactorisedLinear)->Args({256, 64})->Args({4096, 1024})->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Factorise)
    ->Args({int(Method::Svd), 1024})
    ->Args({int(Method::RandomizedSvd), 1024})
    ->Args({int(Method::Cur), 1024})
    ->Args({int(Method::Nmf), 1024})
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
