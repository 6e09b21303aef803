#include "routing/token_chips_view.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

#include "routing/expert_palette.h"
#include "routing/patch_overlay_view.h"

namespace vimoe::widgets {
namespace {

constexpr int kMargin = 4;
constexpr int kPadding = 5;
constexpr int kPieceGap = 2;  // between pieces of one word
constexpr int kWordGap = 9;   // before a piece that starts a word
constexpr int kLineGap = 6;

}  // namespace

TokenChipsView::TokenChipsView(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
  policy.setHeightForWidth(true);
  setSizePolicy(policy);
}

void TokenChipsView::setChips(const QVector<TokenChip>& chips, int experts) {
  m_chips = chips;
  m_experts = experts;
  m_rects = layoutFor(width());
  updateGeometry();
  update();
}

QFont TokenChipsView::chipFont(const TokenChip& chip) const {
  QFont f = font();
  f.setItalic(chip.special);
  return f;
}

QVector<QRect> TokenChipsView::layoutFor(int width) const {
  QVector<QRect> rects;
  const int lineHeight = QFontMetrics(font()).height() + 2 * kPadding - 2;
  int x = kMargin, y = kMargin;
  for (int i = 0; i < m_chips.size(); ++i) {
    const TokenChip& chip = m_chips[i];
    const QString text = chip.text.trimmed().isEmpty() ? chip.text : chip.text.trimmed();
    const int w = std::max(QFontMetrics(chipFont(chip)).horizontalAdvance(text) + 2 * kPadding, 14);
    const bool startsWord = i == 0 || chip.text.startsWith(QLatin1Char(' ')) || chip.special || m_chips[i - 1].special;
    int left = i == 0 ? kMargin : x + (startsWord ? kWordGap : kPieceGap);
    if (i > 0 && left + w > width - kMargin) {
      left = kMargin;
      y += lineHeight + kLineGap;
    }
    rects << QRect(left, y, w, lineHeight);
    x = left + w;
  }
  return rects;
}

QRect TokenChipsView::chipRect(int index) const {
  return index >= 0 && index < m_rects.size() ? m_rects[index] : QRect();
}

int TokenChipsView::chipAt(const QPoint& position) const {
  for (int i = 0; i < m_rects.size(); ++i)
    if (m_rects[i].contains(position)) return i;
  return -1;
}

int TokenChipsView::heightForWidth(int width) const {
  const auto rects = layoutFor(width);
  return rects.isEmpty() ? 28 : rects.back().bottom() + 1 + kMargin;
}

QSize TokenChipsView::sizeHint() const {
  return {360, heightForWidth(360)};
}

void TokenChipsView::resizeEvent(QResizeEvent* event) {
  m_rects = layoutFor(width());
  QWidget::resizeEvent(event);
}

void TokenChipsView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  const QColor base = palette().color(QPalette::Base);
  for (int i = 0; i < m_chips.size() && i < m_rects.size(); ++i) {
    const TokenChip& chip = m_chips[i];
    const QRectF rect = QRectF(m_rects[i]).adjusted(0.5, 0.5, -0.5, -0.5);
    const QColor fill = chip.route.present()
                            ? blendOver(base, expertColor(chip.route.expert), gateOpacity(chip.route.gate, m_experts))
                            : base;
    painter.setBrush(fill);
    QPen border(chip.route.present() ? expertColor(chip.route.expert).darker(130) : palette().color(QPalette::Mid), 1);
    if (chip.route.dropped) border = QPen(palette().color(QPalette::Text), 1.6, Qt::DashLine);
    painter.setPen(border);
    painter.drawRoundedRect(rect, 4, 4);
    painter.setFont(chipFont(chip));
    painter.setPen(readableTextOn(fill));
    const QString text = chip.text.trimmed().isEmpty() ? chip.text : chip.text.trimmed();
    painter.drawText(m_rects[i], Qt::AlignCenter, text);
  }
}

void TokenChipsView::mousePressEvent(QMouseEvent* event) {
  const int index = chipAt(event->position().toPoint());
  if (index >= 0) Q_EMIT tokenClicked(m_chips[index].position);
  QWidget::mousePressEvent(event);
}

bool TokenChipsView::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const int index = chipAt(help->pos());
    if (index < 0) {
      QToolTip::hideText();
    } else {
      const TokenChip& chip = m_chips[index];
      QToolTip::showText(help->globalPos(),
                         tr("token %1 \u201c%2\u201d\n%3").arg(chip.position).arg(chip.text, describeRoute(chip.route)),
                         this);
    }
    return true;
  }
  return QWidget::event(event);
}

}  // namespace vimoe::widgets
