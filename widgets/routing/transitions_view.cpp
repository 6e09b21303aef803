#include "routing/transitions_view.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

#include "routing/expert_palette.h"

namespace vimoe::widgets {
namespace {

constexpr int kMargin = 4;
constexpr int kGap = 16;
constexpr int kMatrixSide = 150;  // pixels the cells of one matrix share

int cellSize(int experts) {
  return std::clamp(kMatrixSide / std::max(1, experts), 5, 24);
}

QString percent(double share) {
  return std::isfinite(share) ? QStringLiteral("%1%").arg(100.0 * share, 0, 'f', 0) : QStringLiteral("\u2013");
}

}  // namespace

TransitionsView::TransitionsView(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
  policy.setHeightForWidth(true);
  setSizePolicy(policy);
}

QString TransitionsView::shortLayerName(const QString& name) {
  const int dot = static_cast<int>(name.indexOf(QLatin1Char('.')));
  return dot > 0 && (name.startsWith(QLatin1String("image.")) || name.startsWith(QLatin1String("text.")))
             ? name.mid(dot + 1)
             : name;
}

void TransitionsView::setTransitions(const QVector<LayerTransition>& transitions, const QStringList& layerNames) {
  m_transitions = transitions;
  m_layerNames = layerNames;
  m_blocks = layoutFor(width());
  updateGeometry();
  update();
}

QSize TransitionsView::blockSize() const {
  const QFontMetrics metrics(font());
  const int experts = m_transitions.isEmpty() ? 1 : m_transitions.front().experts;
  const int cell = cellSize(experts);
  const int matrix = cell * experts;
  const int textWidth = metrics.horizontalAdvance(QStringLiteral("same expert 100% \u00b7 follow 100%"));
  return {std::max(matrix + cell + 8, textWidth) + 8, 3 * metrics.height() + 10 + cell + matrix};
}

QVector<TransitionsView::Block> TransitionsView::layoutFor(int width) const {
  QVector<Block> blocks;
  const QSize size = blockSize();
  const QFontMetrics metrics(font());
  int x = kMargin, y = kMargin;
  for (const auto& t : m_transitions) {
    if (x > kMargin && x + size.width() > width - kMargin) {
      x = kMargin;
      y += size.height() + kGap;
    }
    Block block;
    block.frame = QRect(x, y, size.width(), size.height());
    block.cell = cellSize(t.experts);
    // Two title lines, then the row of "to" swatches, then the matrix beside the "from" swatches.
    const int top = y + 2 * metrics.height() + 6 + block.cell;
    block.matrix = QRect(x + block.cell + 4, top, block.cell * t.experts, block.cell * t.experts);
    blocks << block;
    x += size.width() + kGap;
  }
  return blocks;
}

int TransitionsView::heightForWidth(int width) const {
  const auto blocks = layoutFor(width);
  return blocks.isEmpty() ? QFontMetrics(font()).height() + 2 * kMargin : blocks.back().frame.bottom() + 1 + kMargin;
}

QSize TransitionsView::sizeHint() const {
  const QSize block = blockSize();
  const int perRow = std::max<int>(1, std::min<int>(3, static_cast<int>(m_transitions.size())));
  const int width = 2 * kMargin + perRow * block.width() + (perRow - 1) * kGap;
  return {width, heightForWidth(width)};
}

QRect TransitionsView::matrixCellRect(int transition, int from, int to) const {
  if (transition < 0 || transition >= m_blocks.size()) return {};
  const Block& b = m_blocks[transition];
  return QRect(b.matrix.left() + to * b.cell, b.matrix.top() + from * b.cell, b.cell, b.cell);
}

void TransitionsView::resizeEvent(QResizeEvent* event) {
  m_blocks = layoutFor(width());
  QWidget::resizeEvent(event);
}

void TransitionsView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  const QColor base = palette().color(QPalette::Base), text = palette().color(QPalette::Text);
  const QColor ink = palette().color(QPalette::Highlight).darker(120);
  const QFontMetrics metrics(font());
  if (m_transitions.isEmpty()) {
    painter.setPen(text);
    painter.drawText(rect().adjusted(kMargin, kMargin, -kMargin, -kMargin), Qt::AlignLeft | Qt::AlignTop,
                     tr("One MoE layer in this modality: no layer-to-layer transitions."));
    return;
  }
  for (int i = 0; i < m_transitions.size() && i < m_blocks.size(); ++i) {
    const LayerTransition& t = m_transitions[i];
    const Block& b = m_blocks[i];
    const QString from = shortLayerName(m_layerNames.value(t.fromLayer)),
                  to = shortLayerName(m_layerNames.value(t.toLayer));
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(text);
    painter.drawText(QPoint(b.frame.left(), b.frame.top() + metrics.ascent()),
                     tr("%1 \u2192 %2 \u00b7 %3 tokens").arg(from, to).arg(t.tokens));
    painter.setFont(font());
    painter.drawText(QPoint(b.frame.left(), b.frame.top() + metrics.height() + metrics.ascent() + 2),
                     tr("same expert %1 \u00b7 follow %2").arg(percent(t.sameExpertShare), percent(t.followShare)));
    for (int e = 0; e < t.experts; ++e) {
      const QRect top(b.matrix.left() + e * b.cell, b.matrix.top() - b.cell - 2, b.cell - 1, b.cell - 1);
      const QRect left(b.frame.left(), b.matrix.top() + e * b.cell, b.cell - 1, b.cell - 1);
      for (const QRect& swatch : {top, left}) {
        painter.fillRect(swatch, expertColor(e));
        if (b.cell >= 14) {
          painter.setPen(readableTextOn(expertColor(e)));
          painter.drawText(swatch, Qt::AlignCenter, QString::number(e));
        }
      }
      const double total = t.rowTotal(e);
      for (int next = 0; next < t.experts; ++next) {
        const QRect cell = matrixCellRect(i, e, next).adjusted(0, 0, -1, -1);
        painter.fillRect(cell, total > 0 ? blendOver(base, ink, t.count(e, next) / total)
                                         : palette().color(QPalette::AlternateBase));
      }
    }
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.drawRect(b.matrix.adjusted(-1, -1, -1, -1));
  }
}

bool TransitionsView::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    for (int i = 0; i < m_blocks.size() && i < m_transitions.size(); ++i) {
      const Block& b = m_blocks[i];
      if (!b.matrix.contains(help->pos())) continue;
      const LayerTransition& t = m_transitions[i];
      const int to = (help->pos().x() - b.matrix.left()) / b.cell, from = (help->pos().y() - b.matrix.top()) / b.cell;
      const double total = t.rowTotal(from);
      QToolTip::showText(help->globalPos(),
                         tr("E%1 \u2192 E%2: %3 of %4 tokens (%5)")
                             .arg(from)
                             .arg(to)
                             .arg(t.count(from, to))
                             .arg(total)
                             .arg(percent(total > 0 ? t.count(from, to) / total : NAN)),
                         this);
      return true;
    }
    QToolTip::hideText();
    return true;
  }
  return QWidget::event(event);
}

}  // namespace vimoe::widgets
