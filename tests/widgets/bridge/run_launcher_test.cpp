// RunLauncher against real child processes (/bin/sh standing in for the vimoe CLI): progress
// lines become signals, other output goes to the log, cancel() is SIGTERM.
#include <QDir>
#include <QSignalSpy>
#include <QTest>

#include "bridge/run_launcher.h"
#include "support/test_registry.h"

namespace vimoe::widgets {
namespace {

// Prints like `vimoe study` on a pipe, then waits; on SIGTERM it "checkpoints" and exits 0.
const QString kFakeStudy = QStringLiteral(
    "trap 'kill $! 2>/dev/null; echo checkpoint saved, run cancelled >&2; exit 0' TERM\n"
    "echo '{\"task\":\"train dense\",\"done\":3,\"total\":12,\"elapsed_s\":1.5,\"eta_s\":4.5,\"detail\":\"loss 2.5\"}'\n"
    "echo 'step 3 loss 2.5' >&2\n"
    "printf '| variant | R@1 |\\n'\n"
    "sleep 30 & wait\n");

class RunLauncherTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void forwardsProgressAndLogLines() {
    RunLauncher launcher;
    QSignalSpy progress(&launcher, &RunLauncher::progressed);
    QSignalSpy log(&launcher, &RunLauncher::logLine);
    QSignalSpy finished(&launcher, &RunLauncher::finished);
    QVERIFY(launcher.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), kFakeStudy}, QDir::tempPath()));
    QTRY_COMPARE(progress.count(), 1);
    const auto p = progress.at(0).at(0).value<RunProgress>();
    QCOMPARE(p.done, 3);
    QCOMPARE(p.total, 12);
    QTRY_COMPARE(log.count(), 2);
    QStringList lines;
    for (const auto& args : log) lines << args.at(0).toString();
    QVERIFY(lines.contains(QStringLiteral("step 3 loss 2.5")));
    QVERIFY(lines.contains(QStringLiteral("| variant | R@1 |")));

    launcher.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(finished.at(0).at(0).toInt(), 0);      // exit code
    QCOMPARE(finished.at(0).at(1).toBool(), false);  // not crashed
    QCOMPARE(finished.at(0).at(2).toBool(), true);   // cancelled
    QVERIFY(log.last().at(0).toString().contains(QStringLiteral("cancelled")));
    QVERIFY(!launcher.isRunning());
  }

  void killsAChildThatIgnoresSigterm() {
    RunLauncher launcher;
    launcher.setKillTimeoutMs(200);
    QSignalSpy finished(&launcher, &RunLauncher::finished);
    QSignalSpy log(&launcher, &RunLauncher::logLine);
    // exec: the ignored SIGTERM carries over to sleep, and the kill leaves no orphan behind.
    QVERIFY(launcher.start(QStringLiteral("/bin/sh"),
                           {QStringLiteral("-c"), QStringLiteral("trap '' TERM; echo ready; exec sleep 30")}, QDir::tempPath()));
    QTRY_COMPARE(log.count(), 1);  // the trap is installed once it prints
    launcher.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(finished.at(0).at(1).toBool(), true);  // killed = crash exit
  }

  void reportsAMissingProgram() {
    RunLauncher launcher;
    QSignalSpy failed(&launcher, &RunLauncher::failedToStart);
    launcher.start(QStringLiteral("/nonexistent/vimoe"), {QStringLiteral("study")}, QDir::tempPath());
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("/nonexistent/vimoe")));
    QVERIFY(!launcher.isRunning());
  }

  void refusesASecondRunWhileOneIsGoing() {
    RunLauncher launcher;
    QSignalSpy failed(&launcher, &RunLauncher::failedToStart);
    QVERIFY(launcher.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("exec sleep 30")}, QDir::tempPath()));
    QVERIFY(!launcher.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("true")}, QDir::tempPath()));
    QCOMPARE(failed.count(), 1);
    launcher.cancel();
  }
};

}  // namespace
}  // namespace vimoe::widgets

std::unique_ptr<QObject> vimoe::test_support::makeRunLauncherTest() {
  return std::make_unique<vimoe::widgets::RunLauncherTest>();
}

#include "run_launcher_test.moc"
