#include "experts/expert_share_grid.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace vimoe::widgets {

double ExpertShareGrid::maxShare() const {
  double best = 0;
  for (double s : share)
    if (std::isfinite(s)) best = std::max(best, s);
  return best;
}

ExpertShareGrid buildExpertShareGrid(const QVector<store::ExpertLoadRow>& rows, int layer, double deadShareOfFair) {
  ExpertShareGrid grid;
  std::map<std::int64_t, int> columnOfStep;
  for (const auto& row : rows) {
    if (row.layer != layer) continue;
    columnOfStep.emplace(row.step, 0);
    grid.experts = std::max(grid.experts, row.expert + 1);
  }
  if (columnOfStep.empty() || grid.experts == 0) return ExpertShareGrid{};
  for (auto& [step, column] : columnOfStep) {
    column = static_cast<int>(grid.steps.size());
    grid.steps << static_cast<double>(step);
  }
  const int cells = grid.experts * static_cast<int>(grid.steps.size());
  grid.share = QVector<double>(cells, 0.0);
  for (const auto& row : rows)
    if (row.layer == layer && row.expert >= 0)
      grid.share[grid.index(row.expert, columnOfStep[row.step])] = row.fraction;

  const double threshold = deadShareOfFair * grid.fairShare();
  grid.dead = QVector<bool>(cells, false);
  for (int i = 0; i < cells; ++i) grid.dead[i] = !(grid.share[i] >= threshold);  // NaN counts as dead
  const int last = static_cast<int>(grid.steps.size()) - 1;
  for (int e = 0; e < grid.experts; ++e)
    if (grid.dead[grid.index(e, last)]) grid.deadAtLast << e;
  return grid;
}

}  // namespace vimoe::widgets
