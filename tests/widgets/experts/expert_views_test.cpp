// The Experts panel's detail views on a real store read through StorePoller: the layer x expert
// grid with dead and overloaded flags, dropped share and entropy curves, per-modality shares and
// the expert x class matrix (values), and the heatmaps' colours in known cells (pixels).
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "bridge/store_poller.h"
#include "common/empty_state.h"
#include "experts/expert_detail_views.h"
#include "experts/expert_load_panel.h"
#include "experts/expert_stats.h"
#include "plot/curve_plot.h"
#include "plot/heatmap_plot.h"
#include "plot/qcp.h"
#include "support/test_registry.h"
#include "vimoe/store/run_store.h"

namespace vimoe::widgets {
namespace {

constexpr int kExperts = 4;
const QStringList kLayers = {QStringLiteral("image.blocks.1"), QStringLiteral("text.blocks.1")};

// Layer 0 (image) is balanced at step 10; at step 20 expert 0 is overloaded (55% > 2 x 25%) and
// drops 100 of its tokens, expert 3 is dead (0.1% < 1% of 25%). Layer 1 (text) stays balanced.
QVector<double> imageShares(std::int64_t step) {
  if (step == 10) return {0.25, 0.25, 0.25, 0.25};
  if (step == 20) return {0.55, 0.25, 0.199, 0.001};
  return {0.6, 0.3, 0.1, 0.0};
}

std::vector<store::ExpertLoadRow> loadRows() {
  std::vector<store::ExpertLoadRow> rows;
  for (std::int64_t step : {10, 20, 30})
    for (int layer = 0; layer < 2; ++layer)
      for (int e = 0; e < kExperts; ++e) {
        store::ExpertLoadRow row;
        row.layer = layer;
        row.step = step;
        row.expert = e;
        row.fraction = layer == 0 ? imageShares(step)[e] : 0.25;
        row.tokens = 1000 * row.fraction;
        row.dropped = (layer == 0 && step == 20 && e == 0) ? 100 : 0;
        (layer == 0 ? row.imageTokens : row.textTokens) = row.tokens;
        rows.push_back(row);
      }
  return rows;
}

store::ExpertClassRow classRow(std::int64_t step, const char* name, int expert, double tokens) {
  store::ExpertClassRow row;
  row.layer = 0;
  row.step = step;
  row.modality = "image";
  row.className = name;
  row.expert = expert;
  row.tokens = tokens;
  return row;
}

std::vector<store::ExpertClassRow> classRows() {
  return {classRow(10, "circle", 0, 30), classRow(10, "circle", 1, 10), classRow(10, "square", 1, 20),
          classRow(10, "square", 2, 20), classRow(30, "circle", 0, 40)};
}

QVector<store::ExpertLoadRow> loadRowsQ() {
  const auto rows = loadRows();
  return QVector<store::ExpertLoadRow>(rows.begin(), rows.end());
}

bool near(const QColor& a, const QColor& b, int tolerance = 4) {
  return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
         std::abs(a.blue() - b.blue()) <= tolerance;
}

QString describe(const QColor& c) {
  return QStringLiteral("(%1, %2, %3)").arg(c.red()).arg(c.green()).arg(c.blue());
}

// The colour a heatmap painted at cell (column key, row).
QColor cellColour(HeatmapPlot* map, double key, int row) {
  map->replotNow();
  QCustomPlot* plot = map->customPlot();
  const QImage image = plot->grab().toImage();
  return image.pixelColor(qRound(plot->xAxis->coordToPixel(key)), qRound(plot->yAxis->coordToPixel(row)));
}

class ExpertViewsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    m_storePath = QDir(m_dir.path()).filePath(QStringLiteral("vimoe.db"));
    auto opened = store::RunStore::open(m_storePath.toStdString(), store::RunStore::Mode::ReadWrite);
    QVERIFY(opened);
    store::RunStore& db = **opened;
    store::NewRun run;
    run.name = "experts/moe-e4";
    run.configJson = "{}";
    m_runId = *db.createRun(run);
    QVERIFY(db.setMoeLayers(m_runId, {"image.blocks.1", "text.blocks.1"}));
    QVERIFY(db.logExpertLoad(m_runId, loadRows()));
    QVERIFY(db.logExpertClass(m_runId, classRows()));
    for (auto [step, entropy] : {std::pair{10, 0.9}, std::pair{20, 0.6}, std::pair{30, 0.4}})
      QVERIFY(db.logScalars(m_runId, step, {{"moe/image.blocks.1/router_entropy", entropy}}));
    QVERIFY(db.setRunProgress(m_runId, 30));
  }

