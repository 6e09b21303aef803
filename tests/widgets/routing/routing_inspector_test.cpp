// The routing inspector on a real store written through core's RunStore: rows -> patch grid,
// token chips and layer transitions (values), the snapshot read and its image paths resolved,
// the expert colours painted in known patch cells (pixels), and the empty states.
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "bridge/store_reader.h"
#include "routing/expert_palette.h"
#include "routing/patch_overlay_view.h"
#include "routing/routing_data.h"
#include "routing/routing_inspector_panel.h"
#include "routing/routing_snapshot_view.h"
#include "routing/token_chips_view.h"
#include "routing/token_paths_view.h"
#include "routing/transitions_view.h"
#include "support/test_registry.h"
#include "vimoe/store/run_store.h"

namespace vimoe::widgets {
namespace {

constexpr int kExperts = 4;
constexpr int kSide = 4;          // 4 x 4 patches
constexpr int kDroppedPatch = 6;  // row 1, column 1
const QColor kImageColour(200, 200, 200);

// Image layer 0: patch t goes to expert (t-1) % 4 (columns), layer 1: to (t-1) / 4 (rows);
// the class token to expert 2 in both. At step 20 layer 0 has collapsed onto expert 3.
int imageExpert(std::int64_t step, int layer, int token) {
  if (token == 0) return 2;
  if (layer == 0) return step >= 20 ? 3 : (token - 1) % kSide;
  return (token - 1) / kSide;
}
double imageGate(int token) {
  return 0.4 + 0.15 * ((token - 1) % kSide);
}  // 0.4 .. 0.85
int textExpert(int layer, int token) {
  return layer == 2 ? token % kExperts : (token + 1) % kExperts;
}
double textGate(int token) {
  return 0.5 + 0.1 * token;
}

store::RoutingRow routingRow(std::int64_t step, int sample, const char* modality, int layer, int token, int expert,
                             double gate, bool kept) {
  store::RoutingRow row;
  row.step = step;
  row.sample = sample;
  row.modality = modality;
  row.layer = layer;
  row.token = token;
  row.experts = {expert, (expert + 1) % kExperts};
  row.gates = {static_cast<float>(gate), static_cast<float>(0.9 * (1.0 - gate))};
  row.kept = {kept ? 1 : 0, 1};
  return row;
}

std::vector<store::RoutingRow> snapshotRows(std::int64_t step) {
  std::vector<store::RoutingRow> rows;
  for (int sample = 0; sample < 2; ++sample) {
    for (int layer = 0; layer < 2; ++layer)
      for (int token = 0; token <= kSide * kSide; ++token)
        rows.push_back(routingRow(step, sample, "image", layer, token, imageExpert(step, layer, token),
                                  token == 0 ? 0.61 : imageGate(token), !(layer == 0 && token == kDroppedPatch)));
    for (int layer = 2; layer < 4; ++layer)
      for (int token = 0; token < 6; ++token)
        rows.push_back(routingRow(step, sample, "text", layer, token, textExpert(layer, token), textGate(token),
                                  !(layer == 2 && token == 3)));
  }
  return rows;
}

// A project folder with a store: an MoE run with two routing snapshots of a two-sample probe
// set (the first image is a real PNG, stored relative to the project; the second is gone), a
// second MoE run without snapshots and a dense run.
class RoutingStore {
 public:
  RoutingStore() {
    QImage image(32, 32, QImage::Format_RGB32);
    image.fill(kImageColour);
    QDir(m_dir.path()).mkpath(QStringLiteral("data/images"));
    m_ok = image.save(QDir(m_dir.path()).filePath(QStringLiteral("data/images/probe0.png")));
    auto opened = store::RunStore::open(path().toStdString(), store::RunStore::Mode::ReadWrite);
    if (!m_ok || !opened) {
      m_ok = false;
      return;
    }
    store::RunStore& db = **opened;
    store::NewRun run;
    run.name = "routing/moe-e4-k2";
    run.configJson = R"({"moe": {"num_experts": 4, "top_k": 2}, "run": {"routing_every": 10}})";
    m_moe = *db.createRun(run);
    run.name = "routing/fresh-moe";
    m_fresh = *db.createRun(run);
    run.name = "routing/dense";
    run.configJson = "{}";
    m_dense = *db.createRun(run);
    const std::vector<std::string> layers = {"image.blocks.1", "image.blocks.3", "text.blocks.1", "text.blocks.3"};
    store::ProbeSample first{0,
                             "data/images/probe0.png",
                             "Một hình tròn",
                             "shapes",
                             {"<s>", "\u2581M\u1ed9t", "\u2581h\u00ecnh", "\u2581tr", "\u00f2n", "</s>"}};
    store::ProbeSample second{1, "/nonexistent/vimoe/gone/probe1.png", "Hai", "shapes", {"<s>", "\u2581Hai", "</s>"}};
    m_ok = db.setMoeLayers(m_moe, layers) && db.setMoeLayers(m_fresh, layers) &&
           db.setProbeSamples(m_moe, {first, second}) && db.logRouting(m_moe, snapshotRows(10)) &&
           db.logRouting(m_moe, snapshotRows(20)) && db.setRunProgress(m_moe, 20);
  }

