// The whole workbench window on a real project and store: runs listed, dense and MoE curves
// overlaid, live rows from another connection, the expert heatmap, rendered pixels, the empty
// state, and a folder that is not a project.
#include <QAction>
#include <QDockWidget>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "bridge/job_launcher.h"
#include "compare/curves_panel.h"
#include "data/data_browser_panel.h"
#include "demo/demo_panel.h"
#include "experiment/experiment_editor.h"
#include "experts/expert_load_panel.h"
#include "log/log_panel.h"
#include "main_window.h"
#include "plot/curve_plot.h"
#include "plot/heatmap_plot.h"
#include "runs/runs_model.h"
#include "run_actions.h"
#include "run_controller.h"
#include "runs/runs_panel.h"
#include "support/demo_project.h"
#include "support/test_registry.h"

namespace vimoe::workbench {
namespace {

using test_support::DemoProject;

QString cell(const widgets::RunsModel& model, int row, int column) {
  return model.index(row, column).data().toString();
}

class MainWindowTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void init() {
    m_demo = std::make_unique<DemoProject>();
    QVERIFY2(m_demo->ok(), qPrintable(m_demo->error()));
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorDialogsEnabled(false);
    m_window->resize(1400, 900);
    QVERIFY(m_window->openProject(m_demo->dir()).ok());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
  }

  void cleanup() {
    m_window.reset();
    m_demo.reset();
  }

  void openingAProjectSetsUpEveryPanel() {
    // The editor opens the project's first experiment; the data browser reads the project's
    // datasets (not generated in this copy, so it says so); the demo is ready for an image.
    QCOMPARE(QFileInfo(m_window->experimentEditor()->filePath()).fileName(), QStringLiteral("contrastive-tiny.json"));
    QVERIFY(m_window->experimentEditor()->issues().empty());
    QTRY_VERIFY(!m_window->dataBrowserPanel()->isLoading());
    QTRY_VERIFY(!m_window->dataBrowserPanel()->messageText().isEmpty());
    QVERIFY(!m_window->demoPanel()->isBusy());
    QVERIFY(!m_window->demoPanel()->statusText().contains(QStringLiteral("No project")));
    for (const char* dock : {"runsDock", "curvesDock", "expertsDock", "routingDock", "dataDock", "experimentDock",
                             "demoDock", "logDock", "robustnessDock", "compressionDock"})
      QVERIFY2(m_window->findChild<QDockWidget*>(QLatin1String(dock)), dock);
  }

  void savesNotesAndDeletesRunsInTheStore() {
    const auto& model = *m_window->runsModel();
    QTRY_COMPARE(model.rowCount(), 2);
    QSignalSpy done(m_window->runActions(), &RunActions::done);
    QSignalSpy failed(m_window->runActions(), &RunActions::errorOccurred);
    const QString notes = QStringLiteral("Baseline, seed 1.\nLoss NaN at step 25 (planted).");
    m_window->runActions()->setNotes(m_demo->denseRunId(), notes);
    QTRY_COMPARE(done.count(), 1);
    QTRY_COMPARE(model.runById(m_demo->denseRunId())->notes, notes);  // read back from the store
    QCOMPARE(cell(model, 0, widgets::RunsModel::Notes), QStringLiteral("Baseline, seed 1."));
    // The dense run is finished; deleting it removes its row, the MoE run stays.
    m_window->runActions()->deleteRun(m_demo->denseRunId(), false);
    QTRY_COMPARE(done.count(), 2);
    QTRY_COMPARE(model.rowCount(), 1);
    QVERIFY(model.runById(m_demo->moeRunId()));
    QCOMPARE(failed.count(), 0);
  }

  void listsTheProjectsRuns() {
    QVERIFY(m_window->windowTitle().contains(QString::fromLatin1(DemoProject::kProjectName)));
    const auto& model = *m_window->runsModel();
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(cell(model, 0, widgets::RunsModel::Name), QString::fromLatin1(DemoProject::kDenseName));
    QCOMPARE(cell(model, 1, widgets::RunsModel::Name), QString::fromLatin1(DemoProject::kMoeName));
    for (int row = 0; row < 2; ++row) QCOMPARE(cell(model, row, widgets::RunsModel::Status), QStringLiteral("finished"));
    QVERIFY(!m_window->runsPanel()->isShowingEmptyState());
  }

