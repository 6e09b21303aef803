// The "routing" object of `vimoe caption | ask | retrieve --json` (core/src/cli/inference_routing.h)
// as the routing inspector's data: RoutingRow values of one sample, its layer names, and the
// routed text's pieces as a probe sample, so the demo draws its overlays with the inspector's
// own patch grid and token chips.
#pragma once

#include <QJsonObject>
#include <QStringList>
#include <QVector>

#include "vimoe/store/run_store.h"

namespace vimoe::widgets {

struct DemoRouting {
  QStringList layerNames;              // index = RoutingRow.layer
  QVector<int> experts;                // per layer: its number of experts (gate opacity scale)
  QVector<store::RoutingRow> rows;     // sample 0
  store::ProbeSample text;             // tokens of the routed text (caption, question, query)
  int patchGrid = 0;                   // patches per side; 0 = no image routed

  bool isEmpty() const { return layerNames.isEmpty(); }
  bool isImageLayer(int layer) const;
};

DemoRouting parseDemoRouting(const QJsonObject& routing);

}  // namespace vimoe::widgets
