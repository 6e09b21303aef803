// The Robustness panel on a real store written through core's RunStore: two training runs (dense
// and MoE), an attack sweep of each with the eval rows `vimoe attack` writes, and report folders
// with report.json and real PNGs. Checks that the curves hold the eval rows, the bars the
// per-layer rows, the example viewer the report's predictions and the right count of patches
// whose expert changed (and outlines them in the pixels), the dense and empty-store states.
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <cmath>

#include "plot/bar_chart.h"
#include "plot/curve_plot.h"
#include "robust/attack_curves_view.h"
#include "robust/attack_data.h"
#include "robust/attack_example_view.h"
#include "robust/attack_image_views.h"
#include "robust/attack_loader.h"
#include "robust/robustness_panel.h"
#include "robust/routing_change_view.h"
#include "routing/expert_palette.h"
#include "support/test_registry.h"
#include "vimoe/store/run_store.h"

namespace vimoe::widgets {
namespace {

constexpr int kImage = 16;  // 16 x 16 pixels, 4 x 4 patches
const QStringList kEps = {QStringLiteral("1/255"), QStringLiteral("2/255"), QStringLiteral("4/255")};
const double kClean = 0.75;
const double kAdversarial[] = {0.5, 0.25, 0.125};
const double kDenseAdversarial[] = {0.375, 0.125, 0.0};
const double kChange[] = {0.3, 0.5, 0.7};
const QStringList kMoeLayers = {QStringLiteral("image.blocks.1"), QStringLiteral("image.blocks.3"),
                                QStringLiteral("text.blocks.1")};
// routing change of layer l at eps i
double routingRate(int layer, int eps) {
  return 0.1 * (layer + 1) + 0.05 * eps;
}
// Top-1 experts before: patch t goes to (t - 1) % 4; after the attack, patches 2, 5 and 11 of
// image.blocks.1 move to another expert; in image.blocks.3 only the class token moves.
QVector<int> expertsBefore() {
  QVector<int> e = {2};
  for (int t = 1; t <= 16; ++t) e << (t - 1) % 4;
  return e;
}
QVector<int> expertsAfter(const QString& layer) {
  QVector<int> e = expertsBefore();
  if (layer == QStringLiteral("image.blocks.1"))
    for (int patch : {2, 5, 11}) e[patch + 1] = (e[patch + 1] + 1) % 4;
  else
    e[0] = 3;
  return e;
}

QJsonArray toJson(const QVector<int>& v) {
  QJsonArray a;
  for (int x : v) a << x;
  return a;
}

// A 16 x 16 image of 4 x 4 blocks alternating two colours: nearest scaling keeps them exact.
QImage checkerboard(const QColor& a, const QColor& b) {
  QImage image(kImage, kImage, QImage::Format_RGB32);
  for (int y = 0; y < kImage; ++y)
    for (int x = 0; x < kImage; ++x) image.setPixelColor(x, y, ((x / 4 + y / 4) % 2) ? b : a);
  return image;
}

class AttackStore {
 public:
  AttackStore() {
    auto opened = store::RunStore::open(path().toStdString(), store::RunStore::Mode::ReadWrite);
    if (!opened) return;
    store::RunStore& db = **opened;
    store::NewRun train;
    train.name = "dense";
    m_dense = *db.createRun(train);
    train.name = "moe-e4-k1";
    m_moe = *db.createRun(train);
    m_ok = db.setMoeLayers(m_moe, {"image.blocks.1", "image.blocks.3", "text.blocks.1"}).ok();
    m_denseAttack = addAttack(db, m_dense, "dense", false);
    m_moeAttack = addAttack(db, m_moe, "moe-e4-k1", true);
    m_ok = m_ok && m_denseAttack > 0 && m_moeAttack > 0;
  }

  bool ok() const { return m_ok; }
  QString dir() const { return m_dir.path(); }
  QString path() const { return QDir(m_dir.path()).filePath(QStringLiteral("vimoe.db")); }
  qint64 denseAttack() const { return m_denseAttack; }
  qint64 moeAttack() const { return m_moeAttack; }
  qint64 moe() const { return m_moe; }

