// The Compression panel on a real store written through core's RunStore with the rows that
// `vimoe compress` writes (docs/compression.md, "Store rows"): a PPO run with four episodes and
// every plan, and a baseline-only run. Checks that the rank bars are rank / full rank of the
// stored layers in the method's colour (pixels), the reward curve holds the rl/* scalars, the
// Pareto plot has the episodes, the front and one marker per plan, the table the P/* rows, and
// the empty states.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "compress/compress_data.h"
#include "compress/compress_plots.h"
#include "compress/compression_panel.h"
#include "plot/curve_plot.h"
#include "plot/qcp.h"
#include "support/test_registry.h"
#include "vimoe/store/run_store.h"

namespace vimoe::widgets {
namespace {

struct PlanFigures {
  const char* name;
  double metric, report, size, params;
  std::vector<std::pair<const char*, int>> ranks;  // per layer
};
// Three matrices: image.blocks.0.attn.qkv [96 x 32], image.blocks.0.ffn.fc1 [64 x 32], the expert
// slice image.blocks.1.moe.w1[2] [64 x 32]; full ranks 32, 32, 32.
const std::vector<PlanFigures> kPlans = {
    {"dense", 0.80, 0.78, 1.0, 10240, {{"dense", 0}, {"dense", 0}, {"dense", 0}}},
    {"uniform", 0.60, 0.58, 0.5, 5120, {{"svd", 12}, {"svd", 10}, {"svd", 10}}},
    {"energy", 0.64, 0.61, 0.49, 5018, {{"svd", 16}, {"svd", 8}, {"dense", 0}}},
    {"asvd", 0.66, 0.63, 0.5, 5120, {{"asvd", 12}, {"asvd", 10}, {"asvd", 10}}},
    {"ppo", 0.70, 0.66, 0.48, 4915, {{"svd", 8}, {"cur", 6}, {"dense", 0}}},
};
const double kReward[] = {0.70, 0.78, 0.74, 0.875};
const double kBaseline[] = {0.70, 0.72, 0.73, 0.75};
const double kBest[] = {0.70, 0.78, 0.78, 0.875};

QJsonObject layerJson(int index, const char* name, const char* kind, int expert, int rows, const char* method, int rank) {
  return QJsonObject{{QStringLiteral("index"), index},
                     {QStringLiteral("name"), QString::fromLatin1(name)},
                     {QStringLiteral("kind"), QString::fromLatin1(kind)},
                     {QStringLiteral("expert"), expert},
                     {QStringLiteral("rows"), rows},
                     {QStringLiteral("cols"), 32},
                     {QStringLiteral("method"), QString::fromLatin1(method)},
                     {QStringLiteral("rank"), rank},
                     {QStringLiteral("max_rank"), 32},
                     {QStringLiteral("params_before"), rows * 32},
                     {QStringLiteral("params_after"), rank > 0 ? rank * (rows + 32) : rows * 32},
                     {QStringLiteral("keep_ratio"), rank > 0 ? double(rank * (rows + 32)) / (rows * 32) : 1.0},
                     {QStringLiteral("relative_error"), rank > 0 ? 0.3 : 0.0},
                     {QStringLiteral("sensitivity"), 0.1 * (index + 1)}};
}

std::string dump(const QJsonValue& value) {
  return (value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()))
      .toJson(QJsonDocument::Compact)
      .toStdString();
}

class CompressStore {
 public:
  CompressStore() {
    auto opened = store::RunStore::open(path().toStdString(), store::RunStore::Mode::ReadWrite);
    if (!opened) return;
    store::RunStore& db = **opened;
    store::NewRun source;
    source.name = "contrastive-tiny";
    m_source = *db.createRun(source);
    m_ppo = addRun(db, "ppo", true);
    m_uniform = addRun(db, "uniform", false);
    m_ok = m_ppo > 0 && m_uniform > 0;
  }

  bool ok() const { return m_ok; }
  QString dir() const { return m_dir.path(); }
  QString path() const { return QDir(m_dir.path()).filePath(QStringLiteral("vimoe.db")); }
  qint64 ppo() const { return m_ppo; }
  qint64 uniform() const { return m_uniform; }
  qint64 source() const { return m_source; }

  QVector<RunSummary> summaries() const {
    QVector<RunSummary> runs;
    for (qint64 id : {m_source, m_ppo, m_uniform}) {
      RunSummary run;
      run.id = id;
      run.kind = id == m_source ? QStringLiteral("contrastive") : QStringLiteral("compress");
      run.status = QStringLiteral("finished");
      runs << run;
    }
    return runs;
  }