  void flagsDeadAndOverloadedExpertsOfEveryLayer() {
    const auto rows = loadRowsQ();
    QCOMPARE(expertLoadSteps(rows), (QVector<qint64>{10, 20, 30}));
    const LayerExpertGrid grid = buildLayerExpertGrid(rows, 2, 20);
    QCOMPARE(grid.layers, 2);
    QCOMPARE(grid.experts, kExperts);
    QCOMPARE(grid.share[grid.index(0, 0)], 0.55);
    QVERIFY(grid.overloaded[grid.index(0, 0)]);
    QVERIFY(grid.dead[grid.index(0, 3)]);
    QVERIFY(!grid.dead[grid.index(0, 2)] && !grid.overloaded[grid.index(1, 0)]);
    QCOMPARE(std::count(grid.overloaded.begin(), grid.overloaded.end(), true), 1);
    const LayerExpertGrid balanced = buildLayerExpertGrid(rows, 2, 10);
    QCOMPARE(std::count(balanced.dead.begin(), balanced.dead.end(), true), 0);
    QVERIFY(std::isnan(buildLayerExpertGrid(rows, 3, 10).share[8]));  // a layer without rows
  }

  void shapesCurvesModalitiesAndClasses() {
    const auto rows = loadRowsQ();
    const auto dropped = droppedShareCurves(rows, 2);
    QCOMPARE(dropped.size(), 2);
    QCOMPARE(dropped[0].steps, (QVector<double>{10, 20, 30}));
    QCOMPARE(dropped[0].values, (QVector<double>{0.0, 0.1, 0.0}));
    QCOMPARE(dropped[1].values, (QVector<double>{0.0, 0.0, 0.0}));
    const auto entropy = loadEntropyCurves(rows, 2);
    QCOMPARE(entropy[1].values, (QVector<double>{1.0, 1.0, 1.0}));
    QCOMPARE(entropy[0].values[0], 1.0);
    const double h30 = -(0.6 * std::log(0.6) + 0.3 * std::log(0.3) + 0.1 * std::log(0.1)) / std::log(4.0);
    QCOMPARE(entropy[0].values[2], h30);

    const ModalityShareGrid modality = buildModalityShares(rows, kLayers, 20);
    QCOMPARE(modality.rowLabels,
             (QStringList{QStringLiteral("image.blocks.1 \u00b7 image"), QStringLiteral("text.blocks.1 \u00b7 text")}));
    QCOMPARE(modality.tokens[0], 1000.0);
    QCOMPARE(modality.share[0], 0.55);
    QCOMPARE(modality.share[kExperts + 3], 0.25);

    const auto stored = classRows();
    const auto classes = QVector<store::ExpertClassRow>(stored.begin(), stored.end());
    QCOMPARE(expertClassSteps(classes), (QVector<qint64>{10, 30}));
    const ClassExpertMatrix early = buildClassExpertMatrix(classes, 0, 12, kExperts);
    QCOMPARE(early.step, qint64(10));
    QCOMPARE(early.classes, (QStringList{QStringLiteral("circle"), QStringLiteral("square")}));
    QCOMPARE(early.experts, kExperts);
    QCOMPARE(early.share[0], 0.75);
    QCOMPARE(early.share[kExperts + 2], 0.5);
    QCOMPARE(early.classTotal(1), 40.0);
    QCOMPARE(buildClassExpertMatrix(classes, 0, 25, kExperts).step, qint64(30));  // nearest
    QVERIFY(buildClassExpertMatrix(classes, 1, 10, kExperts).classes.isEmpty());
  }

