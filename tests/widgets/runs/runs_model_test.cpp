// RunsModel: what the runs table shows, and that live refreshes update rows in place (so the
// user's selection survives) instead of resetting the model.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <limits>

#include "runs/runs_model.h"
#include "support/test_registry.h"

namespace vimoe::widgets {
namespace {

RunSummary makeRun(qint64 id, const QString& name, const QString& status, qint64 step, double loss) {
  RunSummary run;
  run.id = id;
  run.name = name;
  run.status = status;
  run.step = step;
  run.totalSteps = 400;
  run.latest.insert(QStringLiteral("train/loss"), loss);
  return run;
}

QString cell(const RunsModel& model, int row, int column) {
  return model.index(row, column).data().toString();
}

class RunsModelTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void showsRunsAndTheirLatestMetrics() {
    RunsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RunSummary moe = makeRun(2, QStringLiteral("dense-vs-moe/moe-e4-k1"), QStringLiteral("running"), 120, 2.3456789);
    moe.latest.insert(QStringLiteral("val/r1_i2t"), 0.03125);
    moe.latest.insert(QStringLiteral("val/r1_t2i"), 0.25);
    moe.moeLayers = QStringList{QStringLiteral("image.blocks.0")};
    model.setRuns({makeRun(1, QStringLiteral("dense-vs-moe/dense"), QStringLiteral("finished"), 400, 1.5), moe});

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(RunsModel::ColumnCount));
    QCOMPARE(cell(model, 0, RunsModel::Name), QStringLiteral("dense-vs-moe/dense"));
    QCOMPARE(cell(model, 0, RunsModel::Status), QStringLiteral("finished"));
    QCOMPARE(cell(model, 0, RunsModel::Step), QStringLiteral("400 / 400"));
    QCOMPARE(cell(model, 0, RunsModel::TrainLoss), QStringLiteral("1.5000"));
    QCOMPARE(cell(model, 0, RunsModel::ValR1ImageToText), QString(QChar(0x2014)));  // not logged
    QCOMPARE(cell(model, 1, RunsModel::TrainLoss), QStringLiteral("2.3457"));
    QCOMPARE(cell(model, 1, RunsModel::ValR1ImageToText), QStringLiteral("3.1%"));
    QCOMPARE(cell(model, 1, RunsModel::ValR1TextToImage), QStringLiteral("25.0%"));
    QCOMPARE(model.index(1, 0).data(RunsModel::kRunIdRole).toLongLong(), 2);
    QCOMPARE(model.index(1, RunsModel::Step).data(RunsModel::kSortRole).toLongLong(), 120);
    QVERIFY(model.index(1, RunsModel::Name).data(Qt::ToolTipRole).toString().contains(QStringLiteral("MoE")));
    QVERIFY(model.headerData(RunsModel::ValR1TextToImage, Qt::Horizontal).toString().contains(QStringLiteral("R@1")));
  }

  void showsADivergedLossAsNaN() {
    RunsModel model;
    model.setRuns({makeRun(1, QStringLiteral("x"), QStringLiteral("diverged"), 10,
                           std::numeric_limits<double>::quiet_NaN())});
    QCOMPARE(cell(model, 0, RunsModel::TrainLoss), QStringLiteral("nan"));
    QVERIFY(model.index(0, RunsModel::Status).data(Qt::ForegroundRole).isValid());  // flagged in colour
  }

  void updatesInPlaceAndAppendsNewRuns() {
    RunsModel model;
    model.setRuns({makeRun(1, QStringLiteral("a"), QStringLiteral("running"), 10, 3.0)});
    const QPersistentModelIndex kept = model.index(0, RunsModel::Name);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    model.setRuns({makeRun(1, QStringLiteral("a"), QStringLiteral("running"), 20, 2.0),
                   makeRun(2, QStringLiteral("b"), QStringLiteral("queued"), 0, 4.0)});
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QVERIFY(kept.isValid());
    QCOMPARE(cell(model, 0, RunsModel::Step), QStringLiteral("20 / 400"));
    QCOMPARE(model.rowCount(), 2);

    // A different store (other ids) is a reset.
    model.setRuns({makeRun(9, QStringLiteral("z"), QStringLiteral("finished"), 1, 1.0)});
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.rowOfRun(9), 0);
    QCOMPARE(model.rowOfRun(1), -1);
  }
};

}  // namespace
}  // namespace vimoe::widgets

std::unique_ptr<QObject> vimoe::test_support::makeRunsModelTest() {
  return std::make_unique<vimoe::widgets::RunsModelTest>();
}

#include "runs_model_test.moc"