  QVector<RunSummary> summaries() const {
    QVector<RunSummary> runs;
    auto opened = store::RunStore::open(path().toStdString(), store::RunStore::Mode::ReadOnly);
    for (const auto& info : *(*opened)->listRuns()) {
      RunSummary run;
      run.id = info.id;
      run.name = QString::fromStdString(info.name);
      run.kind = QString::fromStdString(info.kind);
      run.status = QString::fromLatin1(store::runStatusName(info.status));
      run.step = info.step;
      run.checkpointDir = QString::fromStdString(info.checkpointDir);
      runs << run;
    }
    return runs;
  }

  // Another sweep of the MoE run, as a study would add while the panel is open.
  qint64 addAnotherAttack() {
    auto opened = store::RunStore::open(path().toStdString(), store::RunStore::Mode::ReadWrite);
    return opened ? addAttack(**opened, m_moe, "moe-e4-k1", true, "fgsm") : -1;
  }

 private:
  qint64 addAttack(store::RunStore& db, qint64 parent, const std::string& parentName, bool moe,
                   const std::string& attack = "pgd") {
    store::NewRun run;
    run.name = "attack " + attack + " of " + parentName;
    run.kind = "attack";
    run.parentRunId = parent;
    run.configJson = "{\"target\": \"zero_shot\", \"samples\": 8, \"attack\": \"" + attack + "\", \"aux_loss\": false}";
    auto id = db.createRun(run);
    if (!id) return -1;
    const QString report = QDir(dir()).filePath(QStringLiteral("attacks/%1").arg(*id));
    QDir().mkpath(report);
    if (moe && !db.setMoeLayers(*id, {"image.blocks.1", "image.blocks.3", "text.blocks.1"})) return -1;
    for (int i = 0; i < kEps.size(); ++i) {
      const double eps = (1 << i) / 255.0;
      const std::string details =
          QJsonDocument(QJsonObject{{QStringLiteral("eps"), eps}, {QStringLiteral("metric"), QStringLiteral("accuracy")},
                                    {QStringLiteral("task"), QStringLiteral("zero_shot")}})
              .toJson(QJsonDocument::Compact)
              .toStdString();
      auto add = [&](const std::string& metric, double value) {
        return db.writeEval(*id, {kEps[i].toStdString(), metric, value, details}).ok();
      };
      bool ok = add("attack/clean", kClean) && add("attack/adversarial", moe ? kAdversarial[i] : kDenseAdversarial[i]) &&
                add("attack/prediction_change", kChange[i]) && add("attack/clean_loss", 0.4) &&
                add("attack/adversarial_loss", 1.0 + i) && add("attack/clean_aux", 0) && add("attack/adversarial_aux", 0);
      if (moe) {
        double mean = 0;
        for (int l = 0; l < kMoeLayers.size(); ++l) {
          ok = ok && add("attack/routing_change/" + kMoeLayers[l].toStdString(), routingRate(l, i));
          mean += routingRate(l, i) / kMoeLayers.size();
        }
        ok = ok && add("attack/routing_change", mean);
      }
      if (!ok) return -1;
    }
    if (moe) {
      const std::string details = "{\"radius\": 0.0157}";
      for (const auto& [metric, value] : std::vector<std::pair<std::string, double>>{
               {"lipschitz/local_l2_mean", 3.5}, {"lipschitz/local_l2_max", 7.25}, {"lipschitz/local_l1_mean", 40.0},
               {"lipschitz/local_l1_max", 81.0}, {"lipschitz/ffn_bound/image.blocks.1/0", 2.5},
               {"lipschitz/lemma1_expert/image.blocks.1", 2.75}, {"lipschitz/lemma1_router/image.blocks.1", 0.125}})
        if (!db.writeEval(*id, {"lipschitz", metric, value, details})) return -1;
    }
    if (!writeReport(report, moe, attack)) return -1;
    if (!db.setCheckpointDir(*id, report.toStdString()) || !db.setRunStatus(*id, store::RunStatus::Finished)) return -1;
    return *id;
  }

