// TokenPathsView: how each token of one probe sample travels through the MoE layers of its
// modality: rows = tokens (class token and patches, or caption pieces), columns = layers, each
// cell in its top-1 expert's colour with the expert number (solid: the path is about which
// expert; the gate is in the tooltip). Meant to sit in a QScrollArea: its size is its content.
#pragma once

#include <QStringList>
#include <QWidget>

#include "routing/routing_data.h"

namespace vimoe::widgets {

class TokenPathsView : public QWidget {
  Q_OBJECT

 public:
  explicit TokenPathsView(QWidget* parent = nullptr);

  // tokenLabels: one per paths.tokens; layerLabels: one per paths.layers.
  void setPaths(const TokenPaths& paths, const QStringList& tokenLabels, const QStringList& layerLabels);
  const TokenPaths& paths() const { return m_paths; }
  void setHighlightedToken(int token);  // -1: none
  QRect cellRect(int tokenRow, int layerColumn) const;
  QRect rowRect(int tokenRow) const;
  int rowOfToken(int token) const;

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override { return sizeHint(); }

 protected:
  void paintEvent(QPaintEvent* event) override;
  bool event(QEvent* event) override;

 private:
  void relayout();

  TokenPaths m_paths;
  QStringList m_tokenLabels;
  QStringList m_layerLabels;
  int m_highlighted = -1;
  int m_labelWidth = 60;
  int m_columnWidth = 56;
  int m_rowHeight = 18;
  int m_headerHeight = 22;
};

}  // namespace vimoe::widgets
