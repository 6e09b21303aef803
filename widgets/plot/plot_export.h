// Saving a curve plot for papers and notes: PNG and PDF through QCustomPlot, SVG through
// QSvgGenerator (QCustomPlot has no SVG writer), CSV from the raw series (NaN included, so the
// file says what the run logged, not what the plot could draw).
#pragma once

#include <QString>

#include <vector>

#include "plot/curve_plot.h"
#include "vimoe/util/expected.h"

namespace vimoe::widgets {

// The format is chosen by the file suffix: .png, .pdf, .svg or .csv (case-insensitive).
Status exportCurvePlot(const CurvePlot& plot, const QString& path, const QString& metric);

// Long format, one row per point: run,metric,step,value.
Status writeCurvesCsv(const std::vector<CurvePlot::Series>& series, const QString& metric, const QString& path);

// The file-dialog filter listing the formats above.
QString curveExportFilter();

}  // namespace vimoe::widgets
