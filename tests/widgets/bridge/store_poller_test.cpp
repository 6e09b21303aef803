// StorePoller on a real store written by another connection: the full curve once, then only
// the new rows; a store that appears later is picked up; nothing is read on an idle store.
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "bridge/store_poller.h"
#include "support/demo_project.h"
#include "support/test_registry.h"

namespace vimoe::widgets {
namespace {

using test_support::DemoProject;

class StorePollerTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void sendsTheFullCurveThenOnlyNewRows() {
    DemoProject project;
    QVERIFY2(project.ok(), qPrintable(project.error()));
    StorePoller poller(nullptr, 50);
    QSignalSpy runs(&poller, &StorePoller::runsChanged);
    QSignalSpy curves(&poller, &StorePoller::curveUpdated);
    poller.setStorePath(project.storePath());
    QTRY_VERIFY(runs.count() >= 1);
    const auto listed = runs.last().at(0).value<QVector<RunSummary>>();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed[0].name, QString::fromLatin1(DemoProject::kDenseName));
    QCOMPARE(listed[0].status, QStringLiteral("finished"));
    QVERIFY(!listed[0].isMoe());
    QCOMPARE(listed[1].moeLayers.size(), 4);
    QVERIFY(std::isfinite(listed[0].latest.value(QStringLiteral("train/loss"), NAN)));

    const CurveKey key{project.denseRunId(), QStringLiteral("train/loss")};
    poller.setWatchedCurves({key});
    QTRY_COMPARE(curves.count(), 1);
    auto first = curves.takeFirst().at(0).value<CurveUpdate>();
    QVERIFY(first.reset);
    QCOMPARE(first.steps.size(), DemoProject::kSteps);
    QVERIFY(std::isnan(first.values[DemoProject::kNanStep - 1]));  // NaN travels as NaN

    QVERIFY(project.appendLoss(project.denseRunId(), DemoProject::kSteps + 1, 3));
    QTRY_COMPARE(curves.count(), 1);
    auto next = curves.takeFirst().at(0).value<CurveUpdate>();
    QVERIFY(!next.reset);
    QCOMPARE(next.steps, (QVector<double>{51, 52, 53}));
    QCOMPARE(next.values[2], DemoProject::lossAt(53, false));

    // No commit, no read: an idle store produces no signals.
    runs.clear();
    QTest::qWait(300);
    QCOMPARE(runs.count(), 0);
    QCOMPARE(curves.count(), 0);
  }

  void waitsForAStoreThatDoesNotExistYet() {
    DemoProject project(false);
    QVERIFY2(project.ok(), qPrintable(project.error()));
    StorePoller poller(nullptr, 50);
    QSignalSpy missing(&poller, &StorePoller::storeMissing);
    QSignalSpy opened(&poller, &StorePoller::storeOpened);
    QSignalSpy runs(&poller, &StorePoller::runsChanged);
    poller.setStorePath(project.storePath());
    QTRY_COMPARE(missing.count(), 1);
    QVERIFY(project.writeStore());
    QTRY_COMPARE(opened.count(), 1);
    QTRY_COMPARE(runs.last().at(0).value<QVector<RunSummary>>().size(), 2);
    QCOMPARE(missing.count(), 1);  // reported once, not on every tick
  }

  void readsExpertLoadOfTheChosenRun() {
    DemoProject project;
    QVERIFY2(project.ok(), qPrintable(project.error()));
    StorePoller poller(nullptr, 50);
    QSignalSpy load(&poller, &StorePoller::expertLoadChanged);
    poller.setStorePath(project.storePath());
    poller.setExpertRun(project.moeRunId());
    QTRY_VERIFY(load.count() >= 1);
    const auto snapshot = load.last().at(0).value<ExpertLoadSnapshot>();
    QCOMPARE(snapshot.runId, project.moeRunId());
    QCOMPARE(snapshot.layers.size(), 4);
    QCOMPARE(snapshot.rows.size(), 4 * DemoProject::kSnapshots * DemoProject::kExperts);
  }

  void reportsAFileThatIsNotAStore() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vimoe.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a SQLite database, and it is long enough to have a header of sorts.....");
    file.close();
    StorePoller poller(nullptr, 50);
    QSignalSpy failed(&poller, &StorePoller::storeFailed);
    poller.setStorePath(path);
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(path));
    QTest::qWait(200);
    QCOMPARE(failed.count(), 1);  // the same problem is not repeated every tick
  }
};

}  // namespace
}  // namespace vimoe::widgets

std::unique_ptr<QObject> vimoe::test_support::makeStorePollerTest() {
  return std::make_unique<vimoe::widgets::StorePollerTest>();
}

#include "store_poller_test.moc"
