// Panels, docks, wiring and project switching. Menus live in main_window_menus.cpp.
#include "main_window.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QTimer>
#include <QSettings>
#include <QStatusBar>

#include "bridge/store_poller.h"
#include "compare/curves_panel.h"
#include "compress/compression_panel.h"
#include "data/data_browser_panel.h"
#include "demo/demo_panel.h"
#include "experiment/experiment_editor.h"
#include "experts/expert_load_panel.h"
#include "log/log_panel.h"
#include "recent_projects.h"
#include "robust/robustness_panel.h"
#include "routing/routing_inspector_panel.h"
#include "run_actions.h"
#include "run_controller.h"
#include "runs/run_progress_widget.h"
#include "runs/runs_model.h"
#include "runs/runs_panel.h"
#include "vimoe/config/project.h"

namespace vimoe::workbench {
namespace {

constexpr int kLayoutVersion = 3;  // bump when docks are added or renamed
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setObjectName(QStringLiteral("vimoeMainWindow"));
  setWindowTitle(tr("ViMoE Workbench"));
  createPanels();
  createDocks();
  createMenus();
  connectPanels();
  restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::createPanels() {
  m_poller = new widgets::StorePoller(this);
  m_runsModel = new widgets::RunsModel(this);
  m_runsPanel = new widgets::RunsPanel(m_runsModel);
  m_curvesPanel = new widgets::CurvesPanel;
  m_expertsPanel = new widgets::ExpertLoadPanel;
  m_logPanel = new widgets::LogPanel;
  m_dataPanel = new widgets::DataBrowserPanel;
  m_demoPanel = new widgets::DemoPanel;
  m_editorPanel = new widgets::ExperimentEditor;
  m_routingPanel = new widgets::RoutingInspectorPanel;
  m_robustnessPanel = new widgets::RobustnessPanel;
  m_compressionPanel = new widgets::CompressionPanel;
  m_progress = new widgets::RunProgressWidget;
  statusBar()->addPermanentWidget(m_progress);
  m_runController = new RunController(m_logPanel, m_progress, this);
  m_runActions = new RunActions(this, m_runsModel, m_poller, m_runController);
  m_dataPanel->setCliPath(m_runController->cliPath());
  m_demoPanel->setCliPath(m_runController->cliPath());
  m_runsPanel->setEmptyMessage(tr("No project open \u2014 File > Open Project\u2026"));
}

QDockWidget* MainWindow::addDock(QWidget* panel, const QString& title, const QString& objectName,
                                 Qt::DockWidgetArea area) {
  auto* dock = new QDockWidget(title, this);
  dock->setObjectName(objectName);  // saveState/restoreState key
  dock->setWidget(panel);
  addDockWidget(area, dock);
  return dock;
}

void MainWindow::createDocks() {
  // Every panel is a dock so users can rearrange all of them; the central widget is the
  // empty one QMainWindow requires, hidden so the docks share the whole window.
  auto* emptyCentral = new QWidget(this);
  setCentralWidget(emptyCentral);
  emptyCentral->hide();
  setDockNestingEnabled(true);
  setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
  setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);