  bool ok() const { return m_ok; }
  QString dir() const { return m_dir.path(); }
  QString path() const { return QDir(m_dir.path()).filePath(QStringLiteral("vimoe.db")); }
  qint64 moe() const { return m_moe; }
  qint64 fresh() const { return m_fresh; }

  QVector<RunSummary> summaries(bool withMoe = true) const {
    const QStringList layers = {QStringLiteral("image.blocks.1"), QStringLiteral("image.blocks.3"),
                                QStringLiteral("text.blocks.1"), QStringLiteral("text.blocks.3")};
    QVector<RunSummary> runs;
    for (qint64 id : {m_moe, m_fresh, m_dense}) {
      RunSummary run;
      run.id = id;
      run.name = QStringLiteral("run %1").arg(id);
      run.status = QStringLiteral("finished");
      run.step = id == m_moe ? 20 : 0;
      if (withMoe && id != m_dense) run.moeLayers = layers;
      runs << run;
    }
    return runs;
  }

 private:
  QTemporaryDir m_dir;
  bool m_ok = false;
  qint64 m_moe = -1, m_fresh = -1, m_dense = -1;
};

QVector<store::RoutingRow> rowsAt(std::int64_t step) {
  const auto rows = snapshotRows(step);
  return QVector<store::RoutingRow>(rows.begin(), rows.end());
}

bool near(const QColor& a, const QColor& b, int tolerance = 3) {
  return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
         std::abs(a.blue() - b.blue()) <= tolerance;
}

QString describe(const QColor& c) {
  return QStringLiteral("(%1, %2, %3)").arg(c.red()).arg(c.green()).arg(c.blue());
}

class RoutingInspectorTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void drawsGatesFromFaintAtOneOverEToSolid() {
    QCOMPARE(gateOpacity(0.25, 4), kMinGateOpacity);
    QCOMPARE(gateOpacity(1.0, 4), 1.0);
    QCOMPARE(gateOpacity(0.625, 4), kMinGateOpacity + 0.5 * (1.0 - kMinGateOpacity));
    QCOMPARE(gateOpacity(0.1, 4), kMinGateOpacity);  // renormalised or noisy gates stay in range
    QCOMPARE(gateOpacity(0.3, 1), 1.0);
    QCOMPARE(gateOpacity(0.3, 0), 0.3);  // E not known: the raw gate
    QCOMPARE(blendOver(QColor(0, 0, 0), QColor(200, 100, 50), 0.5), QColor(100, 50, 25));
  }

  void shapesThePatchGridOfOneSampleAndLayer() {
    const PatchGrid grid = buildPatchGrid(rowsAt(10), 0, 0);
    QCOMPARE(grid.side, kSide);
    QCOMPARE(grid.patches.size(), kSide * kSide);
    QCOMPARE(grid.classToken.expert, 2);
    QCOMPARE(grid.classToken.gate, double(0.61f));
    QCOMPARE(grid.at(0, 3).expert, 3);
    QCOMPARE(grid.at(2, 1).expert, 1);
    QCOMPARE(grid.at(2, 1).gate, double(float(imageGate(10))));
    QCOMPARE(grid.at(2, 1).experts, (QVector<int>{1, 2}));
    QVERIFY(grid.at(1, 1).dropped);  // token 6: first choice over capacity
    QCOMPARE(grid.at(1, 1).droppedChoices(), 1);
    QCOMPARE(grid.droppedCount(), 1);
    QCOMPARE(buildPatchGrid(rowsAt(10), 0, 1).at(2, 1).expert, 2);  // layer 1 follows rows
    QCOMPARE(buildPatchGrid(rowsAt(20), 0, 0).at(2, 1).expert, 3);  // collapsed at step 20
    QCOMPARE(buildPatchGrid(rowsAt(10), 0, 2).side, 0);             // a text layer has no patches
  }

