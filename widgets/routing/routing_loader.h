// RoutingLoader: reads routing snapshots for the routing inspector on a worker thread, with its
// own read-only connection to the run store, and loads the probe images there too (QImage,
// not QPixmap, is safe off the GUI thread). A snapshot is small (samples x layers x tokens
// rows), but a store busy with a training child can still make a read wait; the window never
// does. Only the newest request is answered: dragging the step slider does not queue reads.
#pragma once

#include <QImage>
#include <QObject>
#include <QThread>
#include <QVector>

#include <atomic>
#include <memory>

#include "bridge/store_types.h"

namespace vimoe::widgets {

class RoutingWorker;

class RoutingLoader : public QObject {
  Q_OBJECT

 public:
  explicit RoutingLoader(QObject* parent = nullptr);
  ~RoutingLoader() override;

  // The next request opens this store; an empty path answers every request with `failed`.
  void setStorePath(const QString& path);
  QString storePath() const { return m_storePath; }
  // The snapshot of `step` (-1: the latest) of `runId`.
  void request(qint64 runId, qint64 step);
  bool isBusy() const { return m_pending > 0; }

 Q_SIGNALS:
  // images[i] belongs to snapshot.probes[i]; null where the file is missing or unreadable.
  void loaded(const vimoe::widgets::RoutingSnapshot& snapshot, const QVector<QImage>& images);
  void failed(qint64 runId, const QString& message);

 private:
  QThread m_thread;
  RoutingWorker* m_worker;
  QString m_storePath;
  std::shared_ptr<std::atomic<quint64>> m_latest;  // the generation of the newest request
  quint64 m_generation = 0;
  int m_pending = 0;
};

}  // namespace vimoe::widgets
