// ExperimentEditor's files: open, save, launch, and the dialogs behind its buttons.
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>

#include "common/file_dialogs.h"
#include "experiment/config_form.h"
#include "experiment/experiment_editor.h"
#include "experiment/experiment_file.h"

namespace vimoe::widgets {
namespace {

const QString kJsonFilter = QStringLiteral("*.json");

}  // namespace

bool ExperimentEditor::loadFile(const QString& path) {
  Expected<config::ExperimentConfig> loaded = readExperimentFile(path);
  if (!loaded) {
    m_lastError = tr("Could not open %1; the editor still shows the previous config.\n%2")
                      .arg(QDir::toNativeSeparators(path), QString::fromStdString(loaded.error().message));
    showStatus(m_lastError, true);
    Q_EMIT errorOccurred(m_lastError);
    return false;
  }
  m_lastError.clear();
  showStatus(QString(), false);
  m_form->setConfig(*loaded);
  setFilePath(QFileInfo(path).absoluteFilePath());
  setModified(false);
  revalidate();
  return true;
}

bool ExperimentEditor::saveTo(const QString& path) {
  const Status written = writeExperimentFile(path, config());
  if (!written) {
    m_lastError = tr("Could not save %1: %2")
                      .arg(QDir::toNativeSeparators(path), QString::fromStdString(written.error().message));
    showStatus(m_lastError, true);
    Q_EMIT errorOccurred(m_lastError);
    return false;
  }
  m_lastError.clear();
  setFilePath(QFileInfo(path).absoluteFilePath());
  setModified(false);
  const int count = int(m_issues.size());
  // Saving never loses work, but a config with problems is not runnable yet: say so.
  const QString warning =
      count == 1 ? tr("Saved with 1 problem: vimoe train refuses the file until it is fixed.")
                 : tr("Saved with %1 problems: vimoe train refuses the file until they are fixed.").arg(count);
  showStatus(count == 0 ? QString() : warning, false);
  return true;
}

bool ExperimentEditor::save() {
  if (m_filePath.isEmpty()) {
    m_lastError = tr("The config has no file yet: use Save As.");
    return false;
  }
  return saveTo(m_filePath);
}

bool ExperimentEditor::launch() {
  if (!m_issues.empty() || m_runActive) return false;
  const bool saved = m_filePath.isEmpty() ? saveAsWithDialog() : save();
  if (!saved) return false;
  Q_EMIT launchRequested(m_filePath);
  return true;
}

void ExperimentEditor::openWithDialog() {
  if (m_modified) {
    const auto answer =
        QMessageBox::question(this, tr("Open experiment"), tr("The config has unsaved changes. Save them first?"),
                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel) return;
    if (answer == QMessageBox::Save && !(m_filePath.isEmpty() ? saveAsWithDialog() : save())) return;
  }
  const QString start = !m_filePath.isEmpty()     ? QFileInfo(m_filePath).absolutePath()
                        : !m_projectDir.isEmpty() ? QDir(m_projectDir).filePath(QStringLiteral("experiments"))
                                                  : QDir::homePath();
  const QString path = chooseOpenFile(this, tr("Open experiment config"), start,
                                                    tr("Experiment configs (%1);;All files (*)").arg(kJsonFilter));
  if (!path.isEmpty()) loadFile(path);
}

bool ExperimentEditor::saveAsWithDialog() {
  const QString folder = !m_filePath.isEmpty()     ? QFileInfo(m_filePath).absolutePath()
                         : !m_projectDir.isEmpty() ? QDir(m_projectDir).filePath(QStringLiteral("experiments"))
                                                   : QDir::homePath();
  const QString name = QString::fromStdString(config().run.name) + QStringLiteral(".json");
  QString path = chooseSaveFile(this, tr("Save experiment config"), QDir(folder).filePath(name),
                                              tr("Experiment configs (%1)").arg(kJsonFilter));
  if (path.isEmpty()) return false;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".json");
  return saveTo(path);
}

void ExperimentEditor::browseFolder(const QString& path) {
  const QDir project(m_projectDir.isEmpty() ? QDir::currentPath() : m_projectDir);
  QString start = QString::fromStdString(path == QLatin1String("model.init_from")     ? config().model.init_from
                                         : path == QLatin1String("task.encoder_from") ? config().task.encoder_from
                                                                                      : config().data.root);
  start = start.isEmpty() || start.startsWith(QLatin1Char('@')) ? project.path() : project.absoluteFilePath(start);
  const QString chosen = chooseDirectory(this, tr("Choose a folder for %1").arg(path), start);
  if (chosen.isEmpty()) return;
  // The trainer resolves relative paths against the project, so a project stays movable.
  const QString relative = project.relativeFilePath(chosen);
  const bool inside = !m_projectDir.isEmpty() && !relative.startsWith(QLatin1String(".."));
  m_form->setText(path, inside ? relative : chosen);
}

}  // namespace vimoe::widgets
