// MainWindow's menus: File (new, open, recent, quit), Run (filled by RunController) and View (dock
// toggles, theme, language).
#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>

#include <utility>

#include "cli_locator.h"
#include "common/file_dialogs.h"
#include "experiment/experiment_editor.h"
#include "importer/import_dialog.h"
#include "importer/import_to_experiment.h"
#include "language.h"
#include "main_window.h"
#include "recent_projects.h"
#include "run_controller.h"
#include "theme.h"
#include "vimoe/config/project.h"

namespace vimoe::workbench {

// `vimoe import` with a preview of the mapping; the checkpoint goes into the open project.
void MainWindow::showImportDialog() {
  auto* dialog = new widgets::ImportDialog(findVimoeCli(), m_project ? m_project->dir : QDir::homePath(), this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  // The imported model opens in the Experiment editor as a fine-tuning experiment.
  connect(dialog, &widgets::ImportDialog::imported, this, [this](const QString& dir) {
    auto experiment = widgets::writeExperimentFromImport(dir, m_project ? m_project->dir : QFileInfo(dir).absolutePath());
    if (!experiment || !m_editorPanel->loadFile(*experiment)) {
      statusBar()->showMessage(tr("Imported %1: choose it as \u201cInitialise from\u201d in the Experiment editor").arg(dir), 15000);
      return;
    }
    m_editorDock->show();
    m_editorDock->raise();
    statusBar()->showMessage(tr("Imported %1; %2 starts from it (set its data, then Launch)").arg(dir, *experiment), 15000);
  });
  dialog->show();
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open Project\u2026"), this, &MainWindow::chooseProjectFolder);
  open->setShortcut(QKeySequence::Open);
  open->setObjectName(QStringLiteral("actionOpenProject"));
  QAction* create = file->addAction(tr("&New Project…"), this, &MainWindow::chooseNewProjectFolder);
  create->setShortcut(QKeySequence::New);
  create->setObjectName(QStringLiteral("actionNewProject"));
  m_recentMenu = file->addMenu(tr("&Recent projects"));
  file->addSeparator();
  QAction* importPretrained = file->addAction(tr("&Import Pretrained Checkpoint\u2026"), this, &MainWindow::showImportDialog);
  importPretrained->setObjectName(QStringLiteral("actionImportPretrained"));
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);
  rebuildRecentMenu();

  m_runMenu = menuBar()->addMenu(tr("&Run"));
  m_runController->fillMenu(m_runMenu);

  m_viewMenu = menuBar()->addMenu(tr("&View"));
  // Alt+1 ... Alt+9, then Alt+0: the first eight keep the numbers they had before the labs came.
  int number = 1;
  for (QDockWidget* dock : {m_runsDock, m_curvesDock, m_expertsDock, m_routingDock, m_dataDock, m_editorDock,
                            m_demoDock, m_logDock, m_robustnessDock, m_compressionDock}) {
    QAction* toggle = dock->toggleViewAction();
    toggle->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_0 + number++ % 10)));
    m_viewMenu->addAction(toggle);
  }
  m_viewMenu->addSeparator();
  QMenu* themeMenu = m_viewMenu->addMenu(tr("&Theme"));
  auto* themes = new QActionGroup(this);
  const Theme saved = themeFromName(QSettings().value(QLatin1String(kThemeSettingsKey)).toString());
  for (Theme theme : {Theme::Light, Theme::Dark}) {
    QAction* action = themeMenu->addAction(theme == Theme::Dark ? tr("&Dark") : tr("&Light"));
    action->setCheckable(true);
    action->setChecked(theme == saved);
    action->setObjectName(QStringLiteral("actionTheme_") + themeName(theme));
    themes->addAction(action);
    connect(action, &QAction::triggered, this, [theme] {
      applyTheme(theme);
      QSettings().setValue(QLatin1String(kThemeSettingsKey), themeName(theme));
    });
  }
  applyTheme(saved);

  QMenu* languageMenu = m_viewMenu->addMenu(tr("&Language"));
  auto* languages = new QActionGroup(this);
  const QString current = interfaceLanguage();
  for (const auto& [code, label] : {std::pair{QStringLiteral("en"), QStringLiteral("English")},
                                    std::pair{QStringLiteral("vi"), QStringLiteral("Ti\u1ebfng Vi\u1ec7t")}}) {
    QAction* action = languageMenu->addAction(label);  // each language in its own name, never translated
    action->setCheckable(true);
    action->setChecked(code == current);
    action->setObjectName(QStringLiteral("actionLanguage_") + code);
    languages->addAction(action);
    connect(action, &QAction::triggered, this, [this, code = code] {
      if (code == interfaceLanguage()) return;
      setInterfaceLanguage(code);
      statusBar()->showMessage(tr("The interface language changes at the next start."), 10000);
    });
  }
}

void MainWindow::rebuildRecentMenu() {
  m_recentMenu->clear();
  const QStringList dirs = recentProjects();
  for (const QString& dir : dirs)
    m_recentMenu->addAction(dir, this, [this, dir] { openProjectWithDialogs(dir); });
  m_recentMenu->setEnabled(!dirs.isEmpty());
}

void MainWindow::chooseProjectFolder() {
  const QString start = m_project ? m_project->dir : QString();
  const QString dir = widgets::chooseDirectory(this, tr("Open a ViMoE project (a folder with vimoe-project.json)"),
                                                        start);
  if (!dir.isEmpty()) openProjectWithDialogs(dir);
}

void MainWindow::chooseNewProjectFolder() {
  const QString dir = widgets::chooseDirectory(
      this, tr("New project: choose an empty folder (its name becomes the project name)"), QString());
  if (dir.isEmpty()) return;
  auto created = config::createProject(dir.toStdString(), QFileInfo(dir).fileName().toStdString());
  if (!created) return reportError(QString::fromStdString(created.error().message));
  openProjectWithDialogs(dir);
}

}  // namespace vimoe::workbench
