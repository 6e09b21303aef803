// The few writes the workbench makes to a run store itself: a run's notes, and deleting a run
// (its rows, and optionally its checkpoint folder). Each opens its own short-lived writer
// connection on a worker thread, so a store busy with a training child's commit (busy_timeout)
// never stalls the GUI; the result is an error message, empty on success.
#pragma once

#include <QFuture>
#include <QString>

namespace vimoe::widgets {

QFuture<QString> setRunNotesAsync(const QString& storePath, qint64 runId, const QString& notes);
// checkpointDir: removed with everything in it when not empty (it must lie inside projectDir,
// so a bad path in the store can never delete anything else). A run marked running is refused
// unless staleRunning: the user confirmed that no process trains it any more (it was killed).
QFuture<QString> deleteRunAsync(const QString& storePath, qint64 runId, const QString& checkpointDir,
                                const QString& projectDir, bool staleRunning = false);

// Synchronous forms, for the worker and for tests.
QString setRunNotes(const QString& storePath, qint64 runId, const QString& notes);
QString deleteRun(const QString& storePath, qint64 runId, const QString& checkpointDir, const QString& projectDir,
                  bool staleRunning = false);

}  // namespace vimoe::widgets
