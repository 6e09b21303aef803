#include "workbench_project.h"

#include <QDir>
#include <QFileInfo>

#include "vimoe/config/config_io.h"
#include "vimoe/config/project.h"
#include "vimoe/store/run_store.h"

namespace vimoe::workbench {

Expected<WorkbenchProject> loadWorkbenchProject(const QString& dir) {
  if (dir.isEmpty()) return Error{"No project folder given: choose a folder with vimoe-project.json."};
  auto project = config::loadProject(QDir(dir).absolutePath().toStdString());
  if (!project)
    return Error{project.error().message + ". Choose a folder that contains vimoe-project.json."};
  WorkbenchProject result;
  result.dir = QString::fromStdString(project->dir);
  result.name = QString::fromStdString(project->name);
  if (result.name.isEmpty()) result.name = QFileInfo(result.dir).fileName();
  result.storePath = QString::fromStdString(project->storePath());
  // The panels read the store read-only, and a read-only open cannot create a new project's
  // store or upgrade one an older vimoe wrote. One read-write open does both (a no-op when the
  // store is current); if it fails (a newer schema, not a store), the reader reports why.
  (void)store::RunStore::open(project->storePath(), store::RunStore::Mode::ReadWrite);
  for (const auto& relative : project->studies) {
    StudyEntry study;
    study.file = QString::fromStdString(project->path(relative));
    // A broken study file is still listed: running it shows the CLI's precise message in the log.
    auto config = config::loadStudyConfig(study.file.toStdString());
    study.name = config && !config->name.empty() ? QString::fromStdString(config->name)
                                                 : QFileInfo(study.file).completeBaseName();
    result.studies << study;
  }
  return result;
}

}  // namespace vimoe::workbench