 private:
  qint64 addRun(store::RunStore& db, const std::string& agent, bool episodes) {
    store::NewRun run;
    run.name = "compress " + agent + " 0.5 of contrastive-tiny";
    run.kind = "compress";
    run.parentRunId = m_source;
    run.configJson = "{\"checkpoint\": \"/p/checkpoints/1\", \"budget\": 0.5, \"agent\": \"" + agent +
                     "\", \"episodes\": 4, \"seed\": 1, \"methods\": \"svd,cur,nmf\", \"ranking_images\": 16}";
    auto id = db.createRun(run);
    if (!id) return -1;
    if (episodes)
      for (int e = 0; e < 4; ++e)
        if (!db.logScalars(*id, e, {{"rl/reward", kReward[e]}, {"rl/metric", kReward[e] * 0.8}, {"rl/size_ratio", 0.5},
                                    {"rl/baseline", kBaseline[e]}, {"rl/best_reward", kBest[e]}}))
          return -1;
    auto add = [&](const std::string& metric, double value, const std::string& details = std::string()) {
      return db.writeEval(*id, {"compress", metric, value, details}).ok();
    };
    QJsonArray pareto;
    if (episodes)
      for (int e = 0; e < 4; ++e)
        pareto << QJsonObject{{QStringLiteral("source"), QStringLiteral("episode")}, {QStringLiteral("episode"), e},
                              {QStringLiteral("size_ratio"), 0.45 + 0.01 * e}, {QStringLiteral("metric"), kReward[e] * 0.8},
                              {QStringLiteral("on_front"), e == 3}};
    for (const auto& p : kPlans) {
      if (!episodes && std::string(p.name) == "ppo") continue;
      QJsonArray ranks;
      for (const auto& [method, rank] : p.ranks)
        ranks << QJsonObject{{QStringLiteral("method"), QString::fromLatin1(method)}, {QStringLiteral("rank"), rank}};
      const QJsonObject summary{{QStringLiteral("name"), QString::fromLatin1(p.name)},
                                {QStringLiteral("params_before"), 10240},
                                {QStringLiteral("macs_before"), 10240},
                                {QStringLiteral("bytes_before"), 40960},
                                {QStringLiteral("plan"), ranks}};
      const std::string k = std::string(p.name) + "/";
      if (!(add(k + "metric", p.metric, dump(summary)) && add(k + "report_metric", p.report) &&
            add(k + "size_ratio", p.size) && add(k + "model_size_ratio", 0.5 + p.size / 2) && add(k + "params", p.params) &&
            add(k + "macs", p.params) && add(k + "bytes", p.params * 4) && add(k + "seconds", 1.5)))
        return -1;
      pareto << QJsonObject{{QStringLiteral("source"), QString::fromLatin1(p.name)}, {QStringLiteral("episode"), -1},
                            {QStringLiteral("size_ratio"), p.size}, {QStringLiteral("metric"), p.metric},
                            {QStringLiteral("on_front"), std::string(p.name) == "dense" || std::string(p.name) == "ppo"}};
    }
    const bool agentRun = episodes;
    const auto& written = agentRun ? kPlans[4] : kPlans[1];
    QJsonArray layers{layerJson(0, "image.blocks.0.attn.qkv", "attn_qkv", -1, 96, written.ranks[0].first, written.ranks[0].second),
                      layerJson(1, "image.blocks.0.ffn.fc1", "ffn_fc1", -1, 64, written.ranks[1].first, written.ranks[1].second),
                      layerJson(2, "image.blocks.1.moe.w1[2]", "expert_w1", 2, 64, written.ranks[2].first, written.ranks[2].second)};
    if (!add("chosen/layers", 3, dump(QJsonObject{{QStringLiteral("plan"), QString::fromLatin1(written.name)},
                                                   {QStringLiteral("layers"), layers}})) ||
        !add("pareto/points", pareto.size(), dump(pareto)) || !add("factors/file_bytes", 12345) ||
        !db.setRunStatus(*id, store::RunStatus::Finished))
      return -1;
    return *id;
  }