  void turnsCaptionPiecesIntoChips() {
    store::ProbeSample probe{
        0, "", "Một hình tròn", "", {"<s>", "\u2581M\u1ed9t", "\u2581h\u00ecnh", "\u2581tr", "\u00f2n", "</s>"}};
    const QVector<TokenChip> chips = buildTokenChips(rowsAt(10), probe, 2);
    QCOMPARE(chips.size(), 6);
    QCOMPARE(chips[1].text, QStringLiteral(" M\u1ed9t"));
    QCOMPARE(chips[4].text, QStringLiteral("\u00f2n"));  // a word's continuation has no space
    QVERIFY(chips[0].special && chips[5].special && !chips[1].special);
    QCOMPARE(chips[2].route.expert, 2);
    QCOMPARE(chips[2].route.gate, double(float(textGate(2))));
    QVERIFY(chips[3].route.dropped);
    QCOMPARE(buildTokenChips(rowsAt(10), probe, 3)[2].route.expert, 3);
    // A piece without a row is still a chip, uncoloured.
    probe.tokens.push_back("\u2581th\u00eam");
    const auto longer = buildTokenChips(rowsAt(10), probe, 2);
    QCOMPARE(longer.size(), 7);
    QVERIFY(!longer[6].route.present());
  }

  void buildsPathsAndTransitionsAcrossLayers() {
    const auto rows = rowsAt(10);
    const QStringList names = {QStringLiteral("image.blocks.1"), QStringLiteral("image.blocks.3"),
                               QStringLiteral("text.blocks.1"), QStringLiteral("text.blocks.3")};
    QCOMPARE(layersOfModality(rows, names, RoutingModality::Image), (QVector<int>{0, 1}));
    QCOMPARE(layersOfModality(rows, names, RoutingModality::Text), (QVector<int>{2, 3}));
    QCOMPARE(layersOfModality({}, names, RoutingModality::Text), (QVector<int>{2, 3}));  // by name

    const TokenPaths paths = buildTokenPaths(rows, 0, RoutingModality::Image, {0, 1});
    QCOMPARE(paths.tokens.size(), 17);
    QCOMPARE(paths.at(0, 0).expert, 2);   // class token
    QCOMPARE(paths.at(10, 0).expert, 1);  // token 10: column 1 ...
    QCOMPARE(paths.at(10, 1).expert, 2);  // ... row 2

    // Same expert number in both layers: the class token and the 4 diagonal patches of 17.
    const auto transitions = buildTransitions(rows, RoutingModality::Image, {0, 1}, kExperts);
    QCOMPARE(transitions.size(), 1);
    const LayerTransition& t = transitions[0];
    QCOMPARE(t.tokens, 2 * 17);  // both probe samples
    QCOMPARE(t.sameExpertShare, 5.0 / 17.0);
    QCOMPARE(t.count(2, 2), 2.0 * 2);  // class token and patch (2,2), in both samples
    QCOMPARE(t.count(0, 3), 2.0);
    QCOMPARE(t.rowTotal(2), 2.0 * 5);
    // Each expert's most common successor: 1 of 4 patches, expert 2 has 2 of 5.
    QCOMPARE(t.followShare, 5.0 / 17.0);
    const auto oneSample = buildTransitions(rows, RoutingModality::Image, {0, 1}, kExperts, 0);
    QCOMPARE(oneSample[0].tokens, 17);
    // Collapsed layer 0: every patch comes from expert 3, so the next expert is not predictable;
    // the class token and the last patch row keep expert 3's number by chance.
    const auto collapsed = buildTransitions(rowsAt(20), RoutingModality::Image, {0, 1}, kExperts, 0);
    QCOMPARE(collapsed[0].sameExpertShare, 5.0 / 17.0);
    QCOMPARE(collapsed[0].followShare, 5.0 / 17.0);
    QVERIFY(std::isnan(buildTransitions({}, RoutingModality::Text, {2, 3}, kExperts)[0].sameExpertShare));
    QCOMPARE(tokensPerExpert(rows, 0, 0, kExperts), (QVector<int>{4, 4, 5, 4}));
  }