  bool writeReport(const QString& dir, bool moe, const std::string& attack) {
    const QDir d(dir);
    bool ok = checkerboard(QColor(100, 100, 100), QColor(160, 160, 160)).save(d.filePath(QStringLiteral("sample0-clean.png"))) &&
              checkerboard(QColor(104, 96, 100), QColor(156, 164, 160)).save(d.filePath(QStringLiteral("sample0-adv0.png"))) &&
              checkerboard(QColor(255, 0, 128), QColor(0, 255, 128)).save(d.filePath(QStringLiteral("sample0-diff0.png"))) &&
              checkerboard(QColor(30, 60, 90), QColor(90, 60, 30)).save(d.filePath(QStringLiteral("sample1-clean.png"))) &&
              checkerboard(QColor(34, 56, 94), QColor(86, 64, 26)).save(d.filePath(QStringLiteral("sample1-adv1.png"))) &&
              checkerboard(QColor(255, 0, 255), QColor(0, 255, 0)).save(d.filePath(QStringLiteral("sample1-diff1.png")));
    auto example = [&](int sample, double eps, int index, const char* after, double afterConfidence) {
      QJsonObject e{{QStringLiteral("sample"), sample},
                    {QStringLiteral("eps"), eps},
                    {QStringLiteral("prompt"), QString()},
                    {QStringLiteral("truth"), QStringLiteral("tr\u00f2n")},
                    {QStringLiteral("clean_prediction"), QStringLiteral("tr\u00f2n")},
                    {QStringLiteral("clean_confidence"), 0.9},
                    {QStringLiteral("adversarial_prediction"), QString::fromUtf8(after)},
                    {QStringLiteral("adversarial_confidence"), afterConfidence},
                    {QStringLiteral("clean_image"), QStringLiteral("sample%1-clean.png").arg(sample)},
                    {QStringLiteral("adversarial_image"), QStringLiteral("sample%1-adv%2.png").arg(sample).arg(index)},
                    {QStringLiteral("difference_image"), QStringLiteral("sample%1-diff%2.png").arg(sample).arg(index)},
                    {QStringLiteral("image_size"), kImage}};
      QJsonObject before, afterExperts;
      if (moe)
        for (const QString& layer : {QStringLiteral("image.blocks.1"), QStringLiteral("image.blocks.3")}) {
          before.insert(layer, toJson(expertsBefore()));
          afterExperts.insert(layer, toJson(expertsAfter(layer)));
        }
      e.insert(QStringLiteral("experts_before"), before);
      e.insert(QStringLiteral("experts_after"), afterExperts);
      return e;
    };
    QJsonArray layers;
    if (moe)
      for (const QString& l : kMoeLayers) layers << l;
    const QJsonObject report{{QStringLiteral("task"), QStringLiteral("zero_shot")},
                             {QStringLiteral("attack"), QString::fromStdString(attack)},
                             {QStringLiteral("metric"), QStringLiteral("accuracy")},
                             {QStringLiteral("samples"), 8},
                             {QStringLiteral("layers"), layers},
                             {QStringLiteral("rows"), QJsonArray{}},
                             {QStringLiteral("examples"),
                              QJsonArray{example(0, 2 / 255.0, 0, "tr\u00f2n", 0.8),
                                         example(1, 4 / 255.0, 1, "vu\u00f4ng", 0.4)}}};
    QFile file(d.filePath(QStringLiteral("report.json")));
    return ok && file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(report).toJson()) > 0;
  }

