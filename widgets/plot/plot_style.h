// QCustomPlot paints with its own pens and brushes, not the widget palette; this applies a
// palette's colours (light or dark theme) to a plot's background, axes, grid and legend.
#pragma once

#include <QColor>
#include <QPalette>

class QCPAxis;
class QCustomPlot;

namespace vimoe::widgets {

void applyPaletteToPlot(QCustomPlot& plot, const QPalette& palette);
void styleAxis(QCPAxis* axis, const QColor& text, const QColor& grid);

// Distinct, colour-blind-friendly line colours (Okabe-Ito), cycled by series index.
QColor seriesColor(int index);

}  // namespace vimoe::widgets