  void readsTheSnapshotAndResolvesImagePaths() {
    RoutingStore db;
    QVERIFY(db.ok());
    auto store = store::RunStore::open(db.path().toStdString(), store::RunStore::Mode::ReadOnly);
    QVERIFY(store);
    auto latest = readRoutingSnapshot(**store, db.moe(), -1);
    QVERIFY(latest);
    QCOMPARE(latest->step, qint64(20));
    QCOMPARE(latest->steps, (QVector<qint64>{10, 20}));
    QCOMPARE(latest->layers.size(), 4);
    QCOMPARE(latest->probes.size(), 2);
    QCOMPARE(latest->rows.size(), 2 * (2 * 17 + 2 * 6));
    QCOMPARE(latest->experts, kExperts);
    QCOMPARE(latest->routingEvery, 10);
    const QString image = QDir(db.dir()).filePath(QStringLiteral("data/images/probe0.png"));
    QCOMPARE(latest->imageFiles, (QStringList{QFileInfo(image).absoluteFilePath(), QString()}));
    QCOMPARE(readRoutingSnapshot(**store, db.moe(), 12)->step, qint64(10));  // the nearest stored step
    auto none = readRoutingSnapshot(**store, db.fresh(), -1);
    QVERIFY(none);
    QCOMPARE(none->step, qint64(-1));
    QVERIFY(none->rows.isEmpty());

    // An absolute path of a project that moved with its store: its tail under the store's folder.
    const QStringList bases = probeImageBaseDirs(db.path(), QString());
    QCOMPARE(bases.front(), QFileInfo(db.dir()).absoluteFilePath());
    QCOMPARE(resolveProbeImage(QStringLiteral("/old/home/project/data/images/probe0.png"), bases),
             QFileInfo(image).absoluteFilePath());
    QCOMPARE(resolveProbeImage(QStringLiteral("data/images/nothing.png"), bases), QString());
  }

  void paintsExpertColoursInPatchCellsChipsAndPaths() {
    RoutingStore db;
    QVERIFY(db.ok());
    RoutingInspectorPanel panel;
    QSignalSpy shown(&panel, &RoutingInspectorPanel::snapshotShown);
    panel.resize(1280, 820);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setStorePath(db.path());
    panel.setRuns(db.summaries());
    panel.showRun(db.moe());
    QTRY_COMPARE(panel.currentStep(), qint64(20));
    panel.setStep(10);
    QTRY_COMPARE(panel.currentStep(), qint64(10));
    QVERIFY(!panel.isShowingEmptyState());
    RoutingSnapshotView* view = panel.view();
    view->setImageLayer(QStringLiteral("image.blocks.1"));
    view->setTextLayer(QStringLiteral("text.blocks.1"));
    view->setOverlayStrength(0.8);
    QCOMPARE(panel.currentSample(), 0);
    QVERIFY(view->patchView()->hasImage());
    QVERIFY(view->classTokenText().contains(QStringLiteral("E2")));
    QVERIFY(view->imageNote().contains(QStringLiteral("probe0.png")));
    QVERIFY2(!view->imageNote().contains(QStringLiteral("missing")), qPrintable(view->imageNote()));

    const QImage pixels = view->patchView()->grab().toImage();
    for (int token : {1, 4, 7, 12, 16}) {
      const int r = (token - 1) / kSide, c = (token - 1) % kSide;
      const QPoint centre = view->patchView()->patchRect(r, c).center().toPoint();
      const QColor expected = blendOver(kImageColour, expertColor(imageExpert(10, 0, token)),
                                        gateOpacity(imageGate(token), kExperts) * 0.8);
      const QColor seen = pixels.pixelColor(centre);
      QVERIFY2(
          near(seen, expected),
          qPrintable(QStringLiteral("token %1: %2, expected %3").arg(token).arg(describe(seen), describe(expected))));
    }
    // The dropped patch is hatched: some of its pixels are far darker than its fill.
    const QRect dropped = view->patchView()->patchRect(1, 1).toRect().adjusted(3, 3, -3, -3);
    const QColor fill = blendOver(kImageColour, expertColor(1), gateOpacity(imageGate(kDroppedPatch), kExperts) * 0.8);
    int dark = 0;
    for (int y = dropped.top(); y <= dropped.bottom(); ++y)
      for (int x = dropped.left(); x <= dropped.right(); ++x)
        dark += pixels.pixelColor(x, y).value() < fill.value() - 60;
    QVERIFY2(dark > 10, qPrintable(QString::number(dark)));

    // Chips: filled with the expert colour over the base colour at the gate's opacity.
    const QImage chips = view->chipsView()->grab().toImage();
    const QColor base = view->chipsView()->palette().color(QPalette::Base);
    for (int token : {1, 2, 4}) {
      const QRect chip = view->chipsView()->chipRect(token);
      const QColor seen = chips.pixelColor(chip.left() + 3, chip.center().y());
      const QColor expected =
          blendOver(base, expertColor(textExpert(2, token)), gateOpacity(textGate(token), kExperts));
      QVERIFY2(near(seen, expected), qPrintable(describe(seen) + QStringLiteral(" vs ") + describe(expected)));
    }
    // Paths: solid expert colours; row 10 = patch token 10 (column 1 in layer 0, row 2 in layer 1).
    view->setPathModality(RoutingModality::Image);
    const QImage paths = view->pathsView()->grab().toImage();
    for (int column : {0, 1}) {
      const QRect cell = view->pathsView()->cellRect(10, column);
      QCOMPARE(paths.pixelColor(cell.left() + 3, cell.top() + 3), expertColor(column == 0 ? 1 : 2));
    }
    QCOMPARE(view->transitionsView()->transitions().size(), 1);
    QCOMPARE(view->transitionsView()->transitions()[0].sameExpertShare, 5.0 / 17.0);

    // The step slider moves to the collapsed snapshot: every patch of layer 0 is expert 3.
    panel.setStep(20);
    QTRY_COMPARE(panel.currentStep(), qint64(20));
    QCOMPARE(view->patchView()->grid().at(2, 1).expert, 3);
    // Regression: the image stays found when the next snapshot arrives (its probe index was once
    // taken from a detached copy of the probe list and pointed nowhere).
    QVERIFY(view->patchView()->hasImage());
    QVERIFY2(!view->imageNote().contains(QStringLiteral("missing")), qPrintable(view->imageNote()));
    QVERIFY(shown.count() >= 3);
    const QString path = QDir(QStringLiteral(VIMOE_TEST_OUTPUT_DIR)).filePath(QStringLiteral("routing_inspector.png"));
    QVERIFY(panel.grab().save(path));
  }

