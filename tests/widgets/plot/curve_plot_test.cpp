// The QCustomPlot adapter: non-finite values never reach a graph, log axes skip non-positive
// values or steps and give them back on a linear axis, smoothing keeps the raw curve faded
// underneath, long series are sampled per pixel column without losing a spike, redraws are
// coalesced, exports write files (CSV: one row per step, one column per run).
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <utility>

#include "bridge/store_types.h"
#include "compare/curves_panel.h"
#include "compare/seed_band.h"
#include "plot/curve_plot.h"
#include "plot/plot_export.h"
#include "plot/qcp.h"
#include "support/test_registry.h"

namespace vimoe::widgets {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

QByteArray readFile(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A noisy, decaying training loss: deterministic, so renders compare across runs.
QVector<double> noisyLoss(int count, double floor, std::uint32_t seed) {
  QVector<double> values;
  for (int i = 0; i < count; ++i) {
    seed = seed * 1664525u + 1013904223u;
    values << floor + 2.0 * std::exp(-i / 80.0) + 0.3 * ((seed >> 8) / double(1 << 24) - 0.5);
  }
  return values;
}

QVector<double> stepsFrom(int first, int count) {
  QVector<double> steps;
  for (int i = 0; i < count; ++i) steps << first + i;
  return steps;
}

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

  void drawsTheRawCurveFadedUnderTheSmoothedOne() {
    CurvePlot plot;
    plot.addSeries(1, QStringLiteral("dense"));
    plot.addSeries(2, QStringLiteral("moe"));
    plot.setSeriesPoints(1, {1, 2, 3, 4}, {2.0, kNaN, 2.0, 4.0});
    plot.setSeriesPoints(2, {1, 2}, {1.0, 3.0});
    QCOMPARE(plot.customPlot()->graphCount(), 2);
    QVERIFY(!plot.rawGraph(1));

    plot.setSmoothing(0.5);
    QCOMPARE(plot.customPlot()->graphCount(), 4);  // two per series
    QCPGraph* raw = plot.rawGraph(1);
    QVERIFY(raw);
    QCOMPARE(raw->dataCount(), 3);
    QCOMPARE(raw->data()->at(0)->value, 2.0);
    QCOMPARE(raw->data()->at(1)->value, 2.0);
    QCOMPARE(raw->data()->at(2)->value, 4.0);  // raw, under the smoothed 2.75 / 0.875
    QCOMPARE(plot.graph(1)->data()->at(2)->value, 2.75 / 0.875);
    QCOMPARE(plot.rawGraph(2)->data()->at(1)->value, 3.0);
    // Same colour, faded and thinner, below every smoothed line, not in the legend.
    QCOMPARE(raw->pen().color().rgb(), plot.graph(1)->pen().color().rgb());
    QCOMPARE(raw->pen().color().alpha(), CurvePlot::kRawCurveAlpha);
    QVERIFY(raw->pen().widthF() < plot.graph(1)->pen().widthF());
    QVERIFY(raw->layer()->index() < plot.graph(2)->layer()->index());
    QVERIFY(!plot.customPlot()->legend->hasItemWithPlottable(raw));
    QCOMPARE(plot.customPlot()->legend->itemCount(), 2);

    plot.appendPoints(1, {5}, {6.0});  // live rows reach both lines
    QCOMPARE(raw->dataCount(), 4);
    QCOMPARE(raw->data()->at(3)->value, 6.0);
    plot.addSeries(3, QStringLiteral("late"));  // a series added while smoothing gets its raw line too
    QVERIFY(plot.rawGraph(3));

    plot.setSmoothing(0);
    QCOMPARE(plot.customPlot()->graphCount(), 3);
    QVERIFY(!plot.rawGraph(1));
    QCOMPARE(plot.graph(1)->data()->at(2)->value, 4.0);
  }

  void logXSkipsNonPositiveStepsOnlyWhileOn() {
    CurvePlot plot;
    plot.addSeries(1, QStringLiteral("r1"));
    plot.setSeriesPoints(1, {0, 1, 10, 100}, {0.5, 0.4, 0.3, 0.2});
    QCOMPARE(plot.drawnPointCount(1), 4);
    plot.setLogX(true);
    QCOMPARE(plot.drawnPointCount(1), 3);
    QCOMPARE(plot.customPlot()->xAxis->scaleType(), QCPAxis::stLogarithmic);
    QCOMPARE(plot.graph(1)->data()->at(0)->key, 1.0);
    plot.replotNow();
    QCOMPARE(plot.customPlot()->xAxis->range().lower, 1.0);
    QCOMPARE(plot.customPlot()->xAxis->range().upper, 100.0);
    plot.setLogX(false);
    QCOMPARE(plot.drawnPointCount(1), 4);
    QCOMPARE(plot.customPlot()->xAxis->scaleType(), QCPAxis::stLinear);
  }

  void samplesALongSeriesPerPixelColumnWithoutLosingASpike() {
    CurvePlot plot;
    plot.resize(640, 400);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    const int count = 200000;
    QVector<double> steps = stepsFrom(1, count);
    QVector<double> values = noisyLoss(count, 0.5, 3);
    values[123456] = 50.0;  // one bad batch
    plot.addSeries(1, QStringLiteral("long"));
    plot.setSeriesPoints(1, steps, values);
    plot.replotNow();
    QCPGraph* graph = plot.graph(1);
    const int columns = plot.customPlot()->axisRect()->width();
    QVERIFY(columns > 300);
    QCOMPARE(plot.drawnPointCount(1), count);  // what can be drawn, whatever the width
    QVERIFY(plot.graphPointCount(1) <= 4 * columns + 2);
    QVERIFY(plot.graphPointCount(1) >= columns);
    QCOMPARE(graph->data()->constBegin()->key, 1.0);
    QCOMPARE((graph->data()->constEnd() - 1)->key, double(count));
    double highest = 0;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
      highest = std::max(highest, it->value);
    QCOMPARE(highest, 50.0);
    QVERIFY(plot.customPlot()->yAxis->range().upper >= 50.0);

    // Live rows: the view follows and the new spike is drawn.
    plot.appendPoints(1, stepsFrom(count + 1, 100), QVector<double>(100, 80.0));
    QCOMPARE(plot.drawnPointCount(1), count + 100);
    plot.replotNow();
    QCOMPARE((graph->data()->constEnd() - 1)->key, double(count + 100));
    QVERIFY(plot.customPlot()->yAxis->range().upper >= 80.0);
    QVERIFY(plot.graphPointCount(1) <= 4 * columns + 2);

    // Zoomed in to 101 steps, fewer than the columns: every point is drawn, plus one neighbour
    // each side so the line reaches the frame.
    plot.customPlot()->xAxis->setRange(1000, 1100);
    plot.customPlot()->replot();
    QCOMPARE(plot.graphPointCount(1), 103);
    QCOMPARE(graph->data()->constBegin()->key, 999.0);
    QCOMPARE((graph->data()->constEnd() - 1)->key, 1101.0);

    plot.setDownsampling(false);  // QCustomPlot gets every point again
    QCOMPARE(plot.graphPointCount(1), count + 100);
  }

  void rendersTheRawCurveFadedUnderTheSmoothedOne() {
    CurvesPanel panel;
    RunSummary dense;
    dense.id = 1;
    dense.name = QStringLiteral("dense-small");
    dense.latest.insert(QStringLiteral("train/loss"), 0.5);
    RunSummary moe = dense;
    moe.id = 2;
    moe.name = QStringLiteral("moe-small-8e");
    moe.moeLayers = {QStringLiteral("image.blocks.0")};
    panel.setRuns({dense, moe});
    panel.setSelectedRuns({1, 2});
    QCOMPARE(panel.metric(), QStringLiteral("train/loss"));
    for (const auto& [id, base] : std::initializer_list<std::pair<qint64, double>>{{1, 0.6}, {2, 0.35}}) {
      CurveUpdate update;
      update.key = CurveKey{id, QStringLiteral("train/loss")};
      update.reset = true;
      update.steps = stepsFrom(1, 400);
      update.values = noisyLoss(400, base, std::uint32_t(id) * 17);
      panel.applyCurveUpdate(update);
    }
    panel.setSmoothing(0.8);
    QCOMPARE(panel.plot()->customPlot()->graphCount(), 4);
    panel.resize(900, 520);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.plot()->replotNow();
    const QImage withRaw = panel.grab().toImage();
    withRaw.save(QDir(QStringLiteral(VIMOE_TEST_OUTPUT_DIR)).filePath(QStringLiteral("compare_curves.png")));

    panel.plot()->rawGraph(1)->setVisible(false);
    panel.plot()->rawGraph(2)->setVisible(false);
    panel.plot()->customPlot()->replot();
    const QImage smoothedOnly = panel.grab().toImage();
    QCOMPARE(smoothedOnly.size(), withRaw.size());
    int changed = 0;
    for (int y = 0; y < withRaw.height(); ++y)
      for (int x = 0; x < withRaw.width(); ++x) changed += withRaw.pixel(x, y) != smoothedOnly.pixel(x, y);
    QVERIFY2(changed > 2000, qPrintable(QString::number(changed)));  // the noisy raw curves are drawn
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
    QVERIFY(readFile(dir.filePath(QStringLiteral("curves.png"))).startsWith("\x89PNG"));
    QVERIFY(readFile(dir.filePath(QStringLiteral("curves.pdf"))).startsWith("%PDF"));
    const QByteArray svg = readFile(dir.filePath(QStringLiteral("curves.svg")));
    QVERIFY(svg.contains("<svg"));
    QVERIFY(svg.contains("<path") || svg.contains("<polyline"));  // the curve itself, not just a frame
    QCOMPARE(readFile(dir.filePath(QStringLiteral("curves.csv"))),
             QByteArray("step,\"dense, v2 - train/loss\"\n1,3\n2,nan\n3,2\n"));
  }

  void writesOneCsvRowPerStepAndOneColumnPerRun() {
    QTemporaryDir dir;
    CurvePlot plot;
    plot.addSeries(1, QStringLiteral("dense"));
    plot.addSeries(2, QStringLiteral("moe, top-2"));
    plot.setSeriesPoints(1, {1, 2, 3}, {3.0, kNaN, 2.0});
    plot.setSeriesPoints(2, {2, 3, 4}, {1.5, kInf, 0.25});
    plot.setSmoothing(0.9);  // the file holds what the runs logged, not what the plot draws
    plot.setLogY(true);
    const QString path = dir.filePath(QStringLiteral("curves.csv"));
    QVERIFY(exportCurvePlot(plot, path, QStringLiteral("train/loss")).ok());
    QCOMPARE(readFile(path), QByteArray("step,dense - train/loss,\"moe, top-2 - train/loss\"\n"
                                        "1,3,\n"
                                        "2,nan,1.5\n"
                                        "3,2,inf\n"
                                        "4,,0.25\n"));

    // Two runs with one name stay two columns; without a metric the header is the run.
    CurvePlot twins;
    twins.addSeries(4, QStringLiteral("moe"));
    twins.addSeries(5, QStringLiteral("moe"));
    twins.setSeriesPoints(4, {10}, {-kInf});
    twins.setSeriesPoints(5, {10, 20}, {0.5, 0.125});
    QVERIFY(writeCurvesCsv(twins.series(), QString(), path).ok());
    QCOMPARE(readFile(path), QByteArray("step,moe #4,moe #5\n10,-inf,0.5\n20,,0.125\n"));
  }

  void seedGroupsAndBandsFollowTheStudyNames() {
    QCOMPARE(seedGroupName(QStringLiteral("dense-vs-moe/dense/seed12")), QStringLiteral("dense-vs-moe/dense"));
    QCOMPARE(seedGroupName(QStringLiteral("dense-vs-moe/dense")), QStringLiteral("dense-vs-moe/dense"));
    QCOMPARE(seedGroupName(QStringLiteral("seedy/seed1x")), QStringLiteral("seedy/seed1x"));
    // Three seeds: mean 2, 3, 4 and sample std 1 at every common step; the third seed is behind
    // (live), a NaN drops its step, a step only one curve logged is no common step.
    const SeedBand band = seedBand({StepCurve{{1, 2, 3, 4}, {1, 2, 3, 9}},
                                    StepCurve{{1, 1.5, 2, 3, 4}, {3, 7, 4, 5, 9}},
                                    StepCurve{{1, 2, 3}, {2, 3, kNaN}}});
    QCOMPARE(band.steps, (QVector<double>{1, 2}));
    QCOMPARE(band.mean, (QVector<double>{2, 3}));
    QCOMPARE(band.lower, (QVector<double>{1, 2}));
    QCOMPARE(band.upper, (QVector<double>{3, 4}));
    QVERIFY(seedBand({}).steps.isEmpty());
  }

  // A study's seeds of one variant are one line (their mean) with a band; a single run stays a
  // line of its own; "Mean over seeds" off shows every run.
  void drawsRunsThatDifferOnlyBySeedAsAMeanWithABand() {
    CurvesPanel panel;
    QVector<RunSummary> runs;
    for (int i = 1; i <= 4; ++i) {
      RunSummary run;
      run.id = i;
      run.name = i <= 3 ? QStringLiteral("dense-vs-moe/dense/seed%1").arg(i) : QStringLiteral("dense-vs-moe/moe-e4-k1/seed1");
      run.latest.insert(QStringLiteral("train/loss"), 0.5);
      runs << run;
    }
    panel.setRuns(runs);
    panel.setSelectedRuns({1, 2, 3, 4});
    QVERIFY(panel.meanOverSeedsAvailable());
    QCOMPARE(panel.plot()->seriesCount(), 2);
    for (qint64 id = 1; id <= 4; ++id) {
      CurveUpdate update;
      update.key = CurveKey{id, QStringLiteral("train/loss")};
      update.reset = true;
      update.steps = stepsFrom(1, 300);
      update.values = noisyLoss(300, 0.3 + 0.1 * static_cast<double>(id % 4), std::uint32_t(id) * 31);
      panel.applyCurveUpdate(update);
    }
    QCPGraph* mean = panel.plot()->graph(-1);
    QVERIFY(mean != nullptr);
    QVERIFY(mean->name().startsWith(QStringLiteral("dense-vs-moe/dense (mean \u00b1 std, 3 seeds)")));
    QCOMPARE(mean->dataCount(), 300);
    const double expected = (noisyLoss(300, 0.4, 31)[10] + noisyLoss(300, 0.5, 62)[10] + noisyLoss(300, 0.6, 93)[10]) / 3.0;
    QVERIFY(std::abs(mean->data()->at(10)->value - expected) < 1e-12);
    QCPGraph* upper = panel.plot()->bandUpperGraph(-1);
    QVERIFY(upper != nullptr);
    QCOMPARE(upper->dataCount(), 300);
    QVERIFY(upper->data()->at(10)->value > expected);
    QVERIFY(panel.plot()->graph(4) != nullptr);            // the MoE run, alone
    QVERIFY(panel.plot()->bandUpperGraph(4) == nullptr);  // has no band
    // Appended rows of a live seed move the mean.
    CurveUpdate more;
    more.key = CurveKey{2, QStringLiteral("train/loss")};
    more.steps = {301};
    more.values = {1.0};
    panel.applyCurveUpdate(more);
    QCOMPARE(mean->dataCount(), 300);  // the other seeds have not logged step 301 yet

    panel.resize(900, 520);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.plot()->replotNow();
    panel.grab().toImage().save(QDir(QStringLiteral(VIMOE_TEST_OUTPUT_DIR)).filePath(QStringLiteral("curves_seed_band.png")));

    panel.setMeanOverSeeds(false);
    QCOMPARE(panel.plot()->seriesCount(), 4);
    panel.setSelectedRuns({1, 4});
    QVERIFY(!panel.meanOverSeedsAvailable());
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
