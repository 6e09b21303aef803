#include "run_actions.h"

#include <QFutureWatcher>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

#include "bridge/run_edits.h"
#include "bridge/store_poller.h"
#include "run_controller.h"
#include "runs/runs_model.h"

namespace vimoe::workbench {
namespace {

// Runs `future` and calls `then(result)` on the GUI thread when it is done.
template <typename Then>
void whenDone(QObject* context, QFuture<QString> future, Then then) {
  auto* watcher = new QFutureWatcher<QString>(context);
  QObject::connect(watcher, &QFutureWatcher<QString>::finished, context, [watcher, then] {
    then(watcher->result());
    watcher->deleteLater();
  });
  watcher->setFuture(future);
}

}  // namespace

RunActions::RunActions(QWidget* dialogParent, widgets::RunsModel* runs, widgets::StorePoller* poller,
                       RunController* controller)
    : QObject(dialogParent), m_parent(dialogParent), m_runs(runs), m_poller(poller), m_controller(controller) {}

void RunActions::setProject(const QString& projectDir, const QString& storePath) {
  m_projectDir = projectDir;
  m_storePath = storePath;
}

void RunActions::resume(qint64 runId) {
  const widgets::RunSummary* run = m_runs->runById(runId);
  if (!run) return;
  if (m_controller->isRunning())
    return Q_EMIT errorOccurred(tr("A run is already going: one run at a time (Run > Cancel run first)."));
  m_controller->startResume(runId, run->name);
}

void RunActions::editNotes(qint64 runId) {
  const widgets::RunSummary* run = m_runs->runById(runId);
  if (!run) return;
  bool ok = false;
  const QString notes = QInputDialog::getMultiLineText(m_parent, tr("Notes of run %1").arg(runId), run->name, run->notes, &ok);
  if (ok) setNotes(runId, notes);
}

void RunActions::setNotes(qint64 runId, const QString& notes) {
  whenDone(this, widgets::setRunNotesAsync(m_storePath, runId, notes),
           [this, runId](const QString& error) { finish(error, tr("Notes of run %1 saved").arg(runId)); });
}

void RunActions::confirmDelete(qint64 runId) {
  const widgets::RunSummary* run = m_runs->runById(runId);
  if (!run) return;
  if (!m_dialogs) return deleteRun(runId, false);
  // "running" is shown only while the run's process is alive (else the run shows "lost").
  if (run->status == QLatin1String("running"))
    return Q_EMIT errorOccurred(tr("Run %1 is training now: cancel it first (Run > Cancel run).").arg(runId));
  const bool lost = run->isLost();
  QMessageBox box(QMessageBox::Warning, tr("Delete run %1?").arg(runId),
                  tr("Delete run %1 (%2) with its curves, expert load, routing and evaluations from the store? "
                     "This cannot be undone.")
                      .arg(runId)
                      .arg(run->name),
                  QMessageBox::Cancel, m_parent);
  QPushButton* rowsOnly = box.addButton(tr("Delete the run"), QMessageBox::DestructiveRole);
  QPushButton* withFiles = run->checkpointDir.isEmpty()
                               ? nullptr
                               : box.addButton(tr("Delete the run and its checkpoints"), QMessageBox::DestructiveRole);
  QString details = withFiles ? tr("Checkpoints: %1").arg(run->checkpointDir) : QString();
  if (lost)
    details = tr("This run is lost: its process was killed or the machine restarted. Resume (right-click) would "
                 "continue it from its last checkpoint instead.\n\n") + details;
  box.setInformativeText(details);
  box.exec();
  if (box.clickedButton() == rowsOnly) deleteRun(runId, false, lost);
  if (withFiles && box.clickedButton() == withFiles) deleteRun(runId, true, lost);
}

void RunActions::deleteRun(qint64 runId, bool withCheckpoints, bool staleRunning) {
  const widgets::RunSummary* run = m_runs->runById(runId);
  const QString checkpoints = withCheckpoints && run ? run->checkpointDir : QString();
  whenDone(this, widgets::deleteRunAsync(m_storePath, runId, checkpoints, m_projectDir, staleRunning),
           [this, runId](const QString& error) { finish(error, tr("Run %1 deleted").arg(runId)); });
}

void RunActions::finish(const QString& error, const QString& what) {
  m_poller->pollNow();
  if (!error.isEmpty()) return Q_EMIT errorOccurred(error);
  Q_EMIT done(what);
}

}  // namespace vimoe::workbench