  QTemporaryDir m_dir;
  bool m_ok = false;
  qint64 m_dense = -1, m_moe = -1, m_denseAttack = -1, m_moeAttack = -1;
};

const CurvePlot::Series* seriesOf(const CurvePlot& plot, qint64 id) {
  for (const auto& s : plot.series())
    if (s.id == id) return &s;
  return nullptr;
}

QString describe(const QColor& c) {
  return QStringLiteral("(%1, %2, %3)").arg(c.red()).arg(c.green()).arg(c.blue());
}

class RobustnessPanelTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void shapesEvalRowsAndTheReport() {
    QCOMPARE(parseEps(QStringLiteral("2/255")), 2 / 255.0);
    QCOMPARE(parseEps(QStringLiteral("0.5")), 0.5);
    QVERIFY(std::isnan(parseEps(QStringLiteral("lipschitz"))));
    AttackStore db;
    QVERIFY(db.ok());
    auto opened = store::RunStore::open(db.path().toStdString(), store::RunStore::Mode::ReadOnly);
    QVERIFY(opened);
    const AttackSnapshot snapshot = readAttackSnapshot(**opened);
    QVERIFY(snapshot.error.isEmpty());
    QCOMPARE(snapshot.runs.size(), 2);
    const AttackRun& moe = snapshot.runs[1];
    QCOMPARE(moe.runId, db.moeAttack());
    QCOMPARE(moe.parentName, QStringLiteral("moe-e4-k1"));
    QCOMPARE(moe.layers, kMoeLayers);
    QCOMPARE(moe.rows.size(), 3);
    QCOMPARE(moe.rows[2].epsText, QStringLiteral("4/255"));
    QCOMPARE(moe.rows[2].routingPerLayer.value(QStringLiteral("image.blocks.3")), routingRate(1, 2));
    QCOMPARE(moe.lipschitz.size(), 7);
    QCOMPARE(moe.examples.size(), 2);
    QCOMPARE(moe.examples[1].layers, (QStringList{QStringLiteral("image.blocks.1"), QStringLiteral("image.blocks.3")}));
    QCOMPARE(moe.examples[1].clean.size(), QSize(kImage, kImage));
    QVERIFY(moe.reportProblem.isEmpty());
    const AttackRun& dense = snapshot.runs[0];
    QVERIFY(!dense.isMoe());
    QVERIFY(dense.lipschitz.isEmpty());
    QCOMPARE(dense.task, QStringLiteral("zero_shot"));

    const PatchChange change = patchChange(expertsBefore(), expertsAfter(QStringLiteral("image.blocks.1")));
    QCOMPARE(change.changed, 3);
    QCOMPARE(change.patches, 16);
    QVERIFY(change.changedMask[2] && change.changedMask[5] && change.changedMask[11] && !change.changedMask[0]);
    QVERIFY(!change.classTokenChanged);
    QVERIFY(patchChange(expertsBefore(), expertsAfter(QStringLiteral("image.blocks.3"))).classTokenChanged);
    QCOMPARE(expertGrid(expertsBefore()).side, 4);
    QCOMPARE(expertGrid(expertsBefore()).at(1, 2).expert, 2);  // patch 6 -> (7 - 1) % 4
  }

