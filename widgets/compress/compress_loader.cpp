#include "compress/compress_loader.h"

#include <QFileInfo>

#include <exception>
#include <map>

#include "vimoe/store/run_store.h"

namespace vimoe::widgets {

CompressSnapshot readCompressSnapshot(const store::RunStore& store) {
  CompressSnapshot snapshot;
  auto runs = store.listRuns();
  if (!runs) {
    snapshot.error = QString::fromStdString(runs.error().message);
    return snapshot;
  }
  std::map<std::int64_t, std::string> names;
  for (const auto& run : *runs) names[run.id] = run.name;
  for (const auto& run : *runs) {
    if (run.kind != "compress") continue;
    auto evals = store.evals(run.id);
    if (!evals) {
      snapshot.error = QString::fromStdString(evals.error().message);
      return snapshot;
    }
    std::map<std::string, std::vector<store::ScalarPoint>> scalars;
    for (const char* key : {"rl/reward", "rl/baseline", "rl/best_reward"}) {
      auto points = store.scalars(run.id, key);
      if (!points) {
        snapshot.error = QString::fromStdString(points.error().message);
        return snapshot;
      }
      scalars[key] = std::move(*points);
    }
    CompressRun compress = compressRunFromStore(run, *evals, scalars);
    if (run.parentRunId)
      if (const auto it = names.find(*run.parentRunId); it != names.end())
        compress.parentName = QString::fromStdString(it->second);
    snapshot.runs << compress;
  }
  return snapshot;
}

class CompressWorker : public QObject {
  Q_OBJECT

 public:
  explicit CompressWorker(std::shared_ptr<std::atomic<quint64>> latest) : m_latest(std::move(latest)) {}

  void read(const QString& path, quint64 generation) {
    if (generation != m_latest->load()) return Q_EMIT answered(generation, {});
    CompressSnapshot snapshot;
    try {
      snapshot = readNow(path);
    } catch (const std::exception& e) {
      m_store.reset();
      snapshot.error = tr("Reading compress runs failed: %1").arg(QString::fromUtf8(e.what()));
    }
    Q_EMIT answered(generation, snapshot);
  }

  void close() { m_store.reset(); }

 Q_SIGNALS:
  void answered(quint64 generation, const vimoe::widgets::CompressSnapshot& snapshot);

 private:
  CompressSnapshot readNow(const QString& path) {
    CompressSnapshot snapshot;
    if (path.isEmpty()) {
      snapshot.error = tr("No run store is open.");
      return snapshot;
    }
    // A project without a store file has no runs yet: that is the empty state, not an error.
    if (!QFileInfo::exists(path)) {
      m_store.reset();
      return snapshot;
    }
    if (!m_store || m_path != path || m_store->filesReplaced()) {  // replaced: see filesReplaced()
      m_store.reset();
      auto opened = store::RunStore::open(path.toStdString(), store::RunStore::Mode::ReadOnly);
      if (!opened) {
        snapshot.error = QString::fromStdString(opened.error().message);
        return snapshot;
      }
      m_store = std::move(*opened);
      m_path = path;
    }
    snapshot = readCompressSnapshot(*m_store);
    if (!snapshot.error.isEmpty()) m_store.reset();  // reopened next time: the file may have been replaced
    return snapshot;
  }

  std::shared_ptr<std::atomic<quint64>> m_latest;
  std::unique_ptr<store::RunStore> m_store;
  QString m_path;
};

CompressLoader::CompressLoader(QObject* parent) : QObject(parent), m_latest(std::make_shared<std::atomic<quint64>>(0)) {
  registerCompressTypes();
  m_worker = new CompressWorker(m_latest);
  m_thread.setObjectName(QStringLiteral("vimoe-compress-reader"));
  m_worker->moveToThread(&m_thread);
  connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
  connect(m_worker, &CompressWorker::answered, this, [this](quint64 generation, const CompressSnapshot& snapshot) {
    --m_pending;
    if (generation != m_latest->load()) return;  // a newer request is on its way
    Q_EMIT loaded(snapshot);
  });
  m_thread.start();
}

CompressLoader::~CompressLoader() {
  QMetaObject::invokeMethod(m_worker, &CompressWorker::close, Qt::BlockingQueuedConnection);
  m_thread.quit();
  m_thread.wait();
}

void CompressLoader::setStorePath(const QString& path) {
  m_storePath = path;
}

void CompressLoader::request() {
  const quint64 generation = ++m_generation;
  m_latest->store(generation);
  ++m_pending;
  QMetaObject::invokeMethod(
      m_worker, [worker = m_worker, path = m_storePath, generation] { worker->read(path, generation); },
      Qt::QueuedConnection);
}

}  // namespace vimoe::widgets

#include "compress_loader.moc"
