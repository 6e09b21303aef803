// AttackLoader: reads every attack run of the store for the Robustness panel on a worker
// thread, with its own read-only connection: the runs, their eval rows, the attacked runs'
// names, each report.json and its example images (QImage, safe off the GUI thread). Only the
// newest request is answered, so a burst of store changes costs one read.
#pragma once

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

#include "robust/attack_data.h"

namespace vimoe::widgets {

class AttackWorker;

class AttackLoader : public QObject {
  Q_OBJECT

 public:
  explicit AttackLoader(QObject* parent = nullptr);
  ~AttackLoader() override;

  void setStorePath(const QString& path);  // "" = none: requests answer with an error
  QString storePath() const { return m_storePath; }
  void request();
  bool isBusy() const { return m_pending > 0; }

 Q_SIGNALS:
  void loaded(const vimoe::widgets::AttackSnapshot& snapshot);

 private:
  QThread m_thread;
  AttackWorker* m_worker;
  QString m_storePath;
  std::shared_ptr<std::atomic<quint64>> m_latest;
  quint64 m_generation = 0;
  int m_pending = 0;
};

// The read itself (the worker calls it; tests may too).
AttackSnapshot readAttackSnapshot(const store::RunStore& store);

}  // namespace vimoe::widgets
