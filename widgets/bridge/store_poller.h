// StorePoller: the GUI thread's handle on the run store. It starts a worker thread with a
// StoreReader (the only object that touches the RunStore) and forwards the reader's signals,
// which therefore arrive on the GUI thread as queued calls carrying plain copies.
//
// Panels say what they want to see (setWatchedCurves, setExpertRun); the reader sends the
// full curve once, then only rows newer than the last step it sent.
#pragma once

#include <QObject>
#include <QThread>
#include <QVector>

#include "bridge/store_types.h"

namespace vimoe::widgets {

class StoreReader;

class StorePoller : public QObject {
  Q_OBJECT

 public:
  static constexpr int kDefaultIntervalMs = 500;

  explicit StorePoller(QObject* parent = nullptr, int intervalMs = kDefaultIntervalMs);
  ~StorePoller() override;

  // An empty path stops reading. A path without a file yet is polled until it appears.
  void setStorePath(const QString& path);
  void setWatchedCurves(const QVector<vimoe::widgets::CurveKey>& keys);
  void setExpertRun(qint64 runId);  // -1: none
  void pollNow();

 Q_SIGNALS:
  void storeMissing(const QString& path);
  void storeOpened(const QString& path);
  void storeFailed(const QString& message);
  void runsChanged(const QVector<vimoe::widgets::RunSummary>& runs);
  void jobsChanged(const QVector<vimoe::widgets::JobSummary>& jobs);
  // Something the reader noticed and recovered from (the store's files were replaced): the
  // log and the status bar, not a dialog.
  void storeNotice(const QString& message);
  void curveUpdated(const vimoe::widgets::CurveUpdate& update);
  void expertLoadChanged(const vimoe::widgets::ExpertLoadSnapshot& snapshot);

 private:
  QThread m_thread;
  StoreReader* m_reader;  // lives on m_thread, deleted there when the thread finishes
};

}  // namespace vimoe::widgets
