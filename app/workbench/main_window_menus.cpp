// MainWindow's menus: File (open, recent, quit), Run (filled by RunController) and View (dock
// toggles, theme).
#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenuBar>
#include <QSettings>

#include "main_window.h"
#include "recent_projects.h"
#include "run_controller.h"
#include "theme.h"

namespace vimoe::workbench {

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open Project\u2026"), this, &MainWindow::chooseProjectFolder);
  open->setShortcut(QKeySequence::Open);
  open->setObjectName(QStringLiteral("actionOpenProject"));
  m_recentMenu = file->addMenu(tr("&Recent projects"));
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);
  rebuildRecentMenu();

  m_runMenu = menuBar()->addMenu(tr("&Run"));
  m_runController->fillMenu(m_runMenu);

  m_viewMenu = menuBar()->addMenu(tr("&View"));
  for (QDockWidget* dock : {m_runsDock, m_curvesDock, m_expertsDock, m_logDock})
    m_viewMenu->addAction(dock->toggleViewAction());
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
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a ViMoE project (a folder with vimoe-project.json)"),
                                                        start);
  if (!dir.isEmpty()) openProjectWithDialogs(dir);
}

}  // namespace vimoe::workbench
