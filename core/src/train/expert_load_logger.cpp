#include "expert_load_logger.h"

#include <algorithm>

namespace vimoe::train {

ExpertLoadSnapshot takeExpertLoadSnapshot(model::ClipModel& model, std::int64_t step) {
  ExpertLoadSnapshot snapshot;
  int layerIndex = 0;
  double droppedAll = 0, routedAll = 0;
  for (auto& [name, layer] : model->moeLayers()) {
    auto& stats = layer->stats();
    const int experts = layer->experts();
    const double routedTotal = std::max(1.0, stats.routed.sum().item<double>());
    const double tokens = std::max(1.0, stats.tokens);
    const auto routed = stats.routed.accessor<double, 1>();
    const auto kept = stats.kept.accessor<double, 1>();
    const auto gates = stats.gateSum.accessor<double, 1>();
    const auto modality = stats.byModality.accessor<double, 2>();
    double dropped = 0, maxShare = 0;
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
      snapshot.rows.push_back(row);
    }
    // max_load is normalised so that 1.0 means perfectly balanced (share = 1/E).
    snapshot.scalars.emplace_back("moe/" + name + "/dropped_share", dropped / routedTotal);
    snapshot.scalars.emplace_back("moe/" + name + "/max_load", maxShare * experts);
    droppedAll += dropped;
    routedAll += routedTotal;
    stats.reset(experts);
    ++layerIndex;
  }
  if (routedAll > 0) snapshot.scalars.emplace_back("moe/dropped_share", droppedAll / routedAll);
  return snapshot;
}

}  // namespace vimoe::train
