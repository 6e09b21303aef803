#include "bridge/run_edits.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include "vimoe/store/process_job.h"
#include "vimoe/store/run_store.h"

namespace vimoe::widgets {
namespace {

QString message(const Error& error) { return QString::fromStdString(error.message); }

bool isInside(const QString& path, const QString& dir) {
  const QString canonicalDir = QFileInfo(dir).canonicalFilePath();
  const QString canonicalPath = QFileInfo(path).canonicalFilePath();
  return !canonicalDir.isEmpty() && !canonicalPath.isEmpty() && canonicalPath != canonicalDir &&
         canonicalPath.startsWith(canonicalDir + QLatin1Char('/'));
}

}  // namespace

QString setRunNotes(const QString& storePath, qint64 runId, const QString& notes) {
  auto store = store::RunStore::open(storePath.toStdString());
  if (!store) return message(store.error());
  if (auto set = (*store)->setRunNotes(runId, notes.toStdString()); !set) return message(set.error());
  return {};
}

QString deleteRun(const QString& storePath, qint64 runId, const QString& checkpointDir, const QString& projectDir,
                  bool staleRunning) {
  auto store = store::RunStore::open(storePath.toStdString());
  if (!store) return message(store.error());
  auto run = (*store)->run(runId);
  if (!run) return message(run.error());
  // A run whose process still trains it is never deleted under it; a lost one (its process
  // gone) may be, when the caller says it knows.
  if (run->status == store::RunStatus::Running && (!staleRunning || !store::isLost(*run)))
    return QObject::tr("run %1 is running: cancel it first").arg(runId);
  if (auto removed = (*store)->deleteRun(runId); !removed) return message(removed.error());
  if (checkpointDir.isEmpty()) return {};
  const QString dir = QDir(projectDir).absoluteFilePath(checkpointDir);
  if (!QFileInfo(dir).isDir()) return {};  // never written, or already gone
  if (!isInside(dir, projectDir))
    return QObject::tr("the run was deleted, but its checkpoint folder %1 is outside the project and was kept").arg(dir);
  if (!QDir(dir).removeRecursively()) return QObject::tr("the run was deleted, but %1 could not be removed").arg(dir);
  return {};
}

QFuture<QString> setRunNotesAsync(const QString& storePath, qint64 runId, const QString& notes) {
  return QtConcurrent::run([=] { return setRunNotes(storePath, runId, notes); });
}

QFuture<QString> deleteRunAsync(const QString& storePath, qint64 runId, const QString& checkpointDir,
                                const QString& projectDir, bool staleRunning) {
  return QtConcurrent::run([=] { return deleteRun(storePath, runId, checkpointDir, projectDir, staleRunning); });
}

}  // namespace vimoe::widgets