  void aMissingImageKeepsTheGridOnGrey() {
    RoutingStore db;
    QVERIFY(db.ok());
    RoutingInspectorPanel panel;
    panel.resize(1100, 760);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setStorePath(db.path());
    panel.setRuns(db.summaries());
    panel.showRun(db.moe());
    QTRY_COMPARE(panel.currentStep(), qint64(20));
    panel.setSample(1);
    RoutingSnapshotView* view = panel.view();
    view->setImageLayer(QStringLiteral("image.blocks.3"));
    QVERIFY(!view->patchView()->hasImage());
    QVERIFY2(view->imageNote().contains(QStringLiteral("missing")), qPrintable(view->imageNote()));
    QVERIFY(view->imageNote().contains(QStringLiteral("/nonexistent/vimoe/gone/probe1.png")));
    const QImage pixels = view->patchView()->grab().toImage();
    const double strength = view->overlayStrength();
    const int token = 11;  // row 2 -> expert 2 in layer 1
    const QPoint centre = view->patchView()->patchRect(2, 2).center().toPoint();
    const QColor expected = blendOver(PatchOverlayView::neutralBackground(), expertColor(2),
                                      gateOpacity(imageGate(token), kExperts) * strength);
    QVERIFY2(near(pixels.pixelColor(centre), expected), qPrintable(describe(pixels.pixelColor(centre))));
  }

  void saysWhyItIsEmpty() {
    RoutingStore db;
    QVERIFY(db.ok());
    RoutingInspectorPanel panel;
    panel.setStorePath(db.path());
    panel.setRuns({});
    QVERIFY(panel.isShowingEmptyState());
    QCOMPARE(panel.emptyMessage(),
             QStringLiteral("No runs yet \u2014 start a study from the Run menu, or Launch an experiment"));
    panel.setRuns(db.summaries(false));
    QVERIFY(panel.emptyMessage().contains(QStringLiteral("None of the runs has MoE layers")));

    // An MoE run without snapshots yet says when they come.
    panel.setRuns(db.summaries());
    panel.showRun(db.fresh());
    QTRY_VERIFY(panel.emptyMessage().contains(QStringLiteral("run.routing_every")));
    QVERIFY(panel.isShowingEmptyState());
    QVERIFY2(panel.emptyMessage().contains(QStringLiteral("every 10 steps")), qPrintable(panel.emptyMessage()));
    QCOMPARE(panel.currentStep(), qint64(-1));

    // The run with snapshots shows them; a store that is gone is an empty state, not a crash.
    panel.showRun(db.moe());
    QTRY_VERIFY(!panel.isShowingEmptyState());
    panel.setStorePath(QDir(db.dir()).filePath(QStringLiteral("missing.db")));
    QTRY_VERIFY(panel.isShowingEmptyState());
    QVERIFY(!panel.emptyMessage().isEmpty());
  }
};

}  // namespace
}  // namespace vimoe::widgets

std::unique_ptr<QObject> vimoe::test_support::makeRoutingInspectorTest() {
  return std::make_unique<vimoe::widgets::RoutingInspectorTest>();
}

#include "routing_inspector_test.moc"