  m_runsDock = addDock(m_runsPanel, tr("Runs"), QStringLiteral("runsDock"), Qt::LeftDockWidgetArea);
  m_curvesDock = addDock(m_curvesPanel, tr("Curves"), QStringLiteral("curvesDock"), Qt::RightDockWidgetArea);
  m_expertsDock = addDock(m_expertsPanel, tr("Expert load"), QStringLiteral("expertsDock"), Qt::LeftDockWidgetArea);
  m_logDock = addDock(m_logPanel, tr("Log"), QStringLiteral("logDock"), Qt::BottomDockWidgetArea);
  splitDockWidget(m_runsDock, m_expertsDock, Qt::Vertical);
  // The big views share the right-hand area as tabs; the curves stay in front.
  m_dataDock = addDock(m_dataPanel, tr("Data"), QStringLiteral("dataDock"), Qt::RightDockWidgetArea);
  m_routingDock = addDock(m_routingPanel, tr("Routing"), QStringLiteral("routingDock"), Qt::RightDockWidgetArea);
  m_editorDock = addDock(m_editorPanel, tr("Experiment"), QStringLiteral("experimentDock"), Qt::RightDockWidgetArea);
  m_demoDock = addDock(m_demoPanel, tr("Demo"), QStringLiteral("demoDock"), Qt::RightDockWidgetArea);
  m_robustnessDock =
      addDock(m_robustnessPanel, tr("Robustness"), QStringLiteral("robustnessDock"), Qt::RightDockWidgetArea);
  m_compressionDock =
      addDock(m_compressionPanel, tr("Compression"), QStringLiteral("compressionDock"), Qt::RightDockWidgetArea);
  tabifyDockWidget(m_curvesDock, m_routingDock);
  tabifyDockWidget(m_routingDock, m_dataDock);
  tabifyDockWidget(m_dataDock, m_editorDock);
  tabifyDockWidget(m_editorDock, m_demoDock);
  tabifyDockWidget(m_demoDock, m_robustnessDock);
  tabifyDockWidget(m_robustnessDock, m_compressionDock);
  m_curvesDock->raise();
}

void MainWindow::applyDefaultDockSizes() {
  // Proportions of the window as it is shown: runs and experts ~40% on the left, the curves
  // the rest, a short log.
  const int w = width(), h = height();
  resizeDocks({m_runsDock, m_curvesDock}, {w * 2 / 5, w * 3 / 5}, Qt::Horizontal);
  resizeDocks({m_runsDock, m_expertsDock}, {h / 3, h / 2}, Qt::Vertical);
  resizeDocks({m_logDock}, {h / 6}, Qt::Vertical);
}

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  if (m_needsDefaultSizes) {
    m_needsDefaultSizes = false;
    applyDefaultDockSizes();
  }
}

void MainWindow::connectPanels() {
  using widgets::StorePoller;
  connect(m_poller, &StorePoller::runsChanged, m_runsModel, &widgets::RunsModel::setRuns);
  connect(m_poller, &StorePoller::runsChanged, m_curvesPanel, &widgets::CurvesPanel::setRuns);
  connect(m_poller, &StorePoller::runsChanged, m_demoPanel, &widgets::DemoPanel::setRuns);
  connect(m_poller, &StorePoller::runsChanged, m_expertsPanel, &widgets::ExpertLoadPanel::setRuns);
  connect(m_poller, &StorePoller::runsChanged, m_routingPanel, &widgets::RoutingInspectorPanel::setRuns);
  connect(m_poller, &StorePoller::runsChanged, m_robustnessPanel, &widgets::RobustnessPanel::setRuns);
  connect(m_poller, &StorePoller::runsChanged, m_compressionPanel, &widgets::CompressionPanel::setRuns);
  connect(m_poller, &StorePoller::curveUpdated, m_curvesPanel, &widgets::CurvesPanel::applyCurveUpdate);
  connect(m_poller, &StorePoller::expertLoadChanged, m_expertsPanel, &widgets::ExpertLoadPanel::applyExpertLoad);
  connect(m_poller, &StorePoller::jobsChanged, m_runController, &RunController::setJobs);
  // The reader retries every tick and recovers by reopening: its problems go to the log and the
  // status bar, never a dialog per poll.
  connect(m_poller, &StorePoller::storeFailed, this, &MainWindow::reportStoreProblem);
  connect(m_poller, &StorePoller::storeNotice, this, &MainWindow::reportStoreProblem);
  connect(m_poller, &StorePoller::storeOpened, this, [this](const QString& path) {
    statusBar()->showMessage(tr("Reading runs from %1").arg(path), 8000);
  });
  connect(m_poller, &StorePoller::storeMissing, this, [this](const QString& path) {
    statusBar()->showMessage(tr("No run store yet (%1): start a study from the Run menu.").arg(path), 8000);
  });

  connect(m_runsPanel, &widgets::RunsPanel::selectionChanged, this, &MainWindow::onRunsSelected);
  connect(m_runsPanel, &widgets::RunsPanel::resumeRequested, m_runActions, &RunActions::resume);
  connect(m_runsPanel, &widgets::RunsPanel::notesEditRequested, m_runActions, &RunActions::editNotes);
  connect(m_runsPanel, &widgets::RunsPanel::deleteRequested, m_runActions, &RunActions::confirmDelete);
  connect(m_runActions, &RunActions::errorOccurred, this, &MainWindow::reportError);
  connect(m_runActions, &RunActions::done, this, [this](const QString& what) { statusBar()->showMessage(what, 8000); });
  connect(m_curvesPanel, &widgets::CurvesPanel::watchedCurvesChanged, m_poller, &StorePoller::setWatchedCurves);
  connect(m_curvesPanel, &widgets::CurvesPanel::errorOccurred, this, &MainWindow::reportError);
  connect(m_expertsPanel, &widgets::ExpertLoadPanel::expertRunChanged, m_poller, &StorePoller::setExpertRun);

  connect(m_dataPanel, &widgets::DataBrowserPanel::errorOccurred, this, &MainWindow::reportError);
  connect(m_dataPanel, &widgets::DataBrowserPanel::logLine, m_logPanel, &widgets::LogPanel::appendLine);
  connect(m_dataPanel, &widgets::DataBrowserPanel::statusMessage, this,
          [this](const QString& message) { statusBar()->showMessage(message, 8000); });
  // Demo failures are shown in the panel (a reviewer is watching); the log keeps them too.
  connect(m_demoPanel, &widgets::DemoPanel::failed, this, [this](widgets::DemoPanel::Task, const QString& message) {
    m_logPanel->appendLine(tr("Demo: %1").arg(message));
  });

  // The editor shows its own problems inline; launching goes through the Run controller like
  // the Run menu's studies, so one run at a time and the same progress and cancel.
  connect(m_editorPanel, &widgets::ExperimentEditor::launchRequested, m_runController, &RunController::startTrain);
  connect(m_editorPanel, &widgets::ExperimentEditor::errorOccurred, this,
          [this](const QString& message) { statusBar()->showMessage(message, 10000); });
  connect(m_runController, &RunController::runStarted, this, [this] { m_editorPanel->setRunActive(true); });
  connect(m_runController, &RunController::runEnded, this, [this] { m_editorPanel->setRunActive(false); });

  connect(m_runController, &RunController::errorOccurred, this, &MainWindow::reportError);
  connect(m_runController, &RunController::runStarted, m_poller, &StorePoller::pollNow);
  connect(m_runController, &RunController::runEnded, this, [this](bool succeeded, const QString& summary) {
    m_poller->pollNow();
    statusBar()->showMessage(summary, 10000);
    if (!succeeded) reportError(summary);
  });
}

