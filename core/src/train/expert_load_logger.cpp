#include "expert_load_logger.h"

#include <algorithm>
#include <cmath>

#include "vimoe/store/expert_flags.h"

namespace vimoe::train {

ExpertLoadSnapshot takeExpertLoadSnapshot(const std::vector<std::pair<std::string, model::MoeLayer>>& layers,
                                          std::int64_t step) {
  ExpertLoadSnapshot snapshot;
  int layerIndex = 0;
  double droppedAll = 0, routedAll = 0;
  for (auto [name, layer] : layers) {  // a copy of the holder: stats() is not const
    auto& stats = layer->stats();
    const int experts = layer->experts();
    const double routedTotal = std::max(1.0, stats.routed.sum().item<double>());
    const double tokens = std::max(1.0, stats.tokens);
    const auto routed = stats.routed.accessor<double, 1>();
    const auto kept = stats.kept.accessor<double, 1>();
    const auto gates = stats.gateSum.accessor<double, 1>();
    const auto modality = stats.byModality.accessor<double, 2>();
    double dropped = 0, maxShare = 0;
    int dead = 0, overloaded = 0;
    for (int e = 0; e < experts; ++e) {
      store::ExpertLoadRow row;
      row.layer = layerIndex;
      row.step = step;
      row.expert = e;
      row.tokens = routed[e];
      row.fraction = routed[e] / routedTotal;
      row.meanGate = gates[e] / tokens;
      row.dropped = routed[e] - kept[e];
      row.imageTokens = modality[0][e];
      row.textTokens = modality[1][e];
      dropped += row.dropped;
      maxShare = std::max(maxShare, row.fraction);
      dead += store::isDeadExpert(row.fraction, experts);
      overloaded += store::isOverloadedExpert(row.fraction, experts);
      snapshot.rows.push_back(row);
    }
    // max_load is normalised so that 1.0 means perfectly balanced (share = 1/E).
    snapshot.scalars.emplace_back("moe/" + name + "/dropped_share", dropped / routedTotal);
    snapshot.scalars.emplace_back("moe/" + name + "/max_load", maxShare * experts);
    snapshot.scalars.emplace_back("moe/" + name + "/dead_experts", dead);
    snapshot.scalars.emplace_back("moe/" + name + "/overloaded_experts", overloaded);
    // Router entropy over the interval, / log E: 0 = every token certain, 1 = uniform.
    if (experts > 1)
      snapshot.scalars.emplace_back("moe/" + name + "/router_entropy", stats.entropySum / tokens / std::log(double(experts)));
    // Which choices were dropped: the first choice dropping is the expensive case.
    const auto byChoice = stats.droppedByChoice.accessor<double, 1>();
    const double tokensSeen = std::max(1.0, stats.tokens);
    if (byChoice.size(0) == 1 && layer->routerKind() == model::RouterKind::ExpertChoice) {
      snapshot.scalars.emplace_back("moe/" + name + "/unrouted_share", byChoice[0] / tokensSeen);
    } else {
      for (std::int64_t c = 0; c < byChoice.size(0); ++c)
        snapshot.scalars.emplace_back("moe/" + name + "/dropped_share/choice" + std::to_string(c + 1),
                                      byChoice[c] / tokensSeen);
    }
    droppedAll += dropped;
    routedAll += routedTotal;
    stats.reset(experts, static_cast<int>(byChoice.size(0)));
    ++layerIndex;
  }
  if (routedAll > 0) snapshot.scalars.emplace_back("moe/dropped_share", droppedAll / routedAll);
  return snapshot;
}

}  // namespace vimoe::train