  QTemporaryDir m_dir;
  bool m_ok = false;
  qint64 m_source = -1, m_ppo = -1, m_uniform = -1;
};

const CurvePlot::Series* seriesOf(const CurvePlot& plot, qint64 id) {
  for (const auto& s : plot.series())
    if (s.id == id) return &s;
  return nullptr;
}

class CompressionPanelTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void shapesTheStoreRows() {
    CompressStore db;
    QVERIFY(db.ok());
    auto opened = store::RunStore::open(db.path().toStdString(), store::RunStore::Mode::ReadOnly);
    QVERIFY(opened);
    const auto evals = *(*opened)->evals(db.ppo());
    std::map<std::string, std::vector<store::ScalarPoint>> scalars;
    scalars["rl/reward"] = *(*opened)->scalars(db.ppo(), "rl/reward");
    const CompressRun run = compressRunFromStore(*(*opened)->run(db.ppo()), evals, scalars);
    QCOMPARE(run.agent, QStringLiteral("ppo"));
    QCOMPARE(run.budget, 0.5);
    QCOMPARE(run.writtenPlan, QStringLiteral("ppo"));
    QCOMPARE(run.plans.size(), 5);
    QCOMPARE(run.plans.front().name, QStringLiteral("dense"));
    QCOMPARE(run.plan(QStringLiteral("energy"))->reportMetric, 0.61);
    QCOMPARE(run.plan(QStringLiteral("ppo"))->bytes, 4915.0 * 4);
    QCOMPARE(run.plan(QStringLiteral("ppo"))->ranks.size(), 3);
    QCOMPARE(run.layers.size(), 3);
    QCOMPARE(run.layers[2].expert, 2);
    QCOMPARE(run.pareto.size(), 4 + 5);
    QCOMPARE(run.reward, (QVector<double>{kReward[0], kReward[1], kReward[2], kReward[3]}));
    QCOMPARE(run.episodeSteps, (QVector<double>{0, 1, 2, 3}));
    const QVector<RankBar> energy = rankBars(run, QStringLiteral("energy"));
    QCOMPARE(energy[0].share, 16 / 32.0);
    QCOMPARE(energy[2].share, 1.0);  // kept dense
    QCOMPARE(energy[2].method, QStringLiteral("dense"));
    const QVector<ParetoPoint> front = paretoFront(run.pareto);
    QCOMPARE(front.size(), 3);
    QCOMPARE(front.front().sizeRatio, 0.48);  // the last episode and the ppo plan it became
    QCOMPARE(front.back().source, QStringLiteral("dense"));
  }

  void drawsBarsCurvesParetoAndTable() {
    CompressStore db;
    QVERIFY(db.ok());
    CompressionPanel panel;
    panel.resize(1400, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setStorePath(db.path());
    panel.setRuns(db.summaries());
    QTRY_COMPARE(panel.snapshot().runs.size(), 2);
    QVERIFY(!panel.isShowingEmptyState());
    QVERIFY(panel.showRun(db.ppo()));
    QCOMPARE(panel.currentRun(), db.ppo());
    QVERIFY(panel.summaryText().contains(QStringLiteral("agent ppo")));
    QVERIFY(panel.summaryText().contains(QStringLiteral("contrastive-tiny")));

    // Rank bars: the written plan's kept rank / full rank per matrix, coloured by method.
    RankBarsChart* bars = panel.rankBars();
    QCOMPARE(panel.currentPlan(), QStringLiteral("ppo"));
    QCOMPARE(bars->values(), (QVector<double>{8 / 32.0, 6 / 32.0, 1.0}));
    QCOMPARE(bars->labels(), (QStringList{QStringLiteral("image.blocks.0.attn.qkv"), QStringLiteral("image.blocks.0.ffn.fc1"),
                                          QStringLiteral("image.blocks.1.moe.w1[2]")}));
    QCOMPARE(bars->legendMethods(), (QStringList{QStringLiteral("svd"), QStringLiteral("cur"), QStringLiteral("dense")}));
    bars->customPlot()->replot();
    const QImage pixels = bars->customPlot()->toPixmap().toImage();
    for (int i = 0; i < 3; ++i) {
      const int x = int(bars->customPlot()->xAxis->coordToPixel(i + 1));
      const int y = int(bars->customPlot()->yAxis->coordToPixel(bars->values()[i] / 2));
      QCOMPARE(pixels.pixelColor(x, y), methodColor(bars->methods()[i]));
    }
    panel.setPlan(QStringLiteral("asvd"));
    QCOMPARE(bars->values(), (QVector<double>{12 / 32.0, 10 / 32.0, 10 / 32.0}));
    QCOMPARE(bars->legendMethods(), QStringList{QStringLiteral("asvd")});

    // Reward over episodes: the rl/* scalars.
    CurvePlot* reward = panel.rewardPlot();
    QCOMPARE(reward->seriesCount(), 3);
    QCOMPARE(seriesOf(*reward, CompressionPanel::RewardCurve)->values,
             (QVector<double>{kReward[0], kReward[1], kReward[2], kReward[3]}));
    QCOMPARE(seriesOf(*reward, CompressionPanel::BaselineCurve)->values,
             (QVector<double>{kBaseline[0], kBaseline[1], kBaseline[2], kBaseline[3]}));
    QCOMPARE(seriesOf(*reward, CompressionPanel::BestCurve)->steps, (QVector<double>{0, 1, 2, 3}));
    QVERIFY(panel.rewardNote().contains(QStringLiteral("0.8750")));

    // Pareto: four episode dots, the front, one marker per plan at its size and metric.
    ParetoPlot* pareto = panel.paretoPlot();
    QCOMPARE(pareto->episodePointCount(), 4);
    QCOMPARE(pareto->frontPointCount(), 3);
    QCOMPARE(pareto->planMarkers(), (QStringList{QStringLiteral("dense"), QStringLiteral("uniform"), QStringLiteral("energy"),
                                                 QStringLiteral("asvd"), QStringLiteral("ppo")}));
    QCPGraph* ppo = pareto->planGraph(QStringLiteral("ppo"));
    QVERIFY(ppo);
    QCOMPARE(ppo->data()->size(), 1);
    QCOMPARE(ppo->data()->begin()->key, 0.48);
    QCOMPARE(ppo->data()->begin()->value, 0.70);
    QVERIFY(ppo->name().contains(QStringLiteral("written")));
    QVERIFY(pareto->planGraph(QStringLiteral("uniform"))->scatterStyle().shape() !=
            pareto->planGraph(QStringLiteral("energy"))->scatterStyle().shape());

    // Before / after: one row per plan, dense first, the written plan marked.
    QTableWidget* table = panel.table();
    QCOMPARE(table->rowCount(), 5);
    QCOMPARE(table->item(0, CompressionPanel::PlanColumn)->data(Qt::UserRole).toString(), QStringLiteral("dense"));
    auto rowOf = [&](const char* plan) {
      for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, CompressionPanel::PlanColumn)->data(Qt::UserRole).toString() == QLatin1String(plan)) return r;
      return -1;
    };
    const int row = rowOf("ppo");
    QVERIFY(row > 0);
    QCOMPARE(table->item(row, CompressionPanel::PlanColumn)->text(), QStringLiteral("ppo (written)"));
    QCOMPARE(table->item(row, CompressionPanel::MetricColumn)->data(Qt::UserRole).toDouble(), 0.70);
    QCOMPARE(table->item(row, CompressionPanel::ReportColumn)->data(Qt::UserRole).toDouble(), 0.66);
    QCOMPARE(table->item(row, CompressionPanel::SizeColumn)->data(Qt::UserRole).toDouble(), 0.48);
    QCOMPARE(table->item(row, CompressionPanel::ParamsColumn)->data(Qt::UserRole).toDouble(), 4915.0);
    QCOMPARE(table->item(row, CompressionPanel::BytesColumn)->data(Qt::UserRole).toDouble(), 4915.0 * 4);
    QCOMPARE(table->item(rowOf("energy"), CompressionPanel::MacsColumn)->data(Qt::UserRole).toDouble(), 5018.0);
    QVERIFY(table->item(row, CompressionPanel::MetricColumn)->toolTip().contains(QStringLiteral("-0.1000 vs dense")));

