// Data shaping for the Experts panel's views beyond the expert x step heatmap: a layer x expert
// grid at one snapshot (dead / overloaded flags from store/expert_flags.h, as the trainer counts
// them), dropped share and load entropy over training, per-modality shares per expert and the
// expert x class matrix of the probe set. Free functions on store rows, so tests assert values.
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include "vimoe/store/run_store.h"

namespace vimoe::widgets {

// Every snapshot step of the expert-load rows, over all layers, increasing.
QVector<qint64> expertLoadSteps(const QVector<store::ExpertLoadRow>& rows);

struct LayerExpertGrid {
  qint64 step = -1;
  int layers = 0;            // rows
  int experts = 0;           // columns
  QVector<double> share;     // layers x experts, row-major; NaN where the snapshot has no row
  QVector<bool> dead;        // share < 1% of the fair share
  QVector<bool> overloaded;  // share > 2x the fair share

  double fairShare() const { return experts > 0 ? 1.0 / experts : 0.0; }
  int index(int layer, int expert) const { return layer * experts + expert; }
};

LayerExpertGrid buildLayerExpertGrid(const QVector<store::ExpertLoadRow>& rows, int layers, qint64 step);

// One value per snapshot step of one layer.
struct LayerCurve {
  int layer = 0;
  QVector<double> steps;
  QVector<double> values;
};

// Tokens over capacity / tokens routed, summed over the layer's experts, per snapshot.
QVector<LayerCurve> droppedShareCurves(const QVector<store::ExpertLoadRow>& rows, int layers);
// Entropy of the layer's load distribution (the experts' fractions) / log E per snapshot:
// 1 = every expert equally used, 0 = one expert takes all. Not the router's per-token entropy.
QVector<LayerCurve> loadEntropyCurves(const QVector<store::ExpertLoadRow>& rows, int layers);

// Rows = (layer, modality) pairs that routed tokens of that modality at the step; value = the
// share of that modality's tokens in the layer that went to each expert. In a shared tower
// this shows experts that specialise in image or text tokens (LIMoE).
struct ModalityShareGrid {
  qint64 step = -1;
  int experts = 0;
  QStringList rowLabels;  // "<layer> \u00b7 image"
  QVector<int> rowLayers;
  QStringList rowModalities;  // "image" | "text"
  QVector<double> share;      // rows x experts, row-major
  QVector<double> tokens;     // per row: the modality's tokens in the layer
};

ModalityShareGrid buildModalityShares(const QVector<store::ExpertLoadRow>& rows, const QStringList& layerNames,
                                      qint64 step);

// Probe-set tokens of each class routed to each expert of one layer at one routing snapshot.
struct ClassExpertMatrix {
  qint64 step = -1;
  int experts = 0;
  QStringList classes;     // rows, sorted
  QVector<double> tokens;  // classes x experts
  QVector<double> share;   // row-normalised: the class's tokens that went to each expert

  double classTotal(int row) const;
};

QVector<qint64> expertClassSteps(const QVector<store::ExpertClassRow>& rows);
// The routing snapshot nearest to `step`; experts = at least this many columns.
ClassExpertMatrix buildClassExpertMatrix(const QVector<store::ExpertClassRow>& rows, int layer, qint64 step,
                                         int experts);

}  // namespace vimoe::widgets
