#include "plot/plot_export.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextStream>

#include <algorithm>
#include <cmath>

#include "plot/qcp.h"

namespace vimoe::widgets {
namespace {

Error exportError(const QString& path, const QString& what) {
  return Error::at(path.toStdString(), what.toStdString());
}

QString csvField(const QString& text) {
  if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
    return text;
  QString escaped = text;
  escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
  return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString csvNumber(double value) {
  if (std::isnan(value)) return QStringLiteral("nan");
  if (std::isinf(value)) return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
  return QString::number(value, 'g', 17);
}

Status writeSvg(QCustomPlot& plot, const QString& path) {
  const int width = plot.width(), height = plot.height();
  QSvgGenerator generator;
  generator.setFileName(path);
  generator.setSize(QSize(width, height));
  generator.setViewBox(QRect(0, 0, width, height));
  generator.setTitle(QStringLiteral("ViMoE curves"));
  QCPPainter painter;
  if (!painter.begin(&generator)) return exportError(path, QStringLiteral("cannot write the SVG file"));
  plot.toPainter(&painter, width, height);
  painter.end();
  if (!QFileInfo::exists(path)) return exportError(path, QStringLiteral("the SVG file was not written"));
  return okStatus();
}

}  // namespace

QString curveExportFilter() {
  return QStringLiteral("PNG image (*.png);;PDF document (*.pdf);;SVG image (*.svg);;CSV table (*.csv)");
}

Status writeCurvesCsv(const std::vector<CurvePlot::Series>& series, const QString& metric, const QString& path) {
  QSaveFile file(path);  // atomic: a failed export never leaves half a file behind
  if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
    return exportError(path, QStringLiteral("cannot write: ") + file.errorString());

  // Each series' rows in step order (a later row wins a repeated step); the table's steps.
  std::vector<std::vector<int>> order(series.size());
  std::vector<double> steps;
  for (std::size_t s = 0; s < series.size(); ++s) {
    const auto& one = series[s];
    const int count = static_cast<int>(std::min(one.steps.size(), one.values.size()));
    for (int i = 0; i < count; ++i)
      if (std::isfinite(one.steps[i])) order[s].push_back(i);
    std::stable_sort(order[s].begin(), order[s].end(), [&one](int a, int b) { return one.steps[a] < one.steps[b]; });
    for (int i : order[s]) steps.push_back(one.steps[i]);
  }
  std::sort(steps.begin(), steps.end());
  steps.erase(std::unique(steps.begin(), steps.end()), steps.end());

  QTextStream out(&file);
  out << "step";
  for (const auto& one : series) {
    QString name = one.name;
    const auto sameName =
        std::count_if(series.begin(), series.end(), [&one](const auto& s) { return s.name == one.name; });
    if (sameName > 1) name += QStringLiteral(" #%1").arg(one.id);
    if (!metric.isEmpty()) name += QStringLiteral(" - ") + metric;
    out << ',' << csvField(name);
  }
  out << '\n';
  std::vector<std::size_t> cursor(series.size(), 0);
  for (double step : steps) {
    out << csvNumber(step);
    for (std::size_t s = 0; s < series.size(); ++s) {
      const auto& rows = order[s];
      std::size_t& c = cursor[s];
      out << ',';
      if (c >= rows.size() || series[s].steps[rows[c]] != step) continue;
      while (c + 1 < rows.size() && series[s].steps[rows[c + 1]] == step) ++c;
      out << csvNumber(series[s].values[rows[c]]);
      ++c;
    }
    out << '\n';
  }
  out.flush();
  if (!file.commit()) return exportError(path, QStringLiteral("cannot write: ") + file.errorString());
  return okStatus();
}

Status exportCurvePlot(const CurvePlot& plot, const QString& path, const QString& metric) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QLatin1String("csv")) return writeCurvesCsv(plot.series(), metric, path);
  QCustomPlot& qcp = *plot.customPlot();
  bool written = false;
  if (suffix == QLatin1String("png"))
    written = qcp.savePng(path, 0, 0, 2.0);  // twice the screen size: sharp in slides
  else if (suffix == QLatin1String("pdf"))
    written = qcp.savePdf(path, 0, 0, QCP::epAllowCosmetic, QStringLiteral("ViMoE Workbench"), metric);
  else if (suffix == QLatin1String("svg"))
    return writeSvg(qcp, path);
  else
    return exportError(path, QStringLiteral("unknown export format '.%1': use .png, .pdf, .svg or .csv").arg(suffix));
  if (!written) return exportError(path, QStringLiteral("cannot write the %1 file").arg(suffix.toUpper()));
  return okStatus();
}

}  // namespace vimoe::widgets
