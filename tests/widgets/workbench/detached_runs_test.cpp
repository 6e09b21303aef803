// Runs outlive the window, with the real CLI and real processes: (a) a run started from the
// window keeps training after the window closes and the next window shows it finished;
// (b) a SIGKILLed job shows as lost in a new window and Resume finishes it; (c) the window
// keeps showing new runs of a writer process while the GUI process opens and closes the
// store's three files (what Qt's file dialog did) and opens its own file dialogs on the
// project folder; those dialogs open none of the store's files (checked with inotify).
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QTimer>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProgressDialog>
#include <QSignalSpy>
#include <QTest>

#include <signal.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <memory>

#include "bridge/job_launcher.h"
#include "common/file_dialogs.h"
#include "main_window.h"
#include "run_actions.h"
#include "run_controller.h"
#include "runs/runs_model.h"
#include "support/demo_project.h"
#include "support/test_registry.h"
#include "vimoe/store/process_job.h"
#include "vimoe/store/run_store.h"

namespace vimoe::workbench {
namespace {

// What the store poller and process probes need to settle: QTRY's 5 s default is too short
// when ctest -j2 runs a training process beside this test on two cores.
constexpr int kSettleMs = 30000;

using test_support::DemoProject;

// Sets "a.b.c" in a JSON object.
void setKey(QJsonObject& root, const QStringList& path, const QJsonValue& value) {
  if (path.size() == 1) {
    root[path[0]] = value;
    return;
  }
  QJsonObject child = root.value(path[0]).toObject();
  setKey(child, path.mid(1), value);
  root[path[0]] = child;
}

// A seconds-long contrastive run of the demo project's tiny experiment: 64 images, batch 8.
QString writeTinyExperiment(const QString& projectDir, const QString& name, int steps) {
  QFile in(projectDir + QStringLiteral("/experiments/contrastive-tiny.json"));
  if (!in.open(QIODevice::ReadOnly)) return {};
  QJsonObject config = QJsonDocument::fromJson(in.readAll()).object();
  const QList<std::pair<QString, QJsonValue>> keys = {
      {QStringLiteral("data.root"), QStringLiteral("data/detached")},
      {QStringLiteral("data.tokenizer"), QStringLiteral("tokenizer/detached.model")},
      {QStringLiteral("data.synthetic.train_images"), 64},
      {QStringLiteral("data.synthetic.val_images"), 16},
      {QStringLiteral("optim.batch_size"), 8},
      {QStringLiteral("optim.warmup_steps"), 2},
      {QStringLiteral("run.name"), name},
      {QStringLiteral("run.steps"), steps},
      {QStringLiteral("run.threads"), 1},
      {QStringLiteral("run.log_every"), 1},
      {QStringLiteral("run.eval_every"), 100000},
      {QStringLiteral("run.checkpoint_every"), 4}};
  for (const auto& [key, value] : keys) setKey(config, key.split(QLatin1Char('.')), value);
  const QString path = projectDir + QStringLiteral("/experiments/") + name + QStringLiteral(".json");
  QFile out(path);
  if (!out.open(QIODevice::WriteOnly)) return {};
  out.write(QJsonDocument(config).toJson());
  return path;
}

std::optional<store::RunInfo> readRun(const QString& storePath, qint64 id) {
  auto store = store::RunStore::openForReading(storePath.toStdString());
  if (!store) return std::nullopt;
  auto run = (*store)->run(id);
  if (!run) return std::nullopt;
  return *run;
}

QString statusOf(const widgets::RunsModel& model, qint64 runId) {
  for (int row = 0; row < model.rowCount(); ++row)
    if (model.index(row, widgets::RunsModel::Id).data().toLongLong() == runId)
      return model.index(row, widgets::RunsModel::Status).data().toString();
  return {};
}

class DetachedRunsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void init() {
    m_demo = std::make_unique<DemoProject>(false);
    QVERIFY2(m_demo->ok(), qPrintable(m_demo->error()));
  }

  void cleanup() {
    // A test that failed half-way must not leave a training process behind.
    if (m_jobPid > 0) ::kill(static_cast<pid_t>(m_jobPid), SIGKILL);
    m_jobPid = 0;
    m_demo.reset();
  }

