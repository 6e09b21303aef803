// ExpertDetailViews: the Experts panel's tabs beyond "over training" (which the panel owns):
// a layer x expert heatmap at one snapshot with dead experts in the marked colour and
// overloaded ones outlined, dropped share and entropy over training per layer, per-modality
// shares per expert, and the probe set's expert x class matrix. One snapshot of the run's
// expert-load rows feeds them all; the panel says which layer and step to show.
#pragma once

#include <QTabWidget>
#include <QVector>

#include "bridge/store_types.h"
#include "experts/expert_stats.h"

class QComboBox;
class QLabel;
class QCPItemRect;

namespace vimoe::widgets {

class CurvePlot;
class EmptyState;
class HeatmapPlot;

class ExpertDetailViews : public QTabWidget {
  Q_OBJECT

 public:
  enum class Entropy { Router, Load };

  explicit ExpertDetailViews(QWidget* parent = nullptr);

  // layer: index into snapshot.layers (-1 none); step: an expert-load snapshot step.
  void showSnapshot(const ExpertLoadSnapshot& snapshot, int layer, qint64 step);

  const LayerExpertGrid& layerExpertGrid() const { return m_layerGrid; }
  const ModalityShareGrid& modalityGrid() const { return m_modalityGrid; }
  const ClassExpertMatrix& classMatrix() const { return m_classMatrix; }
  Entropy entropyKind() const;  // Router when the run logged moe/<layer>/router_entropy
  HeatmapPlot* layerExpertMap() const { return m_layerMap; }
  HeatmapPlot* modalityMap() const { return m_modalityMap; }
  HeatmapPlot* classMap() const { return m_classMap; }
  CurvePlot* droppedPlot() const { return m_droppedPlot; }
  CurvePlot* entropyPlot() const { return m_entropyPlot; }
  QString layerSummary() const;
  int overloadMarkCount() const { return static_cast<int>(m_overloadMarks.size()); }

  EmptyState* layerExpertPage() const { return m_layerPage; }
  EmptyState* droppedPage() const { return m_droppedPage; }
  EmptyState* entropyPage() const { return m_entropyPage; }
  EmptyState* modalityPage() const { return m_modalityPage; }
  EmptyState* classPage() const { return m_classPage; }

 private:
  void showLayerExpert(qint64 step);
  void showCurves();
  void showModality(qint64 step);
  void showClasses(int layer, qint64 step);
  void markOverloaded();

  HeatmapPlot* m_layerMap;
  QLabel* m_layerNote;
  EmptyState* m_layerPage;
  CurvePlot* m_droppedPlot;
  EmptyState* m_droppedPage;
  QComboBox* m_entropyBox;
  CurvePlot* m_entropyPlot;
  QLabel* m_entropyNote;
  EmptyState* m_entropyPage;
  HeatmapPlot* m_modalityMap;
  QLabel* m_modalityNote;
  EmptyState* m_modalityPage;
  HeatmapPlot* m_classMap;
  QLabel* m_classNote;
  EmptyState* m_classPage;

  ExpertLoadSnapshot m_snapshot;
  LayerExpertGrid m_layerGrid;
  ModalityShareGrid m_modalityGrid;
  ClassExpertMatrix m_classMatrix;
  QVector<QCPItemRect*> m_overloadMarks;
  QString m_curvesShownFor;  // run and rows the curves were drawn from, to keep a zoom
};

}  // namespace vimoe::widgets
