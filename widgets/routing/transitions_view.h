// TransitionsView: for each pair of adjacent MoE layers of one modality, an expert x expert
// matrix of where the tokens of each expert go next (row-normalised: a dark cell = most tokens
// of that expert take this expert next), titled with the share that keep the same expert number
// and the share that follow their expert's most common successor. Expert numbers of two layers
// are different weights, so "follow" is the telling one: 1 = the first choice decides the
// second, about 1/E = independent.
#pragma once

#include <QStringList>
#include <QWidget>

#include "routing/routing_data.h"

namespace vimoe::widgets {

class TransitionsView : public QWidget {
  Q_OBJECT

 public:
  explicit TransitionsView(QWidget* parent = nullptr);

  // layerNames: all of the run's layer names (transitions name them by index).
  void setTransitions(const QVector<LayerTransition>& transitions, const QStringList& layerNames);
  const QVector<LayerTransition>& transitions() const { return m_transitions; }
  QRect matrixCellRect(int transition, int from, int to) const;
  static QString shortLayerName(const QString& name);  // "image.blocks.1" -> "blocks.1"

  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int width) const override;
  QSize sizeHint() const override;

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  bool event(QEvent* event) override;

 private:
  struct Block {
    QRect frame;
    QRect matrix;  // the experts x experts cells
    int cell = 0;
  };
  QVector<Block> layoutFor(int width) const;
  QSize blockSize() const;

  QVector<LayerTransition> m_transitions;
  QStringList m_layerNames;
  QVector<Block> m_blocks;
};

}  // namespace vimoe::widgets
