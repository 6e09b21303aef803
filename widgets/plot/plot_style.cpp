#include "plot/plot_style.h"

#include <array>

#include "plot/qcp.h"

namespace vimoe::widgets {

void styleAxis(QCPAxis* axis, const QColor& text, const QColor& grid) {
  const QPen axisPen(text, 1);
  axis->setBasePen(axisPen);
  axis->setTickPen(axisPen);
  axis->setSubTickPen(axisPen);
  axis->setTickLabelColor(text);
  axis->setLabelColor(text);
  axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
  axis->grid()->setZeroLinePen(Qt::NoPen);
}

void applyPaletteToPlot(QCustomPlot& plot, const QPalette& palette) {
  const QColor base = palette.color(QPalette::Base);
  const QColor text = palette.color(QPalette::Text);
  QColor grid = palette.color(QPalette::Mid);
  plot.setBackground(base);
  // Only the main axis rect: a colour scale's inner rect must keep painting its gradient.
  if (QCPAxisRect* rect = plot.axisRect()) {
    rect->setBackground(base);
    for (QCPAxis* axis : rect->axes()) styleAxis(axis, text, grid);
  }
  if (plot.legend) {
    plot.legend->setBrush(base);
    plot.legend->setBorderPen(QPen(grid));
    plot.legend->setTextColor(text);
  }
}

QColor seriesColor(int index) {
  static const std::array<QColor, 7> colors = {QColor(0, 114, 178),  QColor(213, 94, 0),  QColor(0, 158, 115),
                                               QColor(204, 121, 167), QColor(230, 159, 0), QColor(86, 180, 233),
                                               QColor(120, 120, 120)};
  return colors[static_cast<std::size_t>(index) % colors.size()];
}

}  // namespace vimoe::widgets