  void aRunStartedFromTheWindowFinishesAfterTheWindowCloses() {
    auto window = openWindow();
    QVERIFY(window);
    const QString config = writeTinyExperiment(m_demo->dir(), QStringLiteral("outlives"), 300);
    QVERIFY(window->runController()->startTrain(config));
    QTRY_VERIFY_WITH_TIMEOUT(window->runsModel()->rowCount() == 1, 60000);
    const auto process = window->runController()->launcher()->process();
    QVERIFY(process.has_value());
    m_jobPid = process->pid;
    const QString logPath = window->runController()->launcher()->logPath();
    QTRY_VERIFY_WITH_TIMEOUT(
        window->runController()->runningDescriptions().join(QString()).contains(QStringLiteral("run 1 outlives (step ")),
        60000);

    // The quit dialog names what runs; "Stay" keeps the window open.
    QString dialogText;
    QTimer::singleShot(0, this, [&dialogText] {
      QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<QMessageBox*>(QApplication::activeModalWidget()), kSettleMs);
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      dialogText = box->text();
      box->grab().save(QStringLiteral(VIMOE_TEST_OUTPUT_DIR "/quit-dialog.png"));
      for (QAbstractButton* button : box->buttons())
        if (button->text().contains(QStringLiteral("Stay"))) button->click();
    });
    window->setErrorDialogsEnabled(true);
    QVERIFY(!window->close());
    window->setErrorDialogsEnabled(false);
    QVERIFY2(dialogText.contains(QStringLiteral("Training outlives")), qPrintable(dialogText));
    QVERIFY2(dialogText.contains(QStringLiteral("run 1 outlives (step ")), qPrintable(dialogText));
    QVERIFY(dialogText.contains(QStringLiteral("keeps running after the window closes")));

    // Quitting (dialogs off: the default answer, keep it running) closes the window and
    // destroys everything the GUI had; the job is not its child.
    QVERIFY(window->close());
    window.reset();
    QCOMPARE(probeProcess(*process), ProcessState::Alive);

    QTRY_VERIFY_WITH_TIMEOUT(readRun(m_demo->storePath(), 1) && readRun(m_demo->storePath(), 1)->status == store::RunStatus::Finished,
                             120000);
    const auto run = *readRun(m_demo->storePath(), 1);
    QCOMPARE(run.step, 300);
    QVERIFY(run.job.has_value());
    QCOMPARE(run.job->process.pid, process->pid);
    QCOMPARE(run.job->logPath, logPath.toStdString());
    QTRY_VERIFY_WITH_TIMEOUT(probeProcess(*process) == ProcessState::Gone, kSettleMs);
    QTRY_VERIFY_WITH_TIMEOUT(readRun(m_demo->storePath(), 1)->job->exitCode == 0, kSettleMs);
    QFile log(logPath);
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("{\"exit_code\": 0}"));
    m_jobPid = 0;