  void paintsTheLayerExpertModalityAndClassMaps() {
    StorePoller poller(nullptr, 50);
    ExpertLoadPanel panel;
    QObject::connect(&poller, &StorePoller::runsChanged, &panel, &ExpertLoadPanel::setRuns);
    QObject::connect(&poller, &StorePoller::expertLoadChanged, &panel, &ExpertLoadPanel::applyExpertLoad);
    QObject::connect(&panel, &ExpertLoadPanel::expertRunChanged, &poller, &StorePoller::setExpertRun);
    QSignalSpy loads(&poller, &StorePoller::expertLoadChanged);
    panel.resize(1000, 640);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    poller.setStorePath(m_storePath);
    QTRY_COMPARE(panel.currentRun(), m_runId);
    QTRY_COMPARE(panel.grid().steps.size(), 3);
    // The snapshot carries the class rows and the router entropy the trainer logged.
    const auto snapshot = loads.last().at(0).value<ExpertLoadSnapshot>();
    QCOMPARE(snapshot.classRows.size(), 5);
    QCOMPARE(snapshot.routerEntropy.keys(), QList<int>{0});
    QCOMPARE(snapshot.routerEntropy[0].size(), 3);
    QCOMPARE(snapshot.routerEntropy[0][1], QPointF(20, 0.6));

    ExpertDetailViews* views = panel.views();
    QCOMPARE(views->count(), 6);
    QCOMPARE(panel.currentStep(), qint64(30));  // the newest snapshot
    panel.setStep(20);
    QCOMPARE(panel.currentStep(), qint64(20));
    views->setCurrentWidget(views->layerExpertPage());
    QVERIFY(!views->layerExpertPage()->isShowingMessage());
    QCOMPARE(views->layerExpertGrid().step, qint64(20));
    QCOMPARE(views->overloadMarkCount(), 1);
    QVERIFY2(views->layerSummary().contains(QStringLiteral("image.blocks.1 E3")), qPrintable(views->layerSummary()));
    QVERIFY(views->layerSummary().contains(QStringLiteral("image.blocks.1 E0 (55%)")));
    HeatmapPlot* map = views->layerExpertMap();
    QCOMPARE(map->columnCount(), kExperts);
    QCOMPARE(map->rowCount(), 2);
    // Dead: the marked colour; overloaded: saturated (viridis top); fair share: the middle stop.
    QColor seen = cellColour(map, 3, 0);
    QVERIFY2(near(seen, map->markedColor(), 0), qPrintable(describe(seen)));
    seen = cellColour(map, 0, 0);
    QVERIFY2(near(seen, QColor(253, 231, 37)), qPrintable(describe(seen)));
    seen = cellColour(map, 1, 1);
    QVERIFY2(near(seen, QColor(33, 145, 140)), qPrintable(describe(seen)));

    QCOMPARE(views->droppedPlot()->seriesCount(), 2);
    QCOMPARE(views->droppedPlot()->drawnPointCount(0), 3);
    QCOMPARE(views->entropyKind(), ExpertDetailViews::Entropy::Router);
    QCOMPARE(views->entropyPlot()->seriesCount(), 1);

    views->setCurrentWidget(views->modalityPage());
    QCOMPARE(views->modalityMap()->rowCount(), 2);
    seen = cellColour(views->modalityMap(), 2, 1);  // text layer, 25% of text tokens = fair share
    QVERIFY2(near(seen, QColor(33, 145, 140)), qPrintable(describe(seen)));

    views->setCurrentWidget(views->classPage());
    panel.setStep(10);
    QCOMPARE(views->classMatrix().step, qint64(10));
    QCOMPARE(views->classMap()->rowCount(), 2);
    seen = cellColour(views->classMap(), 0, 0);  // circle -> E0: 75% of a 0..1 scale
    QVERIFY2(near(seen, QColor(94, 201, 98)), qPrintable(describe(seen)));
    panel.setLayer(QStringLiteral("text.blocks.1"));
    QVERIFY(views->classPage()->isShowingMessage());  // no class rows for the text layer

    views->setCurrentWidget(views->layerExpertPage());
    panel.setLayer(QStringLiteral("image.blocks.1"));
    panel.setStep(20);
    map->replotNow();  // redraws are coalesced; the saved picture shows the state above
    const QString path = QDir(QStringLiteral(VIMOE_TEST_OUTPUT_DIR)).filePath(QStringLiteral("expert_views.png"));
    QVERIFY(panel.grab().save(path));
  }

 private:
  QTemporaryDir m_dir;
  QString m_storePath;
  qint64 m_runId = -1;
};

}  // namespace
}  // namespace vimoe::widgets

std::unique_ptr<QObject> vimoe::test_support::makeExpertViewsTest() {
  return std::make_unique<vimoe::widgets::ExpertViewsTest>();
}

#include "expert_views_test.moc"
