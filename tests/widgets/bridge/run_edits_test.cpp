// The workbench's own store writes on a real SQLite file: notes, deleting a finished run with
// and without its checkpoint folder, refusing a run marked running unless its process is gone
// and the caller confirms it stale, and
// never removing a folder outside the project.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include "bridge/run_edits.h"
#include "support/test_registry.h"
#include "vimoe/store/run_store.h"

namespace vimoe::widgets {
namespace {

qint64 addRun(store::RunStore& db, store::RunStatus status, const QString& checkpointDir) {
  store::NewRun run;
  run.name = "r";
  const qint64 id = db.createRun(run).value();
  (void)db.setRunStatus(id, status);
  (void)db.setCheckpointDir(id, checkpointDir.toStdString());
  return id;
}

bool makeFolder(const QString& dir) {
  QDir().mkpath(dir);
  QFile file(QDir(dir).filePath(QStringLiteral("model.safetensors")));
  return file.open(QIODevice::WriteOnly) && file.write("x") == 1;
}

class RunEditsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void savesNotesAndDeletesWithTheRightChecks() {
    QTemporaryDir project, outside;
    const QString storePath = QDir(project.path()).filePath(QStringLiteral("vimoe.db"));
    auto db = store::RunStore::open(storePath.toStdString()).value();
    const QString inside = QDir(project.path()).filePath(QStringLiteral("checkpoints/1-r"));
    QVERIFY(makeFolder(inside) && makeFolder(outside.path()));
    const qint64 finished = addRun(*db, store::RunStatus::Finished, inside);
    const qint64 stale = addRun(*db, store::RunStatus::Running, QString());
    const qint64 elsewhere = addRun(*db, store::RunStatus::Cancelled, outside.path());

    QCOMPARE(setRunNotes(storePath, finished, QStringLiteral("ghi chú: tốt")), QString());
    QCOMPARE(QString::fromStdString(db->run(finished).value().notes), QStringLiteral("ghi chú: tốt"));

    QVERIFY(deleteRun(storePath, stale, {}, project.path()).contains(QStringLiteral("running")));
    QVERIFY(db->run(stale).ok());  // refused: nothing deleted
    // This very process set it running and is alive: not even a "stale" delete may remove it.
    QVERIFY(deleteRun(storePath, stale, {}, project.path(), /*staleRunning=*/true).contains(QStringLiteral("running")));
    QVERIFY(db->run(stale).ok());
    // Once its process is unknown (as a killed trainer's), it is lost and may go when confirmed.
    sqlite3* raw = nullptr;
    QCOMPARE(sqlite3_open(storePath.toUtf8().constData(), &raw), SQLITE_OK);
    QCOMPARE(sqlite3_exec(raw, "UPDATE run SET job_id = NULL", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(raw);
    QCOMPARE(deleteRun(storePath, stale, {}, project.path(), /*staleRunning=*/true), QString());
    QVERIFY(!db->run(stale).ok());

    QCOMPARE(deleteRun(storePath, finished, inside, project.path()), QString());
    QVERIFY(!db->run(finished).ok());
    QVERIFY(!QFileInfo::exists(inside));  // the checkpoint folder went with it

    QVERIFY(deleteRun(storePath, elsewhere, outside.path(), project.path()).contains(QStringLiteral("outside")));
    QVERIFY(!db->run(elsewhere).ok());         // the rows are gone
    QVERIFY(QFileInfo::exists(outside.path() + QStringLiteral("/model.safetensors")));  // the folder is not

    QVERIFY(!deleteRun(storePath, 999, {}, project.path()).isEmpty());  // unknown run: a message
  }
};

}  // namespace
}  // namespace vimoe::widgets

std::unique_ptr<QObject> vimoe::test_support::makeRunEditsTest() {
  return std::make_unique<vimoe::widgets::RunEditsTest>();
}

#include "run_edits_test.moc"
