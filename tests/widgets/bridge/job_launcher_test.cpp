// JobLauncher against real detached processes (/bin/sh standing in for the vimoe CLI):
// progress and log lines from the tailed log, the exit record, cancel by SIGTERM, following a
// job started elsewhere, and a job that outlives the launcher.
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

#include "bridge/job_launcher.h"
#include "support/test_registry.h"

namespace vimoe::widgets {
namespace {

// Progress, a log line, a markdown row, then the CLI's exit record, as `vimoe study` writes them.
const QString kFinishingJob = QStringLiteral(
    "echo '{\"task\":\"train dense\",\"done\":3,\"total\":12,\"elapsed_s\":1,\"eta_s\":3}'; echo 'step 3 loss 2.5' >&2; "
    "echo '| variant | R@1 |'; echo '{\"exit_code\": 0}'");
// Waits to be cancelled; SIGTERM ends it cleanly (no exit record: killed or cancelled).
const QString kWaitingJob = QStringLiteral("trap 'echo run cancelled >&2; exit 0' TERM; echo ready; while :; do sleep 0.05; done");

class JobLauncherTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void forwardsProgressLogLinesAndTheExitRecord() {
    QTemporaryDir dir;
    JobLauncher launcher;
    QSignalSpy started(&launcher, &JobLauncher::started);
    QSignalSpy progress(&launcher, &JobLauncher::progressed);
    QSignalSpy log(&launcher, &JobLauncher::logLine);
    QSignalSpy finished(&launcher, &JobLauncher::finished);
    QVERIFY(launcher.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), kFinishingJob}, dir.path(),
                           dir.filePath(QStringLiteral("logs/job.log"))));
    QTRY_COMPARE(started.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(progress.count(), 1);
    const auto p = progress.at(0).at(0).value<RunProgress>();
    QCOMPARE(p.done, 3);
    QCOMPARE(p.total, 12);
    QStringList lines;
    for (const auto& args : log) lines << args.at(0).toString();
    QCOMPARE(lines, (QStringList{QStringLiteral("step 3 loss 2.5"), QStringLiteral("| variant | R@1 |")}));
    QCOMPARE(finished.at(0).at(0).toInt(), 0);       // exit code from the record
    QCOMPARE(finished.at(0).at(1).toBool(), false);  // not crashed
    QCOMPARE(finished.at(0).at(2).toBool(), false);  // not cancelled
    QVERIFY(!launcher.isRunning());
  }

  void cancelSendsSigtermToTheJob() {
    QTemporaryDir dir;
    JobLauncher launcher;
    QSignalSpy log(&launcher, &JobLauncher::logLine);
    QSignalSpy finished(&launcher, &JobLauncher::finished);
    QVERIFY(launcher.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), kWaitingJob}, dir.path(),
                           dir.filePath(QStringLiteral("job.log"))));
    QTRY_VERIFY(!log.isEmpty());  // "ready": the trap is set
    QVERIFY(launcher.isRunning());
    launcher.cancel();
    QVERIFY(launcher.cancelRequested());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(finished.at(0).at(1).toBool(), false);  // cancelled, not crashed
    QCOMPARE(finished.at(0).at(2).toBool(), true);
    QCOMPARE(log.last().at(0).toString(), QStringLiteral("run cancelled"));
  }

  void aJobOutlivesItsLauncherAndAnotherLauncherFollowsIt() {
    QTemporaryDir dir;
    const QString logPath = dir.filePath(QStringLiteral("job.log"));
    std::optional<ProcessIdentity> process;
    {
      JobLauncher first;
      QSignalSpy log(&first, &JobLauncher::logLine);
      QVERIFY(first.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), kWaitingJob}, dir.path(), logPath));
      QTRY_VERIFY(!log.isEmpty());
      process = first.process();
    }
    QVERIFY(process.has_value());
    QCOMPARE(probeProcess(*process), ProcessState::Alive);  // the launcher is gone, the job is not

    JobLauncher second;
    QSignalSpy log(&second, &JobLauncher::logLine);
    QSignalSpy finished(&second, &JobLauncher::finished);
    QVERIFY(second.follow(*process, logPath));
    QVERIFY(second.isRunning());
    second.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(finished.at(0).at(2).toBool(), true);
    QVERIFY(log.last().at(0).toString().contains(QStringLiteral("run cancelled")));
    QVERIFY(!second.follow(*process, logPath));  // an ended job cannot be followed
  }

  void aJobKilledWithoutAnExitRecordIsReportedCrashed() {
    QTemporaryDir dir;
    JobLauncher launcher;
    QSignalSpy log(&launcher, &JobLauncher::logLine);
    QSignalSpy finished(&launcher, &JobLauncher::finished);
    QVERIFY(launcher.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), kWaitingJob}, dir.path(),
                           dir.filePath(QStringLiteral("job.log"))));
    QTRY_VERIFY(!log.isEmpty());
    ::kill(static_cast<pid_t>(launcher.process()->pid), SIGKILL);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(finished.at(0).at(1).toBool(), true);
    QCOMPARE(finished.at(0).at(2).toBool(), false);
  }
};

}  // namespace
}  // namespace vimoe::widgets

std::unique_ptr<QObject> vimoe::test_support::makeJobLauncherTest() {
  return std::make_unique<vimoe::widgets::JobLauncherTest>();
}

#include "job_launcher_test.moc"