    auto next = openWindow();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(*next->runsModel(), 1), QStringLiteral("finished"), kSettleMs);
    QVERIFY(!next->runController()->isRunning());
  }

  // "Cancel it, then quit": the job is cancelled as Run > Cancel run does it (checkpoint,
  // status cancelled), and the window closes once it has stopped.
  void cancelOnQuitCheckpointsThenCloses() {
    auto window = openWindow();
    QVERIFY(window);
    const QString config = writeTinyExperiment(m_demo->dir(), QStringLiteral("cancel-on-quit"), 100000);
    QVERIFY(window->runController()->startTrain(config));
    m_jobPid = window->runController()->launcher()->process()->pid;
    QTRY_VERIFY_WITH_TIMEOUT(readRun(m_demo->storePath(), 1) && readRun(m_demo->storePath(), 1)->step >= 5, 90000);
    window->quitCancellingJobs();
    QVERIFY(window->findChild<QProgressDialog*>(QStringLiteral("quitWaitDialog")));  // says it is waiting
    QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), 60000);
    const auto run = *readRun(m_demo->storePath(), 1);
    QCOMPARE(run.status, store::RunStatus::Cancelled);
    QVERIFY(QFileInfo::exists(QString::fromStdString(run.checkpointDir) + QStringLiteral("/model.safetensors")));
    m_jobPid = 0;
  }

  void aKilledJobShowsLostAndResumeFinishesIt() {
    auto window = openWindow();
    QVERIFY(window);
    const QString config = writeTinyExperiment(m_demo->dir(), QStringLiteral("killed"), 400);
    QVERIFY(window->runController()->startTrain(config));
    const auto process = window->runController()->launcher()->process();
    QVERIFY(process.has_value());
    m_jobPid = process->pid;
    // Past two checkpoints (every 4 steps), so that resuming has something to start from.
    QTRY_VERIFY_WITH_TIMEOUT(readRun(m_demo->storePath(), 1) && readRun(m_demo->storePath(), 1)->step >= 9, 90000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(*window->runsModel(), 1), QStringLiteral("running"), kSettleMs);
    QVERIFY(window->close());
    window.reset();

    QCOMPARE(::kill(static_cast<pid_t>(process->pid), SIGKILL), 0);
    QTRY_VERIFY_WITH_TIMEOUT(probeProcess(*process) == ProcessState::Gone, kSettleMs);
    m_jobPid = 0;
    QCOMPARE(readRun(m_demo->storePath(), 1)->status, store::RunStatus::Running);  // nobody could mark it

    auto next = openWindow();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(*next->runsModel(), 1), QStringLiteral("lost"), kSettleMs);
    QVERIFY(!next->runController()->isRunning());
    QVERIFY(next->runsModel()->runById(1)->isLost());

    QSignalSpy ended(next->runController(), &RunController::runEnded);
    next->runActions()->resume(1);
    QVERIFY(next->runController()->isRunning());
    m_jobPid = next->runController()->launcher()->process()->pid;
    // Once the resumed process has set it running again it is no longer lost (running, or
    // already finished: 400 tiny steps take a few seconds).
    QTRY_VERIFY_WITH_TIMEOUT(statusOf(*next->runsModel(), 1) != QLatin1String("lost"), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(ended.count() == 1, 180000);
    QVERIFY2(ended.at(0).at(0).toBool(), qPrintable(ended.at(0).at(1).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(*next->runsModel(), 1), QStringLiteral("finished"), kSettleMs);
    QCOMPARE(readRun(m_demo->storePath(), 1)->step, 400);
    QCOMPARE(next->runsModel()->rowCount(), 1);
    m_jobPid = 0;
  }

  void theWindowStaysLiveWhileTheGuiProcessTouchesTheStoreFiles() {
    const QString sqlite = QStringLiteral("/usr/bin/sqlite3");
    if (!QFileInfo(sqlite).isExecutable()) QSKIP("sqlite3 (Debian package sqlite3) is not installed");
    DemoProject project;  // with a store of two runs
    QVERIFY2(project.ok(), qPrintable(project.error()));
    MainWindow window;
    window.setErrorDialogsEnabled(false);
    QSignalSpy errors(&window, &MainWindow::errorReported);
    QVERIFY(window.openProject(project.dir()).ok());
    QTRY_COMPARE_WITH_TIMEOUT(window.runsModel()->rowCount(), 2, kSettleMs);

    // A writer process: 30 separate connections, each adding a run and closing, as short
    // training processes would. The last one to close checkpoints and deletes the WAL when no
    // other connection holds a lock, which is what the dropped locks allowed.
    constexpr int kWrites = 30;
    QProcess writer;
    writer.start(QStringLiteral("/bin/sh"),
                 {QStringLiteral("-c"),
                  QStringLiteral("for i in $(seq 1 %1); do %2 \"$0\" \"INSERT INTO run (name, kind, status, created_at) "
                                 "VALUES ('writer-$i', 'contrastive', 'finished', 0)\" || exit 1; sleep 0.05; done")
                      .arg(kWrites)
                      .arg(sqlite),
                  project.storePath()});
    QVERIFY(writer.waitForStarted());
    // Meanwhile the GUI process opens and closes each of the store's files, and opens the
    // workbench's file dialogs on the project folder.
    const QStringList storeFiles = {project.storePath(), project.storePath() + QStringLiteral("-wal"),
                                    project.storePath() + QStringLiteral("-shm")};
    for (int round = 0; writer.state() != QProcess::NotRunning && round < 200; ++round) {
      for (const QString& path : storeFiles) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) file.close();
      }
      if (round % 10 == 0) showDialogBriefly(widgets::makeFileDialog(&window, QStringLiteral("dialog"), project.dir()));
      QTest::qWait(30);
    }
    if (writer.state() != QProcess::NotRunning) QVERIFY(writer.waitForFinished(30000));
    QVERIFY2(writer.exitCode() == 0, writer.readAllStandardError().constData());
    QTRY_COMPARE_WITH_TIMEOUT(window.runsModel()->rowCount(), 2 + kWrites, 10000);
    QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.first().first().toString()));
  }

  // The fault itself: the workbench's file dialogs on a folder holding a store never open its
  // files. inotify sees every open; the folder has no other reader, so an open is the dialog's.
  // The same check on a dialog with Qt's default icon provider shows that it would catch it.
  void fileDialogsNeverOpenTheStoreFiles() {
    DemoProject project;
    QVERIFY2(project.ok(), qPrintable(project.error()));
    QVERIFY(QFileInfo::exists(project.storePath() + QStringLiteral("-wal")) ||
            QFile(project.storePath() + QStringLiteral("-wal")).open(QIODevice::WriteOnly));
    QFile(project.storePath() + QStringLiteral("-shm")).open(QIODevice::Append);

    QWidget parent;
    const QStringList ours = storeFilesOpenedBy(widgets::makeFileDialog(&parent, QStringLiteral("ours"), project.dir()));
    QVERIFY2(ours.isEmpty(), qPrintable(ours.join(QLatin1Char(' '))));

    auto* plain = new QFileDialog(&parent, QStringLiteral("Qt default"), project.dir());
    plain->setOption(QFileDialog::DontUseNativeDialog);
    const QStringList qtDefault = storeFilesOpenedBy(plain);
    qInfo("store files opened by a dialog with Qt's default icon provider: %s",
          qPrintable(qtDefault.isEmpty() ? QStringLiteral("none") : qtDefault.join(QLatin1Char(' '))));
    QVERIFY2(!qtDefault.isEmpty(), "the check no longer sees what the default dialog does");
  }

 private:
  std::unique_ptr<MainWindow> openWindow() {
    auto window = std::make_unique<MainWindow>();
    window->setErrorDialogsEnabled(false);
    window->runController()->setCliPath(QStringLiteral(VIMOE_CLI_PATH_FOR_TESTS));
    if (!window->openProject(m_demo->dir()).ok()) return nullptr;
    window->show();
    return window;
  }

  // Shows the dialog until its folder has been listed and its icons gathered, then closes it.
  static void showDialogBriefly(QFileDialog* dialog) {
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    auto* model = dialog->findChild<QFileSystemModel*>();
    if (model) QSignalSpy(model, &QFileSystemModel::directoryLoaded).wait(2000);
    QTest::qWait(300);  // the icon and type gatherer runs after the listing
    dialog->close();
  }

  static QStringList storeFilesOpenedBy(QFileDialog* dialog) {
    const QString dir = dialog->directory().absolutePath();
    const int watch = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (watch < 0) return {QStringLiteral("(inotify unavailable)")};
    ::inotify_add_watch(watch, QFile::encodeName(dir).constData(), IN_OPEN);
    showDialogBriefly(dialog);
    QStringList opened;
    alignas(inotify_event) char buffer[65536];
    ssize_t n;
    while ((n = ::read(watch, buffer, sizeof buffer)) > 0) {
      for (char* at = buffer; at < buffer + n;) {
        const auto* event = reinterpret_cast<const inotify_event*>(at);
        const QString name = event->len ? QString::fromUtf8(event->name) : QString();
        if (name.startsWith(QLatin1String("vimoe.db")) && !opened.contains(name)) opened << name;
        at += sizeof(inotify_event) + event->len;
      }
    }
    ::close(watch);
    return opened;
  }

  std::unique_ptr<DemoProject> m_demo;
  qint64 m_jobPid = 0;
};

}  // namespace
}  // namespace vimoe::workbench

std::unique_ptr<QObject> vimoe::test_support::makeDetachedRunsTest() {
  return std::make_unique<vimoe::workbench::DetachedRunsTest>();
}

#include "detached_runs_test.moc"