  void drawsTheEvalRowsOfTheCheckedRuns() {
    AttackStore db;
    QVERIFY(db.ok());
    RobustnessPanel panel;
    panel.resize(1400, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setStorePath(db.path());
    panel.setRuns(db.summaries());
    QTRY_COMPARE(panel.snapshot().runs.size(), 2);
    QVERIFY(!panel.isShowingEmptyState());

    // The list: attacked run, attack, task, samples, MoE or dense.
    QTreeWidget* list = panel.runList();
    QCOMPARE(list->topLevelItemCount(), 2);
    const QTreeWidgetItem* dense = list->topLevelItem(0);
    const QTreeWidgetItem* moe = list->topLevelItem(1);
    QVERIFY(dense->text(RobustnessPanel::AttackedColumn).endsWith(QStringLiteral(" dense")));
    QCOMPARE(moe->text(RobustnessPanel::AttackColumn), QStringLiteral("pgd"));
    QCOMPARE(moe->text(RobustnessPanel::TaskColumn), QStringLiteral("zero-shot"));
    QCOMPARE(moe->text(RobustnessPanel::SamplesColumn), QStringLiteral("8"));
    QCOMPARE(dense->text(RobustnessPanel::ModelColumn), QStringLiteral("dense"));
    QVERIFY(moe->text(RobustnessPanel::ModelColumn).startsWith(QStringLiteral("MoE")));
    QCOMPARE(panel.checkedRuns(), (QVector<qint64>{db.denseAttack(), db.moeAttack()}));
    QCOMPARE(panel.currentRun(), db.moeAttack());  // the newest attack

    // Curves: the clean value at eps 0, then the adversarial metric at 1, 2 and 4 (/255).
    CurvePlot* plot = panel.curves()->plot();
    QCOMPARE(plot->seriesCount(), 2);
    const auto* moeCurve = seriesOf(*plot, AttackCurvesView::metricSeries(db.moeAttack()));
    const auto* denseCurve = seriesOf(*plot, AttackCurvesView::metricSeries(db.denseAttack()));
    QVERIFY(moeCurve && denseCurve);
    QCOMPARE(moeCurve->steps, (QVector<double>{0, 1, 2, 4}));
    QCOMPARE(moeCurve->values, (QVector<double>{kClean, kAdversarial[0], kAdversarial[1], kAdversarial[2]}));
    QCOMPARE(denseCurve->values, (QVector<double>{kClean, kDenseAdversarial[0], kDenseAdversarial[1], kDenseAdversarial[2]}));
    QCOMPARE(plot->drawnPointCount(AttackCurvesView::metricSeries(db.moeAttack())), 4);
    QCOMPARE(panel.curves()->yLabel(), QStringLiteral("accuracy"));

    // The toggle adds the prediction-change rates, dashed in the run's colour.
    panel.curves()->setShowPredictionChange(true);
    QCOMPARE(plot->seriesCount(), 4);
    const auto* change = seriesOf(*plot, AttackCurvesView::predictionChangeSeries(db.moeAttack()));
    QVERIFY(change);
    QCOMPARE(change->values, (QVector<double>{0, kChange[0], kChange[1], kChange[2]}));

    // Unticking the dense run takes it off the curves and keeps it off across a re-read.
    panel.setRunChecked(db.denseAttack(), false);
    QCOMPARE(plot->seriesCount(), 2);
    QVERIFY(!seriesOf(*plot, AttackCurvesView::metricSeries(db.denseAttack())));
    const qint64 added = db.addAnotherAttack();
    QVERIFY(added > 0);
    panel.setRuns(db.summaries());
    QTRY_COMPARE(panel.snapshot().runs.size(), 3);
    QCOMPARE(panel.checkedRuns(), (QVector<qint64>{db.moeAttack(), added}));
    QCOMPARE(list->topLevelItem(2)->text(RobustnessPanel::AttackColumn), QStringLiteral("fgsm"));
  }

  void showsRoutingChangeExamplesAndLipschitzOfTheSelectedRun() {
    AttackStore db;
    QVERIFY(db.ok());
    RobustnessPanel panel;
    panel.resize(1400, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setStorePath(db.path());
    panel.setRuns(db.summaries());
    QTRY_COMPARE(panel.snapshot().runs.size(), 2);
    QVERIFY(panel.showRun(db.moe()));  // the attacked training run selects its attack
    QCOMPARE(panel.currentRun(), db.moeAttack());

    // Bars = the per-layer rows, at the largest eps first, then at the chosen one.
    RoutingChangeView* routing = panel.routingChange();
    QVERIFY(!routing->isShowingMessage());
    QCOMPARE(routing->currentEps(), QStringLiteral("4/255"));
    QCOMPARE(routing->chart()->labels(), kMoeLayers);
    QCOMPARE(routing->chart()->values(), (QVector<double>{routingRate(0, 2), routingRate(1, 2), routingRate(2, 2)}));
    routing->setEps(QStringLiteral("2/255"));
    QCOMPARE(routing->chart()->values(), (QVector<double>{routingRate(0, 1), routingRate(1, 1), routingRate(2, 1)}));
    QVERIFY2(routing->summaryText().contains(QStringLiteral("0.250")), qPrintable(routing->summaryText()));

    // The example viewer opens on the largest eps: sample 1, whose prediction flipped.
    AttackExampleView* examples = panel.examples();
    QCOMPARE(examples->exampleCount(), 2);
    QCOMPARE(examples->currentExample(), 1);
    const QString prediction = examples->predictionText();
    QVERIFY2(prediction.contains(QStringLiteral("truth: tr\u00f2n")), qPrintable(prediction));
    QVERIFY2(prediction.contains(QStringLiteral("before: tr\u00f2n (90.0%)")), qPrintable(prediction));
    QVERIFY2(prediction.contains(QStringLiteral("after: vu\u00f4ng (40.0%)")), qPrintable(prediction));
    QVERIFY(prediction.contains(QStringLiteral("prediction changed")));
    QVERIFY(examples->promptText().contains(QStringLiteral("4/255")));
    examples->setLayer(QStringLiteral("image.blocks.1"));
    QCOMPARE(examples->patchChange().changed, 3);
    QCOMPARE(examples->patchChange().patches, 16);
    QVERIFY2(examples->changeText().contains(QStringLiteral("3 of 16 patches (18.8%)")), qPrintable(examples->changeText()));
    QVERIFY(examples->changeText().contains(QStringLiteral("class token stays on E2")));
    examples->setLayer(QStringLiteral("image.blocks.3"));
    QCOMPARE(examples->patchChange().changed, 0);
    QVERIFY(examples->changeText().contains(QStringLiteral("E2 \u2192 E3")));
    QVERIFY(examples->selectExample(0, 2 / 255.0));
    QVERIFY(examples->predictionText().contains(QStringLiteral("prediction kept")));

    // Pixels: the original scaled up with nearest sampling (block colours exact), and the
    // changed patches outlined in white on the "after" grid, the others not.
    examples->selectExample(1, 4 / 255.0);
    examples->setLayer(QStringLiteral("image.blocks.1"));
    QApplication::processEvents();
    PixelImageView* clean = examples->cleanView();
    const QImage cleanPixels = clean->grab().toImage();
    const QRect area = clean->imageRect();
    QVERIFY(area.width() >= 2 * kImage);
    const double scale = area.width() / double(kImage);
    auto at = [&](int x, int y) { return QPoint(area.left() + int((x + 0.5) * scale), area.top() + int((y + 0.5) * scale)); };
    QCOMPARE(cleanPixels.pixelColor(at(1, 1)), QColor(30, 60, 90));
    QCOMPARE(cleanPixels.pixelColor(at(5, 1)), QColor(90, 60, 30));
    // Nearest sampling: the last pixel of a block and the first of the next differ sharply.
    QCOMPARE(cleanPixels.pixelColor(area.left() + int(4 * scale) - 1, area.top() + 2), QColor(30, 60, 90));
    QCOMPARE(cleanPixels.pixelColor(area.left() + int(4 * scale), area.top() + 2), QColor(90, 60, 30));

    ChangedPatchesView* after = examples->afterView();
    QVERIFY(after->isVisible());
    QCOMPARE(after->grid().at(0, 2).expert, 3);  // patch 2 moved from expert 2 to 3
    const QImage grid = after->grab().toImage();
    // White pixels along the left side of a patch, just inside its border.
    auto outlined = [&](int patch) {
      const QRectF cell = after->patchRect(patch / 4, patch % 4);
      int white = 0;
      for (int x = int(cell.left()); x <= int(cell.left()) + 5; ++x)
        white += grid.pixelColor(x, int(cell.center().y())) == ChangedPatchesView::outlineColor();
      return white;
    };
    for (int patch : {2, 5, 11}) QVERIFY2(outlined(patch) > 0, qPrintable(QString::number(patch)));
    for (int patch : {0, 3, 6, 15}) QVERIFY2(outlined(patch) == 0, qPrintable(QString::number(patch)));
    const QPoint inside = after->patchRect(0, 0).center().toPoint();
    const QColor fill = blendOver(QColor(34, 56, 94), expertColor(0), after->overlayStrength());  // over the adversarial image
    QVERIFY2(std::abs(grid.pixelColor(inside).red() - fill.red()) <= 3, qPrintable(describe(grid.pixelColor(inside))));

    // Lipschitz estimates: one row per eval row, values as stored.
    QTableWidget* table = panel.lipschitzTable();
    QVERIFY(table->isVisible());
    QCOMPARE(table->rowCount(), 7);
    auto rowOf = [&](const QString& metric) {
      for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0)->toolTip() == metric) return r;
      return -1;
    };
    const int l2max = rowOf(QStringLiteral("lipschitz/local_l2_max"));
    QVERIFY(l2max >= 0);
    QCOMPARE(table->item(l2max, 1)->data(Qt::UserRole).toDouble(), 7.25);
    const int ffn = rowOf(QStringLiteral("lipschitz/ffn_bound/image.blocks.1/0"));
    QVERIFY(ffn >= 0);
    QVERIFY(table->item(ffn, 0)->text().contains(QStringLiteral("image.blocks.1 expert 0")));
    QCOMPARE(table->item(ffn, 1)->data(Qt::UserRole).toDouble(), 2.5);

    const QString file = QDir(QStringLiteral(VIMOE_TEST_OUTPUT_DIR)).filePath(QStringLiteral("robustness_panel.png"));
    QVERIFY(panel.grab().save(file));
  }

