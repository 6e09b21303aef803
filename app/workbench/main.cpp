// vimoe-workbench: the Qt 6 GUI. Opens --project DIR (default: the bundled demo project).
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>

#include <cstdio>
#include <optional>

#include "language.h"
#include "main_window.h"
#include "panel_tour.h"
#include "screenshot.h"
#include "theme.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("ViMoE"));
  QApplication::setApplicationName(QStringLiteral("Workbench"));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("ViMoE Workbench: sparse MoE vision-language research"));
  parser.addHelpOption();
  QCommandLineOption project(QStringLiteral("project"), QStringLiteral("Project folder (with vimoe-project.json)."),
                             QStringLiteral("DIR"), QStringLiteral(VIMOE_DEMO_PROJECT));
  QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                QStringLiteral("Save a picture of the window once loaded, then quit."),
                                QStringLiteral("FILE"));
  screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
  QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                 QStringLiteral("Save a picture of the window and of every panel into DIR, then quit."),
                                 QStringLiteral("DIR"));
  screenshots.setFlags(QCommandLineOption::HiddenFromHelp);
  QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("light or dark (also View > Theme)."),
                           QStringLiteral("NAME"));
  QCommandLineOption language(QStringLiteral("language"), QStringLiteral("en or vi (also View > Language)."),
                              QStringLiteral("CODE"));
  parser.addOption(project);
  parser.addOption(language);
  parser.addOption(screenshot);
  parser.addOption(screenshots);
  parser.addOption(theme);
  parser.process(app);

  // Screenshots use the default layout and theme, never the user's saved ones.
  const bool batch = parser.isSet(screenshot) || parser.isSet(screenshots);
  std::optional<QTemporaryDir> settingsDir;
  if (batch) {
    settingsDir.emplace();
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir->path());
  }
  // Before any widget exists: every tr() then returns the chosen language.
  // Screenshots are English unless a language is asked for explicitly.
  if (parser.isSet(language)) vimoe::workbench::setInterfaceLanguage(parser.value(language) == QStringLiteral("vi") ? QStringLiteral("vi") : QStringLiteral("en"));
  if ((!batch || parser.isSet(language)) && !vimoe::workbench::installTranslations(app))
    std::fprintf(stderr, "warning: the Vietnamese interface translation could not be loaded; using English\n");
  if (parser.isSet(theme))
    QSettings().setValue(QLatin1String(vimoe::workbench::kThemeSettingsKey),
                         vimoe::workbench::themeName(vimoe::workbench::themeFromName(parser.value(theme))));

  vimoe::workbench::MainWindow window;
  window.setErrorDialogsEnabled(!batch);
  if (batch) window.resize(1600, 1000);
  window.show();

  const QString dir = parser.value(project);
  if (auto opened = window.openProject(dir); !opened) {
    const QString message = QString::fromStdString(opened.error().message);
    if (batch)
      std::fprintf(stderr, "%s\n", qPrintable(message));
    else
      QMessageBox::warning(&window, QStringLiteral("Cannot open project"), message);
  }
  if (parser.isSet(screenshot))
    vimoe::workbench::takeScreenshotWhenLoaded(window, QDir::current().absoluteFilePath(parser.value(screenshot)));
  else if (parser.isSet(screenshots))
    vimoe::workbench::startPanelTour(window, QDir::current().absoluteFilePath(parser.value(screenshots)));
  return app.exec();
}