  void overlaysTheSelectedRunsCurves() {
    QTRY_COMPARE(m_window->runsModel()->rowCount(), 2);
    selectBothRuns();
    widgets::CurvePlot* plot = m_window->curvesPanel()->plot();
    QCOMPARE(m_window->curvesPanel()->metric(), QStringLiteral("train/loss"));
    QCOMPARE(plot->seriesCount(), 2);
    // 50 steps each; the dense run's NaN at one step is not drawn.
    QTRY_COMPARE(plot->drawnPointCount(m_demo->denseRunId()), DemoProject::kSteps - 1);
    QTRY_COMPARE(plot->drawnPointCount(m_demo->moeRunId()), DemoProject::kSteps);
    QVERIFY(!m_window->curvesPanel()->isShowingEmptyState());

    m_window->curvesPanel()->setMetric(QStringLiteral("val/r1_i2t"));
    QTRY_COMPARE(plot->drawnPointCount(m_demo->moeRunId()), DemoProject::kSteps / 10);
  }

  void followsRowsWrittenByAnotherConnection() {
    QTRY_COMPARE(m_window->runsModel()->rowCount(), 2);
    selectBothRuns();
    widgets::CurvePlot* plot = m_window->curvesPanel()->plot();
    QTRY_COMPARE(plot->drawnPointCount(m_demo->denseRunId()), DemoProject::kSteps - 1);

    QVERIFY(m_demo->appendLoss(m_demo->denseRunId(), DemoProject::kSteps + 1, 5));
    QTRY_COMPARE(plot->drawnPointCount(m_demo->denseRunId()), DemoProject::kSteps - 1 + 5);
    const auto& model = *m_window->runsModel();
    QTRY_COMPARE(cell(model, 0, widgets::RunsModel::Step), QStringLiteral("55 / 60"));
    QCOMPARE(cell(model, 0, widgets::RunsModel::TrainLoss), QString::number(DemoProject::lossAt(55, false), 'f', 4));
    QCOMPARE(m_window->runsPanel()->selectedRunIds().size(), 2);  // the refresh kept the selection
  }

  void drawsTheExpertLoadHeatmap() {
    widgets::ExpertLoadPanel* experts = m_window->expertLoadPanel();
    QTRY_COMPARE(experts->currentRun(), m_demo->moeRunId());
    QTRY_COMPARE(experts->heatmap()->columnCount(), DemoProject::kSnapshots);
    QCOMPARE(experts->heatmap()->rowCount(), DemoProject::kExperts);
    QCOMPARE(experts->currentLayer(), QStringLiteral("image.blocks.0"));
    QCOMPARE(experts->grid().deadAtLast, QVector<int>{DemoProject::kDeadExpert});
    QVERIFY(experts->summaryText().contains(QStringLiteral("E3")));

    experts->setLayer(QStringLiteral("text.blocks.1"));
    QCOMPARE(experts->currentLayer(), QStringLiteral("text.blocks.1"));
    QVERIFY(experts->grid().deadAtLast.isEmpty());
  }

  void rendersARealPicture() {
    QTRY_COMPARE(m_window->runsModel()->rowCount(), 2);
    selectBothRuns();
    QTRY_COMPARE(m_window->curvesPanel()->plot()->drawnPointCount(m_demo->moeRunId()), DemoProject::kSteps);
    QTRY_COMPARE(m_window->expertLoadPanel()->heatmap()->columnCount(), DemoProject::kSnapshots);
    QTRY_VERIFY(!m_window->curvesPanel()->plot()->replotPending());

    const QImage image = m_window->grab().toImage();
    QVERIFY(image.width() >= 1000 && image.height() >= 700);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
      for (int x = 0; x < image.width(); x += 2) colours.insert(image.pixel(x, y));
    // Text, curves in two colours, the viridis heatmap: a blank or half-drawn window has a handful.
    QVERIFY2(colours.size() > 200, qPrintable(QString::number(colours.size())));
    const QString path = QDir(QStringLiteral(VIMOE_TEST_OUTPUT_DIR)).filePath(QStringLiteral("main_window.png"));
    QVERIFY(image.save(path));
    qInfo("window rendered to %s (%d distinct colours)", qPrintable(path), int(colours.size()));
  }

  void aFolderWithoutAProjectIsAnErrorNotACrash() {
    QTRY_COMPARE(m_window->runsModel()->rowCount(), 2);
    const QString title = m_window->windowTitle();
    QSignalSpy errors(m_window.get(), &MainWindow::errorReported);
    QTemporaryDir empty;
    const auto opened = m_window->openProject(empty.path());
    QVERIFY(!opened.ok());
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.at(0).at(0).toString().contains(QStringLiteral("vimoe-project.json")));
    // The open project stays as it was.
    QCOMPARE(m_window->windowTitle(), title);
    QCOMPARE(m_window->project()->dir, QDir::cleanPath(QDir(m_demo->dir()).absolutePath()));
    QTest::qWait(100);
    QCOMPARE(m_window->runsModel()->rowCount(), 2);
  }

