#include "robust/attack_image_views.h"

#include <QPainter>

#include <algorithm>

namespace vimoe::widgets {

PixelImageView::PixelImageView(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void PixelImageView::setImage(const QImage& image) {
  m_image = image;
  update();
}

QRect PixelImageView::imageRect() const {
  int side = std::max(0, std::min(width(), height()) - 2);
  // Whole multiples of the image size where they fit: every source pixel the same size on screen.
  if (!m_image.isNull() && m_image.width() > 0 && side >= m_image.width()) side -= side % m_image.width();
  return QRect((width() - side) / 2, (height() - side) / 2, side, side);
}

void PixelImageView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  const QRect area = imageRect();
  if (area.isEmpty()) return;
  if (m_image.isNull()) {
    painter.fillRect(area, PatchOverlayView::neutralBackground());
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, tr("no image"));
  } else {
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);  // nearest: crisp pixels
    painter.drawImage(area, m_image);
  }
  painter.setPen(QPen(palette().color(QPalette::Mid), 1));
  painter.drawRect(area.adjusted(0, 0, -1, -1));
}

ChangedPatchesView::ChangedPatchesView(QWidget* parent) : PatchOverlayView(parent) {
  setOverlayStrength(0.7);  // the image stays visible under the expert colours
}

void ChangedPatchesView::setChanged(const QVector<bool>& changed) {
  m_changed = changed;
  update();
}

void ChangedPatchesView::paintEvent(QPaintEvent* event) {
  PatchOverlayView::paintEvent(event);
  const int side = grid().side;
  if (side <= 0) return;
  QPainter painter(this);
  // A white line inside a dark one reads on every expert colour.
  for (int p = 0; p < std::min<qsizetype>(m_changed.size(), qsizetype(side) * side); ++p) {
    if (!m_changed[p]) continue;
    const QRectF cell = patchRect(p / side, p % side).adjusted(2, 2, -2, -2);
    painter.setPen(QPen(QColor(0, 0, 0, 220), 4));
    painter.drawRect(cell);
    painter.setPen(QPen(outlineColor(), 2));
    painter.drawRect(cell);
  }
}

}  // namespace vimoe::widgets
