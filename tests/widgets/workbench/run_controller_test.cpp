// The Run menu's controller with a stand-in CLI (a shell script that speaks the `vimoe study`
// protocol): the command line it builds, progress in the status widget, output in the log,
// and cancel.
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "bridge/job_launcher.h"
#include "log/log_panel.h"
#include "run_controller.h"
#include "runs/run_progress_widget.h"
#include "support/demo_project.h"
#include "support/test_registry.h"

namespace vimoe::workbench {
namespace {

// Echoes its arguments, reports half-way progress, then waits to be cancelled.
constexpr const char* kFakeCli =
    "#!/bin/sh\n"
    "echo \"args: $*\" >&2\n"
    "echo '{\"task\":\"train dense\",\"done\":6,\"total\":12,\"elapsed_s\":3,\"eta_s\":3,\"detail\":\"loss 2.0\"}'\n"
    "trap 'kill $! 2>/dev/null; echo \"run cancelled\" >&2; exit 0' TERM\n"
    "sleep 30 & wait\n";

class RunControllerTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void runsAStudyThroughTheCliAndCancelsIt() {
    test_support::DemoProject demo(false);
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    auto project = loadWorkbenchProject(demo.dir());
    QVERIFY(project.ok());
    QTemporaryDir bin;
    const QString cli = bin.filePath(QStringLiteral("vimoe"));
    QFile script(cli);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(kFakeCli);
    script.close();
    script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    widgets::LogPanel log;
    widgets::RunProgressWidget progress;
    RunController controller(&log, &progress);
    controller.setCliPath(cli);
    controller.setProject(*project);
    QMenu menu;
    controller.fillMenu(&menu);
    QStringList titles;
    for (QAction* action : menu.actions()) titles << action->text();
    QVERIFY2(titles.contains(QStringLiteral("Run dense-vs-moe")), qPrintable(titles.join(QLatin1Char('|'))));
    QVERIFY(titles.contains(QStringLiteral("Run dense-vs-moe (smoke: a few steps)")));

    QSignalSpy ended(&controller, &RunController::runEnded);
    QVERIFY(controller.startStudy(project->studies[0], true));
    const QString expected = QStringLiteral("args: study %1 --store %2 --smoke").arg(project->studies[0].file, demo.storePath());
    QTRY_VERIFY2(log.text().contains(expected), qPrintable(log.text()));
    QTRY_COMPARE(progress.bar()->value(), 500);  // 6 of 12, in thousandths
    QVERIFY(progress.text().contains(QStringLiteral("ETA 0:03")));
    QVERIFY(controller.cancelAction()->isEnabled());
    QVERIFY(!progress.isHidden());

    controller.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 10000);
    QCOMPARE(ended.at(0).at(0).toBool(), true);  // cancelled cleanly is not a failure
    QVERIFY(log.text().contains(QStringLiteral("run cancelled")));
    QVERIFY(progress.isHidden());
    QVERIFY(!controller.cancelAction()->isEnabled());
  }

  void aFailingStudyIsReportedWithItsExitCode() {
    test_support::DemoProject demo(false);
    auto project = loadWorkbenchProject(demo.dir());
    QVERIFY(project.ok());
    QTemporaryDir bin;
    // The CLI's last line when started by the workbench (vimoe/cli/job.h).
    const QString cli = writeScript(bin, "#!/bin/sh\necho 'study failed' >&2\necho '{\"exit_code\": 3}'\nexit 3\n");
    widgets::LogPanel log;
    widgets::RunProgressWidget progress;
    RunController controller(&log, &progress);
    controller.setCliPath(cli);
    controller.setProject(*project);
    QSignalSpy ended(&controller, &RunController::runEnded);
    QVERIFY(controller.startStudy(project->studies[0], false));
    QTRY_COMPARE(ended.count(), 1);
    QCOMPARE(ended.at(0).at(0).toBool(), false);
    QVERIFY2(ended.at(0).at(1).toString().contains(QStringLiteral("exit code 3")), qPrintable(ended.at(0).at(1).toString()));
    QVERIFY(log.text().contains(QStringLiteral("study failed")));
    // The job's output is kept in the project's logs folder.
    const QStringList logs = QDir(demo.dir() + QStringLiteral("/logs")).entryList({QStringLiteral("*.log")});
    QCOMPARE(logs.size(), 1);
    QVERIFY2(logs[0].contains(QStringLiteral("study-dense-vs-moe")), qPrintable(logs[0]));
  }

  void aJobThatEndsWithoutAnExitRecordIsReportedAsCrashedOrKilled() {
    test_support::DemoProject demo(false);
    auto project = loadWorkbenchProject(demo.dir());
    QVERIFY(project.ok());
    widgets::LogPanel log;
    widgets::RunProgressWidget progress;
    RunController controller(&log, &progress);
    controller.setCliPath(QStringLiteral("/bin/false"));
    controller.setProject(*project);
    QSignalSpy ended(&controller, &RunController::runEnded);
    QVERIFY(controller.startStudy(project->studies[0], false));
    QTRY_COMPARE(ended.count(), 1);
    QCOMPARE(ended.at(0).at(0).toBool(), false);
    QVERIFY(ended.at(0).at(1).toString().contains(QStringLiteral("crashed or was killed")));
  }

  void aMissingCliIsReportedAndNothingRuns() {
    test_support::DemoProject demo(false);
    auto project = loadWorkbenchProject(demo.dir());
    QVERIFY(project.ok());
    widgets::LogPanel log;
    widgets::RunProgressWidget progress;
    RunController controller(&log, &progress);
    controller.setCliPath(demo.dir() + QStringLiteral("/no-such-vimoe"));
    controller.setProject(*project);
    QSignalSpy failed(&controller, &RunController::errorOccurred);
    QVERIFY(controller.startStudy(project->studies[0], false));
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("cannot execute the program")));
    QVERIFY(!controller.isRunning());
  }

 private:
  static QString writeScript(const QTemporaryDir& dir, const char* text) {
    const QString path = dir.filePath(QStringLiteral("vimoe"));
    QFile script(path);
    if (!script.open(QIODevice::WriteOnly)) return {};
    script.write(text);
    script.close();
    script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
  }
};

}  // namespace
}  // namespace vimoe::workbench

std::unique_ptr<QObject> vimoe::test_support::makeRunControllerTest() {
  return std::make_unique<vimoe::workbench::RunControllerTest>();
}

#include "run_controller_test.moc"