  void aProjectWithoutRunsShowsHowToStartOne() {
    DemoProject fresh(false);
    QVERIFY(m_window->openProject(fresh.dir()).ok());
    QTRY_COMPARE(m_window->runsModel()->rowCount(), 0);
    QVERIFY(m_window->runsPanel()->isShowingEmptyState());
    QCOMPARE(m_window->runsPanel()->emptyMessage(), QStringLiteral("No runs yet \u2014 start a study from the Run menu, or Launch an experiment"));
    QVERIFY(m_window->curvesPanel()->isShowingEmptyState());
    QVERIFY(m_window->expertLoadPanel()->isShowingEmptyState());
    // The first run of a study creates the store; the window picks it up.
    QVERIFY(fresh.writeStore());
    QTRY_COMPARE(m_window->runsModel()->rowCount(), 2);
    QVERIFY(!m_window->runsPanel()->isShowingEmptyState());
  }

  void switchingProjectsBackAndForthKeepsCurvesLive() {
    QTRY_COMPARE(m_window->runsModel()->rowCount(), 2);
    selectBothRuns();
    DemoProject other(false);
    QVERIFY(m_window->openProject(other.dir()).ok());
    QTRY_COMPARE(m_window->runsModel()->rowCount(), 0);
    QCOMPARE(m_window->curvesPanel()->plot()->seriesCount(), 0);

    QVERIFY(m_window->openProject(m_demo->dir()).ok());
    QTRY_COMPARE(m_window->runsModel()->rowCount(), 2);
    selectBothRuns();
    QTRY_COMPARE(m_window->curvesPanel()->plot()->drawnPointCount(m_demo->moeRunId()), DemoProject::kSteps);
    QTRY_COMPARE(m_window->expertLoadPanel()->heatmap()->columnCount(), DemoProject::kSnapshots);
  }

  // End to end with the real LibTorch CLI: Run > Run dense-vs-moe (smoke) on a project without
  // a store (a few seconds). Skipped when only the widgets were built, not `vimoe`.
  void runsASmokeStudyFromTheRunMenu() {
    const QString cli = m_window->runController()->cliPath();
    if (!QFileInfo(cli).isExecutable()) QSKIP("the vimoe CLI is not built (ninja vimoe)");
    DemoProject fresh(false);  // the CLI generates the smoke data set and tokenizer
    QVERIFY(m_window->openProject(fresh.dir()).ok());
    QSignalSpy ended(m_window->runController(), &RunController::runEnded);
    QSignalSpy progress(m_window->runController()->launcher(), &widgets::JobLauncher::progressed);
    auto* smoke = m_window->findChild<QAction*>(QStringLiteral("actionRunStudySmoke"));
    QVERIFY(smoke && smoke->isEnabled());
    smoke->trigger();
    QVERIFY(!smoke->isEnabled());  // one run at a time
    QTRY_VERIFY_WITH_TIMEOUT(m_window->runsModel()->rowCount() >= 1, 60000);  // the store appeared live
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 90000);
    QVERIFY2(ended.at(0).at(0).toBool(), qPrintable(m_window->logPanel()->text()));
    QVERIFY(progress.count() > 0);
    QTRY_COMPARE(m_window->runsModel()->rowCount(), 2);
    for (int row = 0; row < 2; ++row)
      QTRY_COMPARE(cell(*m_window->runsModel(), row, widgets::RunsModel::Status), QStringLiteral("finished"));
    QVERIFY(m_window->logPanel()->text().contains(QStringLiteral("| variant |")));
    QTRY_VERIFY(m_window->expertLoadPanel()->heatmap()->columnCount() > 0);
  }

 private:
  void selectBothRuns() {
    m_window->runsPanel()->selectRuns({m_demo->denseRunId(), m_demo->moeRunId()});
    QCOMPARE(m_window->runsPanel()->selectedRunIds().size(), 2);
  }

  std::unique_ptr<DemoProject> m_demo;
  std::unique_ptr<MainWindow> m_window;
};

}  // namespace
}  // namespace vimoe::workbench

std::unique_ptr<QObject> vimoe::test_support::makeMainWindowTest() {
  return std::make_unique<vimoe::workbench::MainWindowTest>();
}

#include "main_window_test.moc"
