// Saving a curve plot for papers and notes: PNG and PDF through QCustomPlot, SVG through
// QSvgGenerator (QCustomPlot has no SVG writer), CSV from the raw series (NaN included, so the
// file says what the run logged, not what the plot could draw or smoothed).
#pragma once

#include <QString>

#include <vector>

#include "plot/curve_plot.h"
#include "vimoe/util/expected.h"

namespace vimoe::widgets {

// The format is chosen by the file suffix: .png, .pdf, .svg or .csv (case-insensitive).
Status exportCurvePlot(const CurvePlot& plot, const QString& path, const QString& metric);

// Wide format, ready for a spreadsheet or pandas: one row per step (the union of the series'
// steps, ascending), one column per series headed "<run> - <metric>" (W&B's export; a run name
// used twice gets " #<id>"). Raw values; NaN and infinities written as nan, inf, -inf; an empty
// cell where a run logged nothing at that step.
Status writeCurvesCsv(const std::vector<CurvePlot::Series>& series, const QString& metric, const QString& path);

// The file-dialog filter listing the formats above.
QString curveExportFilter();

}  // namespace vimoe::widgets
