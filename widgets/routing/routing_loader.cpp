#include "routing/routing_loader.h"

#include <exception>

#include "bridge/store_reader.h"
#include "vimoe/store/run_store.h"

namespace vimoe::widgets {

// Lives on the loader's thread; the only object there that touches the RunStore.
class RoutingWorker : public QObject {
  Q_OBJECT

 public:
  explicit RoutingWorker(std::shared_ptr<std::atomic<quint64>> latest) : m_latest(std::move(latest)) {}

  void read(const QString& path, qint64 runId, qint64 step, quint64 generation) {
    // Every request is answered (the loader counts them); a superseded one with nothing read.
    if (generation != m_latest->load()) return Q_EMIT answered(generation, false, {}, {}, runId, {});
    try {
      readNow(path, runId, step, generation);
    } catch (const std::exception& e) {
      m_store.reset();
      Q_EMIT answered(generation, true, {}, {}, runId,
                      tr("Reading routing snapshots failed: %1").arg(QString::fromUtf8(e.what())));
    }
  }

  void close() { m_store.reset(); }

 Q_SIGNALS:
  void answered(quint64 generation, bool current, const vimoe::widgets::RoutingSnapshot& snapshot,
                const QVector<QImage>& images, qint64 runId, const QString& error);

 private:
  void readNow(const QString& path, qint64 runId, qint64 step, quint64 generation) {
    if (path.isEmpty()) return Q_EMIT answered(generation, true, {}, {}, runId, tr("No run store is open."));
    if (!m_store || m_path != path || m_store->filesReplaced()) {  // replaced: see filesReplaced()
      m_store.reset();
      auto opened = store::RunStore::open(path.toStdString(), store::RunStore::Mode::ReadOnly);
      if (!opened)
        return Q_EMIT answered(generation, true, {}, {}, runId, QString::fromStdString(opened.error().message));
      m_store = std::move(*opened);
      m_path = path;
    }
    auto snapshot = readRoutingSnapshot(*m_store, runId, step);
    if (!snapshot) {
      m_store.reset();  // reopened next time: the file may have been replaced
      return Q_EMIT answered(generation, true, {}, {}, runId, QString::fromStdString(snapshot.error().message));
    }
    QVector<QImage> images;
    for (const QString& file : snapshot->imageFiles) images << (file.isEmpty() ? QImage() : QImage(file));
    Q_EMIT answered(generation, true, *snapshot, images, runId, {});
  }

  std::shared_ptr<std::atomic<quint64>> m_latest;
  std::unique_ptr<store::RunStore> m_store;
  QString m_path;
};

RoutingLoader::RoutingLoader(QObject* parent) : QObject(parent), m_latest(std::make_shared<std::atomic<quint64>>(0)) {
  registerStoreTypes();
  m_worker = new RoutingWorker(m_latest);
  m_thread.setObjectName(QStringLiteral("vimoe-routing-reader"));
  m_worker->moveToThread(&m_thread);
  connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
  connect(m_worker, &RoutingWorker::answered, this,
          [this](quint64 generation, bool current, const RoutingSnapshot& snapshot, const QVector<QImage>& images,
                 qint64 runId, const QString& error) {
            --m_pending;
            // A newer request may have been made while this one was read.
            if (!current || generation != m_latest->load()) return;
            if (!error.isEmpty())
              Q_EMIT failed(runId, error);
            else
              Q_EMIT loaded(snapshot, images);
          });
  m_thread.start();
}

RoutingLoader::~RoutingLoader() {
  QMetaObject::invokeMethod(m_worker, &RoutingWorker::close, Qt::BlockingQueuedConnection);
  m_thread.quit();
  m_thread.wait();
}

void RoutingLoader::setStorePath(const QString& path) {
  m_storePath = path;
}

void RoutingLoader::request(qint64 runId, qint64 step) {
  const quint64 generation = ++m_generation;
  m_latest->store(generation);
  ++m_pending;
  QMetaObject::invokeMethod(
      m_worker,
      [worker = m_worker, path = m_storePath, runId, step, generation] { worker->read(path, runId, step, generation); },
      Qt::QueuedConnection);
}

}  // namespace vimoe::widgets

#include "routing_loader.moc"
