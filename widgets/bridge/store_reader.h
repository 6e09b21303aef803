// StoreReader: the object that owns the GUI's read-only connection to the run store. It lives
// on the poller's worker thread (see store_poller.h), so a slow disk or a busy store waits
// there and never freezes the window. Every ~500 ms it asks PRAGMA data_version whether
// another connection (a training process) committed, and whether the processes of running
// runs are still there; only then does it read, and for curves it reads only rows after the
// last step it already sent (scalars(afterStep)). When the store's files were replaced under
// its connection (RunStore::filesReplaced) it reopens and says so with storeNotice.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <map>
#include <memory>
#include <optional>

#include "bridge/store_types.h"

class QTimer;

namespace vimoe::widgets {

class StoreReader : public QObject {
  Q_OBJECT

 public:
  static constexpr int kReportOpenFailureAfter = 3;  // ticks

  explicit StoreReader(int intervalMs, QObject* parent = nullptr);
  ~StoreReader() override;

 public Q_SLOTS:
  void start();  // starts the polling timer; call in the thread the reader lives in
  void stop();
  void setStorePath(const QString& path);
  void setWatchedCurves(const QVector<vimoe::widgets::CurveKey>& keys);
  void setExpertRun(qint64 runId);
  void poll();

 Q_SIGNALS:
  void storeMissing(const QString& path);  // no file yet: the project has no runs
  void storeOpened(const QString& path);
  void storeFailed(const QString& message);  // once per distinct problem; retried every tick
  void runsChanged(const QVector<vimoe::widgets::RunSummary>& runs);
  void jobsChanged(const QVector<vimoe::widgets::JobSummary>& jobs);
  void storeNotice(const QString& message);
  void curveUpdated(const vimoe::widgets::CurveUpdate& update);
  void expertLoadChanged(const vimoe::widgets::ExpertLoadSnapshot& snapshot);

 private:
  template <class F>
  void guarded(F&& body);
  void fail(const std::string& message);
  void closeStore();
  bool ensureOpen();  // true when the store was (re)opened by this call
  bool readRuns();
  bool readJobs();
  QString livenessSignature() const;
  bool readCurves();
  bool readExpertLoad(bool force);
  bool readExpertExtras(ExpertLoadSnapshot& snapshot);

  QTimer* m_timer;
  QString m_path;
  std::unique_ptr<store::RunStore> m_store;
  std::optional<qint64> m_dataVersion;
  bool m_reportedMissing = false;
  int m_openFailures = 0;
  QString m_lastError;
  // Last step sent for each watched curve; nullopt = nothing sent yet (the next read is a reset).
  std::map<CurveKey, std::optional<qint64>> m_cursors;
  // Processes of open jobs and running runs, probed every tick: a killed trainer commits
  // nothing, so only its process says that its runs are lost now.
  std::vector<ProcessIdentity> m_watchedProcesses;
  QString m_liveness;
  std::vector<store::RunInfo> m_lastRuns;
  std::map<qint64, QStringList> m_layerCache;   // layer names are written once, at run start
  std::map<qint64, QString> m_runState;         // "step/status" per run, to skip unchanged expert load
  qint64 m_expertRun = -1;
  QString m_expertSentState;
};

// One-shot reads for panels that ask for a single snapshot rather than follow a stream (the
// routing inspector reads on its own worker thread with its own connection).

// The routing snapshot of `step` of a run (the latest stored one when step < 0, the nearest
// stored one when that step has none), with the stored steps, layer names, probe samples and
// their image files resolved on disk (not loaded).
Expected<RoutingSnapshot> readRoutingSnapshot(const store::RunStore& store, qint64 runId, qint64 step);

// The trainer stores a probe image path as its data loader saw it: absolute when the CLI found
// the project folder (the usual case), else relative to the folder the CLI ran in. Returns the
// file that exists: the path itself; for a relative path, the first of `baseDirs` holding it;
// for an absolute path that is gone (the project moved with its store), the path's tail under
// the first base dir. "" when none exists.
QString resolveProbeImage(const QString& imagePath, const QStringList& baseDirs);
// Where relative probe paths may start: the folders at and above the run's checkpoint folder
// and above the store file, then the current folder.
QStringList probeImageBaseDirs(const QString& storePath, const QString& checkpointDir);

}  // namespace vimoe::widgets
