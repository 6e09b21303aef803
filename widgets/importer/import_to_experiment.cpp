#include "importer/import_to_experiment.h"

#include <QDir>
#include <QFileInfo>

#include "experiment/experiment_file.h"

namespace vimoe::widgets {

Expected<QString> writeExperimentFromImport(const QString& checkpointDir, const QString& projectDir) {
  auto cfg = readExperimentFile(QDir(checkpointDir).filePath(QStringLiteral("config.json")));
  if (!cfg) return cfg.error();
  const QDir project(projectDir);
  const QString absolute = QFileInfo(checkpointDir).absoluteFilePath();
  const QString relative = project.relativeFilePath(absolute);
  // Inside the project the path stays relative, so the project can move; outside it, absolute.
  cfg->model.init_from = (relative.startsWith(QStringLiteral("..")) ? absolute : relative).toStdString();
  const QString name = QFileInfo(absolute).fileName();
  cfg->run.name = "finetune-" + name.toStdString();
  if (!project.mkpath(QStringLiteral("experiments")))
    return Error::at(project.filePath(QStringLiteral("experiments")).toStdString(), "cannot create the folder");
  QString path = project.filePath(QStringLiteral("experiments/%1.json").arg(name));
  for (int n = 2; QFileInfo::exists(path); ++n) path = project.filePath(QStringLiteral("experiments/%1-%2.json").arg(name).arg(n));
  if (auto written = writeExperimentFile(path, *cfg); !written) return written.error();
  return path;
}

}  // namespace vimoe::widgets