void MainWindow::setErrorDialogsEnabled(bool enabled) {
  m_errorDialogs = enabled;
  m_runActions->setDialogsEnabled(enabled);
}

void MainWindow::onRunsSelected(const QVector<qint64>& runIds) {
  m_curvesPanel->setSelectedRuns(runIds);
  // Selecting an attack or compress run (or the run it was made from) shows it on its lab's panel.
  for (qint64 id : runIds)
    if (m_robustnessPanel->showRun(id)) break;
  for (qint64 id : runIds)
    if (m_compressionPanel->showRun(id)) break;
  // Selecting an MoE run also shows its expert load; a dense selection leaves the heatmap as is.
  for (qint64 id : runIds) {
    const widgets::RunSummary* run = m_runsModel->runById(id);
    if (run && run->isMoe()) {
      m_expertsPanel->showRun(id);
      m_routingPanel->showRun(id);
      break;
    }
  }
}

Status MainWindow::openProject(const QString& dir) {
  auto loaded = loadWorkbenchProject(dir);
  if (!loaded) {
    const QString message = QString::fromStdString(loaded.error().message);
    m_logPanel->appendLine(tr("Error: %1").arg(message));
    Q_EMIT errorReported(message);
    return loaded.error();
  }
  m_project = std::move(*loaded);
  // Forget the previous store's runs first: the panels then withdraw their watch lists, and run
  // ids of the new store are never taken for the old ones.
  m_runsModel->setRuns({});
  m_curvesPanel->setRuns({});
  m_expertsPanel->setRuns({});
  m_routingPanel->setRuns({});
  m_robustnessPanel->setRuns({});
  m_compressionPanel->setRuns({});
  m_demoPanel->setRuns({});
  setWindowTitle(tr("%1 \u2014 ViMoE Workbench").arg(m_project->name));
  m_runsPanel->setEmptyMessage(tr("No runs yet \u2014 start a study from the Run menu, or Launch an experiment"));
  m_runController->setProject(*m_project);
  m_runActions->setProject(m_project->dir, m_project->storePath);
  m_dataPanel->setCliPath(m_runController->cliPath());
  m_dataPanel->setProject(m_project->dir);
  m_demoPanel->setCliPath(m_runController->cliPath());
  m_demoPanel->setProject(m_project->dir);
  m_editorPanel->setProjectDir(m_project->dir);
  // The editor starts on the project's first experiment, the one its studies build on.
  if (auto project = config::loadProject(m_project->dir.toStdString()); project && !project->experiments.empty())
    m_editorPanel->loadFile(QString::fromStdString(project->path(project->experiments.front())));
  m_poller->setStorePath(m_project->storePath);
  m_routingPanel->setStorePath(m_project->storePath);
  m_robustnessPanel->setStorePath(m_project->storePath);
  m_compressionPanel->setStorePath(m_project->storePath);
  addRecentProject(m_project->dir);
  rebuildRecentMenu();
  m_logPanel->appendLine(tr("Opened project %1 (%2)").arg(m_project->name, m_project->dir));
  return okStatus();
}

