// Expert-load rows -> the heatmap grid, and the dead-expert rule (share < 1% of 1/E).
#include <QTest>

#include "experts/expert_share_grid.h"
#include "support/test_registry.h"

namespace vimoe::widgets {
namespace {

store::ExpertLoadRow row(int layer, std::int64_t step, int expert, double fraction) {
  store::ExpertLoadRow r;
  r.layer = layer;
  r.step = step;
  r.expert = expert;
  r.fraction = fraction;
  return r;
}

class ExpertShareGridTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void buildsExpertBySnapshotGrid() {
    QVector<store::ExpertLoadRow> rows;
    for (std::int64_t step : {10, 20, 30})
      for (int e = 0; e < 4; ++e) rows << row(0, step, e, 0.25) << row(1, step, e, 0.1 * (e + 1));
    const auto grid = buildExpertShareGrid(rows, 1);
    QCOMPARE(grid.experts, 4);
    QCOMPARE(grid.steps, (QVector<double>{10, 20, 30}));
    QCOMPARE(grid.share.size(), 12);
    QCOMPARE(grid.share[grid.index(3, 2)], 0.4);
    QCOMPARE(grid.fairShare(), 0.25);
    QCOMPARE(grid.maxShare(), 0.4);
    QVERIFY(grid.deadAtLast.isEmpty());
  }

  void flagsExpertsBelowOnePercentOfFairShare() {
    // E = 4: fair share 0.25, dead below 0.0025.
    QVector<store::ExpertLoadRow> rows = {row(0, 10, 0, 0.5), row(0, 10, 1, 0.4975), row(0, 10, 2, 0.0025),
                                          row(0, 10, 3, 0.0),  row(0, 20, 0, 0.5),    row(0, 20, 1, 0.5),
                                          row(0, 20, 2, 0.0),  row(0, 20, 3, 0.0)};
    const auto grid = buildExpertShareGrid(rows, 0);
    QVERIFY(!grid.dead[grid.index(2, 0)]);  // exactly at the threshold is alive
    QVERIFY(grid.dead[grid.index(3, 0)]);
    QVERIFY(grid.dead[grid.index(2, 1)]);
    QCOMPARE(grid.deadAtLast, (QVector<int>{2, 3}));
  }

  void anUnknownLayerGivesAnEmptyGrid() {
    const auto grid = buildExpertShareGrid({row(0, 10, 0, 1.0)}, 5);
    QCOMPARE(grid.experts, 0);
    QVERIFY(grid.steps.isEmpty());
  }
};

}  // namespace
}  // namespace vimoe::widgets

std::unique_ptr<QObject> vimoe::test_support::makeExpertShareGridTest() {
  return std::make_unique<vimoe::widgets::ExpertShareGridTest>();
}

#include "expert_share_grid_test.moc"
