#include "routing/patch_overlay_view.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

#include "routing/expert_palette.h"

namespace vimoe::widgets {

QString describeRoute(const TokenRoute& route) {
  if (!route.present()) return QObject::tr("no routing row");
  QStringList choices;
  for (int c = 0; c < route.experts.size(); ++c) {
    QString choice =
        QObject::tr("E%1 %2").arg(route.experts[c]).arg(c < route.gates.size() ? route.gates[c] : 0.0, 0, 'f', 2);
    if (c < route.kept.size() && route.kept[c] == 0) choice += QObject::tr(" (dropped)");
    choices << choice;
  }
  return choices.join(QStringLiteral(" \u00b7 "));
}

PatchOverlayView::PatchOverlayView(QWidget* parent) : QWidget(parent) {
  setMouseTracking(true);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void PatchOverlayView::setImage(const QImage& image) {
  m_image = image;
  update();
}

void PatchOverlayView::setGrid(const PatchGrid& grid, int experts) {
  m_grid = grid;
  m_experts = experts;
  update();
}

void PatchOverlayView::setOverlayStrength(double strength) {
  m_strength = std::clamp(strength, 0.0, 1.0);
  update();
}

QRect PatchOverlayView::imageRect() const {
  const int side = std::max(0, std::min(width(), height()) - 2);
  return QRect((width() - side) / 2, 1, side, side);
}

QRectF PatchOverlayView::patchRect(int row, int column) const {
  if (m_grid.side <= 0) return {};
  const QRectF area(imageRect());
  const double cell = area.width() / m_grid.side;
  return QRectF(area.left() + column * cell, area.top() + row * cell, cell, cell);
}

int PatchOverlayView::tokenAt(const QPoint& position) const {
  const QRect area = imageRect();
  if (m_grid.side <= 0 || !area.contains(position)) return -1;
  const double cell = double(area.width()) / m_grid.side;
  const int column = std::min(m_grid.side - 1, int((position.x() - area.left()) / cell));
  const int row = std::min(m_grid.side - 1, int((position.y() - area.top()) / cell));
  return 1 + row * m_grid.side + column;
}

void PatchOverlayView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  const QRect area = imageRect();
  if (area.isEmpty()) return;
  if (m_image.isNull()) {
    painter.fillRect(area, neutralBackground());
  } else {
    // Upscaled probe images keep their pixels crisp; large photos are smoothed when shrunk.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, m_image.width() > area.width());
    painter.drawImage(area, m_image);
  }
  if (m_grid.side <= 0) return;
  for (int r = 0; r < m_grid.side; ++r) {
    for (int c = 0; c < m_grid.side; ++c) {
      const TokenRoute& route = m_grid.at(r, c);
      if (!route.present()) continue;
      const QRectF cell = patchRect(r, c);
      QColor color = expertColor(route.expert);
      color.setAlphaF(static_cast<float>(gateOpacity(route.gate, m_experts) * m_strength));
      painter.fillRect(cell, color);
      if (route.dropped) {
        painter.fillRect(cell, QBrush(QColor(0, 0, 0, 170), Qt::BDiagPattern));
        painter.setPen(QPen(QColor(0, 0, 0, 200), 2, Qt::DashLine));
        painter.drawRect(cell.adjusted(1, 1, -1, -1));
      }
    }
  }
  // Thin patch borders, light enough not to change how a patch's colour reads.
  painter.setPen(QPen(QColor(255, 255, 255, 70), 1));
  for (int i = 1; i < m_grid.side; ++i) {
    const double offset = i * double(area.width()) / m_grid.side;
    painter.drawLine(QPointF(area.left() + offset, area.top()), QPointF(area.left() + offset, area.bottom() + 1));
    painter.drawLine(QPointF(area.left(), area.top() + offset), QPointF(area.right() + 1, area.top() + offset));
  }
  painter.setPen(QPen(palette().color(QPalette::Mid), 1));
  painter.drawRect(area.adjusted(0, 0, -1, -1));
}

void PatchOverlayView::mousePressEvent(QMouseEvent* event) {
  const int token = tokenAt(event->position().toPoint());
  if (token >= 0) Q_EMIT tokenClicked(token);
  QWidget::mousePressEvent(event);
}

bool PatchOverlayView::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const int token = tokenAt(help->pos());
    if (token < 0) {
      QToolTip::hideText();
    } else {
      const int row = (token - 1) / m_grid.side, column = (token - 1) % m_grid.side;
      QToolTip::showText(help->globalPos(),
                         tr("patch row %1, column %2 (token %3)\n%4")
                             .arg(row)
                             .arg(column)
                             .arg(token)
                             .arg(describeRoute(m_grid.at(row, column))),
                         this);
    }
    return true;
  }
  return QWidget::event(event);
}

}  // namespace vimoe::widgets
