#include "vimoe/compress/baselines.h"

namespace vimoe::compress {

Plan uniformPlan(const ModelCompressor& compressor, Method method, double ratio) {
  Plan plan = compressor.densePlan();
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const auto& s = compressor.slots()[i];
    const auto rank = rankForRatio(method, s.rows, s.cols, ratio);
    if (rank > 0) plan[i] = {method, rank};
  }
  return plan;
}

Plan energyPlanAt(ModelCompressor& compressor, double tau) {
  Plan plan = compressor.densePlan();
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const auto& s = compressor.slots()[i];
    const auto& energy = compressor.energy(i);
    // The smallest k with energy[k-1] >= tau (energy ascends to 1).
    const auto below = energy.lt(tau - 1e-12).sum().item<std::int64_t>();
    const std::int64_t k = std::min<std::int64_t>(below + 1, energy.size(0));
    if (lowRankCost(s.rows, s.cols, k).params < s.rows * s.cols) plan[i] = {Method::Svd, k};
  }
  return plan;
}

EnergyPlan energyPlan(ModelCompressor& compressor, double budget) {
  // The size grows with tau: bisect for the largest tau that fits.
  double lo = 0.0, hi = 1.0;
  EnergyPlan best{energyPlanAt(compressor, 0.0), 0.0};
  if (compressor.sizeRatio(energyPlanAt(compressor, 1.0)) <= budget) return {energyPlanAt(compressor, 1.0), 1.0};
  for (int it = 0; it < 40; ++it) {
    const double mid = 0.5 * (lo + hi);
    Plan plan = energyPlanAt(compressor, mid);
    if (compressor.sizeRatio(plan) <= budget) {
      lo = mid;
      best = {std::move(plan), mid};
    } else {
      hi = mid;
    }
  }
  return best;
}

}  // namespace vimoe::compress
