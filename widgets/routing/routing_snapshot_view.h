// RoutingSnapshotView: the drawing half of the routing inspector, for one probe sample of one
// loaded snapshot: the image patch overlay with its class token and legend, the caption chips,
// and the token paths with the layer-to-layer transitions. Each section has its own layer or
// modality chooser; choosing runs, steps and samples is the panel's job.
#pragma once

#include <QImage>
#include <QVector>
#include <QWidget>

#include "bridge/store_types.h"
#include "routing/routing_data.h"

class QComboBox;
class QLabel;
class QScrollArea;
class QSlider;

namespace vimoe::widgets {

class PatchOverlayView;
class TokenChipsView;
class TokenPathsView;
class TransitionsView;

class RoutingSnapshotView : public QWidget {
  Q_OBJECT

 public:
  explicit RoutingSnapshotView(QWidget* parent = nullptr);

  // images[i] belongs to snapshot.probes[i] (null: missing); sample = a probe sample index.
  void setSnapshot(const RoutingSnapshot& snapshot, const QVector<QImage>& images, int sample);

  QString currentImageLayer() const;
  void setImageLayer(const QString& name);
  QString currentTextLayer() const;
  void setTextLayer(const QString& name);
  RoutingModality pathModality() const;
  void setPathModality(RoutingModality modality);
  double overlayStrength() const;
  void setOverlayStrength(double strength);

  QString imageNote() const;
  QString classTokenText() const;
  QString legendText() const;
  PatchOverlayView* patchView() const { return m_patches; }
  TokenChipsView* chipsView() const { return m_chips; }
  TokenPathsView* pathsView() const { return m_paths; }
  TransitionsView* transitionsView() const { return m_transitions; }

 private:
  void buildLayout();
  void fillLayerBoxes();
  void redraw();
  void redrawImage(int experts);
  void redrawText(int experts);
  void redrawPaths(int experts);
  void highlightToken(RoutingModality modality, int token);
  int probeIndex() const;  // of m_sample in m_snapshot.probes; -1 none
  const store::ProbeSample* probe() const;

  QComboBox* m_imageLayerBox;
  QSlider* m_strengthSlider;
  PatchOverlayView* m_patches;
  QLabel* m_classToken;
  QLabel* m_legend;
  QLabel* m_imageNote;
  QComboBox* m_textLayerBox;
  TokenChipsView* m_chips;
  QLabel* m_textNote;
  QComboBox* m_pathModalityBox;
  QLabel* m_pathsNote;
  QScrollArea* m_pathsScroll;
  TokenPathsView* m_paths;
  QLabel* m_transitionsTitle;
  TransitionsView* m_transitions;

  RoutingSnapshot m_snapshot;
  QVector<QImage> m_images;
  int m_sample = -1;
};

}  // namespace vimoe::widgets
