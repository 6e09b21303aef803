#include "routing/token_paths_view.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

#include "routing/expert_palette.h"
#include "routing/patch_overlay_view.h"

namespace vimoe::widgets {
namespace {

constexpr int kMargin = 4;
constexpr int kMaxLabelWidth = 150;

}  // namespace

TokenPathsView::TokenPathsView(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  relayout();
}

void TokenPathsView::setPaths(const TokenPaths& paths, const QStringList& tokenLabels, const QStringList& layerLabels) {
  m_paths = paths;
  m_tokenLabels = tokenLabels;
  m_layerLabels = layerLabels;
  relayout();
  update();
}

void TokenPathsView::setHighlightedToken(int token) {
  m_highlighted = token;
  update();
}

void TokenPathsView::relayout() {
  const QFontMetrics metrics(font());
  m_rowHeight = metrics.height() + 4;
  m_headerHeight = metrics.height() + 8;
  m_labelWidth = metrics.horizontalAdvance(QStringLiteral("token")) + 8;
  for (const QString& label : m_tokenLabels)
    m_labelWidth = std::max(m_labelWidth, std::min(kMaxLabelWidth, metrics.horizontalAdvance(label) + 10));
  m_columnWidth = metrics.horizontalAdvance(QStringLiteral("E00")) + 16;
  for (const QString& label : m_layerLabels)
    m_columnWidth = std::max(m_columnWidth, metrics.horizontalAdvance(label) + 10);
  setFixedSize(sizeHint());
}

QSize TokenPathsView::sizeHint() const {
  return {2 * kMargin + m_labelWidth + m_columnWidth * static_cast<int>(m_paths.layers.size()),
          2 * kMargin + m_headerHeight + m_rowHeight * static_cast<int>(m_paths.tokens.size())};
}

QRect TokenPathsView::cellRect(int tokenRow, int layerColumn) const {
  return QRect(kMargin + m_labelWidth + layerColumn * m_columnWidth, kMargin + m_headerHeight + tokenRow * m_rowHeight,
               m_columnWidth, m_rowHeight);
}

QRect TokenPathsView::rowRect(int tokenRow) const {
  return QRect(kMargin, kMargin + m_headerHeight + tokenRow * m_rowHeight,
               m_labelWidth + m_columnWidth * static_cast<int>(m_paths.layers.size()), m_rowHeight);
}

int TokenPathsView::rowOfToken(int token) const {
  return static_cast<int>(m_paths.tokens.indexOf(token));
}

void TokenPathsView::paintEvent(QPaintEvent* event) {
  QPainter painter(this);
  const QColor text = palette().color(QPalette::Text);
  painter.fillRect(rect(), palette().color(QPalette::Base));
  painter.setPen(text);
  QFont bold = font();
  bold.setBold(true);
  painter.setFont(bold);
  painter.drawText(QRect(kMargin, kMargin, m_labelWidth - 4, m_headerHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("token"));
  for (int c = 0; c < m_layerLabels.size(); ++c)
    painter.drawText(QRect(kMargin + m_labelWidth + c * m_columnWidth, kMargin, m_columnWidth, m_headerHeight),
                     Qt::AlignCenter, m_layerLabels[c]);
  painter.setFont(font());
  const int columns = static_cast<int>(m_paths.layers.size());
  for (int r = 0; r < m_paths.tokens.size(); ++r) {
    const QRect row = rowRect(r);
    if (!row.intersects(event->rect())) continue;
    painter.setPen(text);
    const QString label = r < m_tokenLabels.size() ? m_tokenLabels[r] : QString::number(m_paths.tokens[r]);
    painter.drawText(QRect(row.left(), row.top(), m_labelWidth - 6, m_rowHeight), Qt::AlignRight | Qt::AlignVCenter,
                     QFontMetrics(font()).elidedText(label, Qt::ElideRight, m_labelWidth - 6));
    for (int c = 0; c < columns; ++c) {
      const TokenRoute& route = m_paths.at(r, c);
      const QRect cell = cellRect(r, c).adjusted(1, 1, -1, -1);
      if (!route.present()) {
        painter.fillRect(cell, palette().color(QPalette::AlternateBase));
        continue;
      }
      const QColor fill = expertColor(route.expert);
      painter.fillRect(cell, fill);
      if (route.dropped) painter.fillRect(cell, QBrush(QColor(0, 0, 0, 150), Qt::BDiagPattern));
      painter.setPen(readableTextOn(fill));
      painter.drawText(cell, Qt::AlignCenter, QString::number(route.expert));
    }
    if (m_paths.tokens[r] == m_highlighted) {
      painter.setPen(QPen(text, 2));
      painter.drawRect(row.adjusted(1, 0, -1, -1));
    }
  }
}

bool TokenPathsView::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const QPoint p = help->pos() - QPoint(kMargin + m_labelWidth, kMargin + m_headerHeight);
    const int row = p.y() >= 0 ? p.y() / m_rowHeight : -1, column = p.x() >= 0 ? p.x() / m_columnWidth : -1;
    if (row < 0 || column < 0 || row >= m_paths.tokens.size() || column >= m_paths.layers.size()) {
      QToolTip::hideText();
    } else {
      const QString token = row < m_tokenLabels.size() ? m_tokenLabels[row] : QString::number(m_paths.tokens[row]);
      const QString layer = column < m_layerLabels.size() ? m_layerLabels[column] : QString();
      QToolTip::showText(help->globalPos(),
                         tr("%1 in %2\n%3").arg(token, layer, describeRoute(m_paths.at(row, column))), this);
    }
    return true;
  }
  return QWidget::event(event);
}

}  // namespace vimoe::widgets
