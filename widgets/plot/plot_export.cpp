#include "plot/plot_export.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextStream>

#include <cmath>

#include "plot/qcp.h"

namespace vimoe::widgets {
namespace {

Error exportError(const QString& path, const QString& what) {
  return Error::at(path.toStdString(), what.toStdString());
}

QString csvField(const QString& text) {
  if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))) return text;
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
  QTextStream out(&file);
  out << "run,metric,step,value\n";
  for (const auto& s : series)
    for (int i = 0; i < s.steps.size() && i < s.values.size(); ++i)
      out << csvField(s.name) << ',' << csvField(metric) << ',' << csvNumber(s.steps[i]) << ','
          << csvNumber(s.values[i]) << '\n';
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
    written = qcp.savePdf(path);
  else if (suffix == QLatin1String("svg"))
    return writeSvg(qcp, path);
  else
    return exportError(path, QStringLiteral("unknown export format '.%1': use .png, .pdf, .svg or .csv").arg(suffix));
  if (!written) return exportError(path, QStringLiteral("cannot write the %1 file").arg(suffix.toUpper()));
  return okStatus();
}

}  // namespace vimoe::widgets