  void aDenseRunSaysItHasNoRouting() {
    AttackStore db;
    QVERIFY(db.ok());
    RobustnessPanel panel;
    panel.resize(1200, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setStorePath(db.path());
    panel.setRuns(db.summaries());
    QTRY_COMPARE(panel.snapshot().runs.size(), 2);
    QVERIFY(panel.showRun(db.denseAttack()));
    QVERIFY(panel.routingChange()->isShowingMessage());
    QCOMPARE(panel.routingChange()->message(), RoutingChangeView::denseMessage());
    QVERIFY(panel.routingChange()->message().startsWith(QStringLiteral("Dense model: no routing")));
    QCOMPARE(panel.routingChange()->chart()->barCount(), 0);
    // The examples still show the images and predictions; the expert grids give way to a sentence.
    AttackExampleView* examples = panel.examples();
    QVERIFY(!examples->isShowingMessage());
    QVERIFY(examples->predictionText().contains(QStringLiteral("after: vu\u00f4ng (40.0%)")));
    QVERIFY(examples->changeText().startsWith(QStringLiteral("Dense model: no routing")));
    QVERIFY(!examples->afterView()->isVisible());
    QVERIFY(examples->cleanView()->isVisible());
    QVERIFY(!panel.lipschitzTable()->isVisible());
  }

  void saysWhatToRunWhenThereAreNoAttacks() {
    RobustnessPanel panel;
    QVERIFY(panel.isShowingEmptyState());
    QCOMPARE(panel.emptyMessage(), QStringLiteral("No run store is open."));

    // A project whose store does not exist yet, then a store with a training run only.
    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(QStringLiteral("vimoe.db"));
    panel.setStorePath(path);
    QTRY_VERIFY(!panel.isLoading());
    QCOMPARE(panel.emptyMessage(), RobustnessPanel::noAttackRunsMessage());
    {
      auto opened = store::RunStore::open(path.toStdString(), store::RunStore::Mode::ReadWrite);
      QVERIFY(opened);
      store::NewRun run;
      run.name = "dense";
      QVERIFY((*opened)->createRun(run));
    }
    RunSummary training;
    training.id = 1;
    training.kind = QStringLiteral("contrastive");
    panel.setRuns({training});
    QTRY_VERIFY(!panel.isLoading());
    QVERIFY(panel.isShowingEmptyState());
    const QString message = panel.emptyMessage();
    QVERIFY(message.contains(QStringLiteral("vimoe attack --checkpoint <project> --attack pgd --eps 1/255,2/255,4/255,8/255")));
    QVERIFY(message.contains(QStringLiteral("vimoe study studies/robust-dense-vs-moe.json")));
    QCOMPARE(panel.runList()->topLevelItemCount(), 0);
    QCOMPARE(panel.curves()->plot()->seriesCount(), 0);
  }
};

}  // namespace
}  // namespace vimoe::widgets

std::unique_ptr<QObject> vimoe::test_support::makeRobustnessPanelTest() {
  return std::make_unique<vimoe::widgets::RobustnessPanelTest>();
}

#include "robustness_panel_test.moc"