    const QString file = QDir(QStringLiteral(VIMOE_TEST_OUTPUT_DIR)).filePath(QStringLiteral("compression_panel.png"));
    QVERIFY(panel.grab().save(file));
  }

  void aBaselineRunHasNoRewardCurve() {
    CompressStore db;
    QVERIFY(db.ok());
    CompressionPanel panel;
    panel.setStorePath(db.path());
    panel.setRuns(db.summaries());
    QTRY_COMPARE(panel.snapshot().runs.size(), 2);
    QCOMPARE(panel.currentRun(), db.uniform());  // the newest until the user picks
    QVERIFY(panel.showRun(db.source()));         // the source run: its newest compression
    QCOMPARE(panel.currentRun(), db.uniform());
    QCOMPARE(panel.rewardPlot()->seriesCount(), 0);
    QVERIFY2(panel.rewardNote().contains(QStringLiteral("no reward curve")), qPrintable(panel.rewardNote()));
    QCOMPARE(panel.currentPlan(), QStringLiteral("uniform"));
    QCOMPARE(panel.rankBars()->values(), (QVector<double>{12 / 32.0, 10 / 32.0, 10 / 32.0}));
    QCOMPARE(panel.table()->rowCount(), 4);
    QCOMPARE(panel.paretoPlot()->episodePointCount(), 0);
  }

  void saysWhatToRunWhenThereAreNoCompressions() {
    CompressionPanel panel;
    QCOMPARE(panel.emptyMessage(), QStringLiteral("No run store is open."));
    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(QStringLiteral("vimoe.db"));
    panel.setStorePath(path);
    QTRY_VERIFY(!panel.isLoading());
    QCOMPARE(panel.emptyMessage(), CompressionPanel::noCompressRunsMessage());
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
    QVERIFY(panel.emptyMessage().contains(QStringLiteral("vimoe compress --checkpoint <project> --budget 0.5 --agent ppo")));
  }
};

}  // namespace
}  // namespace vimoe::widgets

std::unique_ptr<QObject> vimoe::test_support::makeCompressionPanelTest() {
  return std::make_unique<vimoe::widgets::CompressionPanelTest>();
}

#include "compression_panel_test.moc"
