// Turns a run's expert_load rows into the expert x snapshot grid the heatmap draws, and flags
// dead experts: share below 1% of the fair share 1/E (REFERENCES.md section 1).
#pragma once

#include <QVector>

#include "vimoe/store/run_store.h"

namespace vimoe::widgets {

inline constexpr double kDeadShareOfFair = 0.01;

struct ExpertShareGrid {
  QVector<double> steps;  // one column per snapshot, increasing
  int experts = 0;        // rows
  QVector<double> share;  // experts x steps, row-major: share[e * steps.size() + s]; 0 when missing
  QVector<bool> dead;     // same layout
  QVector<int> deadAtLast;  // experts dead in the last snapshot

  double fairShare() const { return experts > 0 ? 1.0 / experts : 0.0; }
  double maxShare() const;
  int index(int expert, int column) const { return expert * static_cast<int>(steps.size()) + column; }
};

ExpertShareGrid buildExpertShareGrid(const QVector<store::ExpertLoadRow>& rows, int layer,
                                     double deadShareOfFair = kDeadShareOfFair);

}  // namespace vimoe::widgets
