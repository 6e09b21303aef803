// TokenChipsView: the probe caption as one chip per SentencePiece token, filled with the colour
// of the token's top-1 expert at opacity gateOpacity(gate). Pieces of one word sit close together and a new
// word ("\u2581" piece) starts after a wider gap, so subword splits stay visible; special
// tokens (<s>, </s>) are italic, dropped tokens have a dashed outline. Chips wrap like text.
#pragma once

#include <QRect>
#include <QVector>
#include <QWidget>

#include "routing/routing_data.h"

namespace vimoe::widgets {

class TokenChipsView : public QWidget {
  Q_OBJECT

 public:
  explicit TokenChipsView(QWidget* parent = nullptr);

  // experts: the run's E, for gateOpacity; 0 = not known (the raw gate is the opacity).
  void setChips(const QVector<TokenChip>& chips, int experts = 0);
  const QVector<TokenChip>& chips() const { return m_chips; }
  QRect chipRect(int index) const;  // in widget coordinates, for the current width
  int chipAt(const QPoint& position) const;

  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int width) const override;
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override { return {120, 28}; }

 Q_SIGNALS:
  void tokenClicked(int position);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  bool event(QEvent* event) override;

 private:
  QVector<QRect> layoutFor(int width) const;
  QFont chipFont(const TokenChip& chip) const;

  QVector<TokenChip> m_chips;
  QVector<QRect> m_rects;
  int m_experts = 0;
};

}  // namespace vimoe::widgets
