// MainWindow: composes the panels as dock widgets, wires them to the store poller and the run
// controller, and is the one place where errors become dialogs. It holds no panel logic.
#pragma once

#include <QMainWindow>
#include <QString>

#include <optional>

#include "vimoe/util/expected.h"
#include "workbench_project.h"

class QDockWidget;
class QMenu;

namespace vimoe::widgets {
class CompressionPanel;
class CurvesPanel;
class DataBrowserPanel;
class DemoPanel;
class ExperimentEditor;
class ExpertLoadPanel;
class LogPanel;
class RunProgressWidget;
class RunsModel;
class RobustnessPanel;
class RoutingInspectorPanel;
class RunsPanel;
class StorePoller;
}  // namespace vimoe::widgets

namespace vimoe::workbench {

class RunActions;
class RunController;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Loads the project in `dir` and shows its store. On failure nothing changes and the error
  // is returned (and emitted as errorReported); no dialog is opened here.
  Status openProject(const QString& dir);
  const std::optional<WorkbenchProject>& project() const { return m_project; }
  // Cancels the running jobs the way Run > Cancel run does, waits (with a progress note) until
  // they have stopped, then closes the window. The quit dialog's "Cancel it, then quit".
  void quitCancellingJobs();
  // Tests and batch screenshots turn the message boxes off (quitting then keeps jobs running);
  // errorReported still fires.
  void setErrorDialogsEnabled(bool enabled);

  widgets::RunsModel* runsModel() const { return m_runsModel; }
  widgets::RunsPanel* runsPanel() const { return m_runsPanel; }
  widgets::CurvesPanel* curvesPanel() const { return m_curvesPanel; }
  widgets::ExpertLoadPanel* expertLoadPanel() const { return m_expertsPanel; }
  widgets::LogPanel* logPanel() const { return m_logPanel; }
  widgets::DataBrowserPanel* dataBrowserPanel() const { return m_dataPanel; }
  widgets::DemoPanel* demoPanel() const { return m_demoPanel; }
  widgets::ExperimentEditor* experimentEditor() const { return m_editorPanel; }
  widgets::RoutingInspectorPanel* routingPanel() const { return m_routingPanel; }
  widgets::RobustnessPanel* robustnessPanel() const { return m_robustnessPanel; }
  widgets::CompressionPanel* compressionPanel() const { return m_compressionPanel; }
  widgets::StorePoller* poller() const { return m_poller; }
  RunController* runController() const { return m_runController; }
  RunActions* runActions() const { return m_runActions; }

 Q_SIGNALS:
  void errorReported(const QString& message);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  void createPanels();
  void createDocks();
  void applyDefaultDockSizes();
  void createMenus();
  void connectPanels();
  QDockWidget* addDock(QWidget* panel, const QString& title, const QString& objectName, Qt::DockWidgetArea area);
  void rebuildRecentMenu();
  void chooseProjectFolder();
  void chooseNewProjectFolder();
  void showImportDialog();
  void openProjectWithDialogs(const QString& dir);
  void onRunsSelected(const QVector<qint64>& runIds);
  void reportError(const QString& message);
  void reportStoreProblem(const QString& message);
  void restoreLayout();
  void saveLayout() const;

  widgets::StorePoller* m_poller = nullptr;
  widgets::RunsModel* m_runsModel = nullptr;
  widgets::RunsPanel* m_runsPanel = nullptr;
  widgets::CurvesPanel* m_curvesPanel = nullptr;
  widgets::ExpertLoadPanel* m_expertsPanel = nullptr;
  widgets::LogPanel* m_logPanel = nullptr;
  widgets::DataBrowserPanel* m_dataPanel = nullptr;
  widgets::DemoPanel* m_demoPanel = nullptr;
  widgets::ExperimentEditor* m_editorPanel = nullptr;
  widgets::RoutingInspectorPanel* m_routingPanel = nullptr;
  widgets::RobustnessPanel* m_robustnessPanel = nullptr;
  widgets::CompressionPanel* m_compressionPanel = nullptr;
  widgets::RunProgressWidget* m_progress = nullptr;
  RunController* m_runController = nullptr;
  RunActions* m_runActions = nullptr;
  QDockWidget* m_runsDock = nullptr;
  QDockWidget* m_curvesDock = nullptr;
  QDockWidget* m_expertsDock = nullptr;
  QDockWidget* m_logDock = nullptr;
  QDockWidget* m_dataDock = nullptr;
  QDockWidget* m_demoDock = nullptr;
  QDockWidget* m_editorDock = nullptr;
  QDockWidget* m_routingDock = nullptr;
  QDockWidget* m_robustnessDock = nullptr;
  QDockWidget* m_compressionDock = nullptr;
  QMenu* m_recentMenu = nullptr;
  QMenu* m_runMenu = nullptr;
  QMenu* m_viewMenu = nullptr;
  std::optional<WorkbenchProject> m_project;
  bool m_errorDialogs = true;
  bool m_needsDefaultSizes = true;
  bool m_quitConfirmed = false;
};

}  // namespace vimoe::workbench