void MainWindow::openProjectWithDialogs(const QString& dir) {
  if (auto opened = openProject(dir); !opened && m_errorDialogs) {
    // errorReported already fired inside openProject; only the dialog is left to show.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot open project"),
                                QString::fromStdString(opened.error().message), QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
  }
}

void MainWindow::reportError(const QString& message) {
  m_logPanel->appendLine(tr("Error: %1").arg(message));
  Q_EMIT errorReported(message);
  if (!m_errorDialogs) return;
  // Window-modal and non-blocking: a store error raised by the poller must not stall the loop.
  auto* box = new QMessageBox(QMessageBox::Warning, tr("ViMoE Workbench"), message, QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

void MainWindow::restoreLayout() {
  QSettings settings;
  restoreGeometry(settings.value(kGeometryKey).toByteArray());
  // Without a saved layout (first start, or an older layout version) the docks get default
  // sizes once the window has its real size.
  m_needsDefaultSizes = !restoreState(settings.value(kStateKey).toByteArray(), kLayoutVersion);
}

void MainWindow::saveLayout() const {
  QSettings settings;
  settings.setValue(kGeometryKey, saveGeometry());
  settings.setValue(kStateKey, saveState(kLayoutVersion));
}

void MainWindow::reportStoreProblem(const QString& message) {
  m_logPanel->appendLine(tr("Run store: %1").arg(message));
  statusBar()->showMessage(message, 15000);
}

void MainWindow::closeEvent(QCloseEvent* event) {
  const QStringList running = m_runController->runningDescriptions();
  if (!running.isEmpty() && !m_quitConfirmed && m_errorDialogs) {
    // Jobs are processes of their own: quitting leaves them running, and the next window
    // follows them. Cancelling is offered, never implied.
    QMessageBox box(QMessageBox::Question, tr("Quit ViMoE Workbench"),
                    tr("Running now:\n\n%1\n\nIt keeps running after the window closes; open the project again to "
                       "follow it.")
                        .arg(running.join(QLatin1Char('\n'))),
                    QMessageBox::NoButton, this);
    QPushButton* keep = box.addButton(tr("&Quit, keep it running"), QMessageBox::AcceptRole);
    QPushButton* cancelJobs = box.addButton(tr("&Cancel it, then quit"), QMessageBox::DestructiveRole);
    box.addButton(tr("&Stay"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == cancelJobs) {
      event->ignore();
      return quitCancellingJobs();
    }
    if (box.clickedButton() != keep) return event->ignore();
  }
  saveLayout();
  event->accept();
}

void MainWindow::quitCancellingJobs() {
  // As Run > Cancel run: each job checkpoints and marks its run cancelled. The window waits
  // for that (a checkpoint of a big model takes a while) and says so.
  m_runController->cancel();
  auto* waiting = new QProgressDialog(tr("Waiting for the running job to save a checkpoint and stop\u2026"),
                                      tr("Quit without waiting"), 0, 0, this);
  waiting->setObjectName(QStringLiteral("quitWaitDialog"));
  waiting->setWindowTitle(tr("Quit ViMoE Workbench"));
  waiting->setMinimumDuration(0);
  auto* timer = new QTimer(waiting);
  const auto closeWindow = [this, waiting = QPointer<QProgressDialog>(waiting)] {
    if (m_quitConfirmed) return;  // the timer and the button may both get here
    m_quitConfirmed = true;
    if (waiting) waiting->deleteLater();
    close();
  };
  connect(timer, &QTimer::timeout, this, [this, closeWindow] {
    if (!m_runController->isRunning()) closeWindow();
  });
  connect(waiting, &QProgressDialog::canceled, this, closeWindow);
  timer->start(250);
  waiting->show();
}

}  // namespace vimoe::workbench
