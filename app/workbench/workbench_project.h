// What the workbench needs to know about a project folder: its name, where its store is and
// which studies the Run menu can start. Loading reports problems as an Error (no dialogs
// here: MainWindow decides how to show them).
#pragma once

#include <QString>
#include <QVector>

#include "vimoe/util/expected.h"

namespace vimoe::workbench {

struct StudyEntry {
  QString name;  // the study's "name", or the file's base name when the file does not parse
  QString file;  // absolute
};

struct WorkbenchProject {
  QString dir;  // absolute
  QString name;
  QString storePath;
  QVector<StudyEntry> studies;
};

Expected<WorkbenchProject> loadWorkbenchProject(const QString& dir);

}  // namespace vimoe::workbench
