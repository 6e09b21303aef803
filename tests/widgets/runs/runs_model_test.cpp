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

  void showsKindTimeTaskMetricTagsAndNotes() {
    RunsModel model;
    model.setNowForTests(1000.0 + 300.0);
    RunSummary running = makeRun(1, QStringLiteral("caption-moe"), QStringLiteral("running"), 100, 3.0);
    running.kind = QStringLiteral("caption");
    running.moeLayers = QStringList{QStringLiteral("text.blocks.0")};
    running.startedAt = 1000.0;  // 100 of 400 steps in 300 s: 900 s left
    running.latest.insert(QStringLiteral("val/cider_d"), 0.4567);
    running.tags = QStringLiteral("ablation,e4");
    running.notes = QStringLiteral("Router collapses after step 80.\nTry z-loss 1e-3.");
    RunSummary ended = makeRun(2, QStringLiteral("vqa-dense"), QStringLiteral("finished"), 400, 2.0);
    ended.kind = QStringLiteral("vqa");
    ended.startedAt = 1000.0;
    ended.endedAt = 1000.0 + 3725.0;
    ended.latest.insert(QStringLiteral("val/exact_match"), 0.312);
    RunSummary contrastive = makeRun(3, QStringLiteral("retrieval"), QStringLiteral("queued"), 0, 0.0);
    contrastive.kind = QStringLiteral("contrastive");
    model.setRuns({running, ended, contrastive});
    QCOMPARE(cell(model, 0, RunsModel::Kind), QStringLiteral("caption \u00b7 MoE"));
    QCOMPARE(cell(model, 1, RunsModel::Kind), QStringLiteral("vqa"));
    QCOMPARE(cell(model, 0, RunsModel::Time), QStringLiteral("15:00 left"));
    QCOMPARE(cell(model, 1, RunsModel::Time), QStringLiteral("1:02:05"));
    QCOMPARE(cell(model, 2, RunsModel::Time), QString(QChar(0x2014)));  // not started
    QCOMPARE(cell(model, 0, RunsModel::TaskMetric), QStringLiteral("CIDEr-D 0.4567"));
    QCOMPARE(cell(model, 1, RunsModel::TaskMetric), QStringLiteral("EM 31.2%"));
    QCOMPARE(cell(model, 2, RunsModel::TaskMetric), QString(QChar(0x2014)));
    QCOMPARE(model.index(1, RunsModel::TaskMetric).data(RunsModel::kSortRole).toDouble(), 0.312);
    QCOMPARE(cell(model, 0, RunsModel::Tags), QStringLiteral("ablation,e4"));
    QCOMPARE(cell(model, 0, RunsModel::Notes), QStringLiteral("Router collapses after step 80."));
    QCOMPARE(model.index(0, RunsModel::Notes).data(Qt::ToolTipRole).toString(), running.notes);
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
