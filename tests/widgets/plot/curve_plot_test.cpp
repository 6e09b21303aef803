// The QCustomPlot adapter: non-finite values never reach a graph, log-y skips non-positive
// values and gives them back on a linear axis, redraws are coalesced, exports write files.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

#include "plot/curve_plot.h"
#include "plot/plot_export.h"
#include "plot/qcp.h"
#include "support/test_registry.h"

namespace vimoe::widgets {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

class CurvePlotTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void skipsNonFiniteValues() {
    CurvePlot plot;
    plot.addSeries(7, QStringLiteral("dense"));
    plot.setSeriesPoints(7, {1, 2, 3, 4, 5}, {2.0, kNaN, 1.5, kInf, -kInf});
    QCOMPARE(plot.drawnPointCount(7), 2);
    QCOMPARE(plot.series().front().values.size(), 5);  // raw data kept for CSV
    plot.appendPoints(7, {6, 7}, {kNaN, 1.0});
    QCOMPARE(plot.drawnPointCount(7), 3);
    plot.replotNow();  // rescaling with NaN in the raw data must give a finite range
    const QCPRange y = plot.customPlot()->yAxis->range();
    QVERIFY(std::isfinite(y.lower) && std::isfinite(y.upper));
    QVERIFY(y.lower <= 1.0 && y.upper >= 2.0);
  }

  void aSeriesOfOnlyNaNIsEmptyNotBroken() {
    CurvePlot plot;
    plot.addSeries(1, QStringLiteral("diverged"));
    plot.setSeriesPoints(1, {1, 2}, {kNaN, kNaN});
    QCOMPARE(plot.drawnPointCount(1), 0);
    plot.replotNow();
    QVERIFY(std::isfinite(plot.customPlot()->yAxis->range().size()));
  }

  void logYDropsNonPositiveValuesOnlyWhileOn() {
    CurvePlot plot;
    plot.addSeries(1, QStringLiteral("r1"));
    plot.setSeriesPoints(1, {1, 2, 3}, {0.0, 0.1, 0.2});
    QCOMPARE(plot.drawnPointCount(1), 3);
    plot.setLogY(true);
    QCOMPARE(plot.drawnPointCount(1), 2);
    QCOMPARE(plot.customPlot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    plot.setLogY(false);
    QCOMPARE(plot.drawnPointCount(1), 3);
  }

  void smoothsDrawnPointsButKeepsTheRawSeries() {
    CurvePlot plot;
    plot.addSeries(1, QStringLiteral("noisy"));
    plot.setSeriesPoints(1, {1, 2, 3, 4}, {2.0, kNaN, 2.0, 4.0});
    plot.setSmoothing(0.5);
    QCPGraph* graph = plot.customPlot()->graph(0);
    QCOMPARE(graph->dataCount(), 3);
    QCOMPARE(graph->data()->at(0)->value, 2.0);  // debiased: the first point is itself
    QCOMPARE(graph->data()->at(1)->value, 2.0);  // NaN skipped, not averaged in
    // sum: 1.0, 1.5, 2.75 with weights 0.5; debias 1 - 0.5^3 = 0.875.
    QCOMPARE(graph->data()->at(2)->value, 2.75 / 0.875);
    plot.appendPoints(1, {5}, {4.0});  // the average carries on across appended rows
    QCOMPARE(graph->data()->at(3)->value, (0.5 * 2.75 + 2.0) / 0.9375);
    QCOMPARE(plot.series().front().values[3], 4.0);
    plot.setSmoothing(0);
    QCOMPARE(graph->data()->at(2)->value, 4.0);
  }

  void coalescesRedraws() {
    CurvePlot plot;
    plot.addSeries(1, QStringLiteral("a"));
    // QCustomPlot queues one replot of its own when it is created; let that pass first.
    QTRY_VERIFY(!plot.replotPending());
    QCoreApplication::processEvents();
    int replots = 0;
    connect(plot.customPlot(), &QCustomPlot::afterReplot, this, [&replots] { ++replots; });
    for (int i = 0; i < 100; ++i) plot.appendPoints(1, {double(i)}, {double(i)});
    QVERIFY(plot.replotPending());
    QCOMPARE(replots, 0);
    QTRY_VERIFY(!plot.replotPending());
    QCOMPARE(replots, 1);
    QCOMPARE(plot.drawnPointCount(1), 100);
  }

  void seriesGetDistinctColoursAndLegendNames() {
    CurvePlot plot;
    plot.addSeries(1, QStringLiteral("dense"));
    plot.addSeries(2, QStringLiteral("moe"));
    plot.addSeries(2, QStringLiteral("again"));  // no duplicate
    QCOMPARE(plot.seriesCount(), 2);
    QCPGraph* a = plot.customPlot()->graph(0);
    QCPGraph* b = plot.customPlot()->graph(1);
    QCOMPARE(b->name(), QStringLiteral("moe"));
    QVERIFY(a->pen().color() != b->pen().color());
  }

  void exportsEveryFormat() {
    QTemporaryDir dir;
    CurvePlot plot;
    plot.resize(400, 300);
    plot.addSeries(1, QStringLiteral("dense, v2"));
    plot.setSeriesPoints(1, {1, 2, 3}, {3.0, kNaN, 2.0});
    for (const char* suffix : {"png", "pdf", "svg", "csv"}) {
      const QString path = dir.filePath(QStringLiteral("curves.") + QLatin1String(suffix));
      const auto done = exportCurvePlot(plot, path, QStringLiteral("train/loss"));
      QVERIFY2(done.ok(), suffix);
      QVERIFY2(QFileInfo(path).size() > 100 || QLatin1String(suffix) == QLatin1String("csv"), suffix);
    }
    QFile csv(dir.filePath(QStringLiteral("curves.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    QCOMPARE(text, QStringLiteral("run,metric,step,value\n\"dense, v2\",train/loss,1,3\n"
                                  "\"dense, v2\",train/loss,2,nan\n\"dense, v2\",train/loss,3,2\n"));
    QFile svg(dir.filePath(QStringLiteral("curves.svg")));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(svg.readAll().contains("<svg"));
  }

  void rejectsAnUnknownFormat() {
    CurvePlot plot;
    const auto done = exportCurvePlot(plot, QDir::temp().filePath(QStringLiteral("curves.bmpx")), QString());
    QVERIFY(!done.ok());
    QVERIFY(QString::fromStdString(done.error().message).contains(QStringLiteral(".svg")));
  }
};

}  // namespace
}  // namespace vimoe::widgets

std::unique_ptr<QObject> vimoe::test_support::makeCurvePlotTest() {
  return std::make_unique<vimoe::widgets::CurvePlotTest>();
}

#include "curve_plot_test.moc"
