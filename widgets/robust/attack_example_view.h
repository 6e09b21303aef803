// AttackExampleView: one attacked example of a sweep side by side: the original image, the
// adversarial one, their difference amplified to the full range ((adv - clean) / 2 eps + 0.5),
// the ground truth and the prediction before -> after with its confidence, the question or
// caption, and for a chosen image MoE layer the top-1 expert of every patch before and after,
// the changed patches outlined and counted.
#pragma once

#include <QWidget>

#include "robust/attack_data.h"

class QComboBox;
class QLabel;

namespace vimoe::widgets {

class ChangedPatchesView;
class EmptyState;
class PixelImageView;

class AttackExampleView : public QWidget {
  Q_OBJECT

 public:
  explicit AttackExampleView(QWidget* parent = nullptr);

  // Keeps the chosen example (same sample and eps) and layer when the run has them.
  void setRun(const AttackRun& run);
  void clear();

  int exampleCount() const;
  int currentExample() const;  // index into run.examples; -1 none
  void setExample(int index);
  bool selectExample(int sample, double eps);  // false when the run has no such example
  QString currentLayer() const;
  void setLayer(const QString& layer);

  QString predictionText() const;  // "truth …  ·  before … (92%) → after … (31%)"
  QString promptText() const;
  QString changeText() const;      // "5 of 16 patches (31%) changed expert" or why there are none
  const PatchChange& patchChange() const { return m_patchChange; }
  bool isShowingMessage() const;
  QString message() const;

  PixelImageView* cleanView() const { return m_clean; }
  PixelImageView* adversarialView() const { return m_adversarial; }
  PixelImageView* differenceView() const { return m_difference; }
  ChangedPatchesView* beforeView() const { return m_before; }
  ChangedPatchesView* afterView() const { return m_after; }

 private:
  void fillLayers();
  void redraw();

  QComboBox* m_exampleBox;
  QComboBox* m_layerBox;
  PixelImageView* m_clean;
  PixelImageView* m_adversarial;
  PixelImageView* m_difference;
  ChangedPatchesView* m_before;
  ChangedPatchesView* m_after;
  QWidget* m_routingBox;  // the two expert grids; hidden for dense runs
  QLabel* m_prompt;
  QLabel* m_prediction;
  QLabel* m_changeLabel;
  EmptyState* m_stack;
  AttackRun m_run;
  PatchChange m_patchChange;
};

}  // namespace vimoe::widgets
