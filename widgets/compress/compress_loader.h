// CompressLoader: reads every compress run of the store for the Compression panel on a worker
// thread, with its own read-only connection: the runs, their eval rows (plans, layers, Pareto
// points), their rl/* curves and the source runs' names. Only the newest request is answered,
// so the per-episode commits of a live search cost one read at a time.
#pragma once

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

#include "compress/compress_data.h"

namespace vimoe::widgets {

class CompressWorker;

class CompressLoader : public QObject {
  Q_OBJECT

 public:
  explicit CompressLoader(QObject* parent = nullptr);
  ~CompressLoader() override;

  void setStorePath(const QString& path);  // "" = none: requests answer with an error
  QString storePath() const { return m_storePath; }
  void request();
  bool isBusy() const { return m_pending > 0; }

 Q_SIGNALS:
  void loaded(const vimoe::widgets::CompressSnapshot& snapshot);

 private:
  QThread m_thread;
  CompressWorker* m_worker;
  QString m_storePath;
  std::shared_ptr<std::atomic<quint64>> m_latest;
  quint64 m_generation = 0;
  int m_pending = 0;
};

// The read itself (the worker calls it; tests may too).
CompressSnapshot readCompressSnapshot(const store::RunStore& store);

}  // namespace vimoe::widgets
