#include "robust/attack_loader.h"

#include <QFileInfo>

#include <exception>
#include <map>

#include "vimoe/store/run_store.h"

namespace vimoe::widgets {

AttackSnapshot readAttackSnapshot(const store::RunStore& store) {
  AttackSnapshot snapshot;
  auto runs = store.listRuns();
  if (!runs) {
    snapshot.error = QString::fromStdString(runs.error().message);
    return snapshot;
  }
  std::map<std::int64_t, std::string> names;
  for (const auto& run : *runs) names[run.id] = run.name;
  for (const auto& run : *runs) {
    if (run.kind != "attack") continue;
    auto evals = store.evals(run.id);
    auto layers = store.moeLayers(run.id);
    if (!evals || !layers) {
      snapshot.error = QString::fromStdString((!evals ? evals.error() : layers.error()).message);
      return snapshot;
    }
    AttackRun attack = attackRunFromStore(run, *evals, *layers);
    if (run.parentRunId) {
      const auto it = names.find(*run.parentRunId);
      attack.parentName = it != names.end() ? QString::fromStdString(it->second) : QString();
    }
    if (attack.parentName.isEmpty()) {
      // "attack pgd of <run name>": the attacked run may have been deleted since.
      const int of = static_cast<int>(attack.name.indexOf(QStringLiteral(" of ")));
      if (of >= 0) attack.parentName = attack.name.mid(of + 4);
    }
    loadAttackReport(attack);
    snapshot.runs << attack;
  }
  return snapshot;
}

class AttackWorker : public QObject {
  Q_OBJECT

 public:
  explicit AttackWorker(std::shared_ptr<std::atomic<quint64>> latest) : m_latest(std::move(latest)) {}

  void read(const QString& path, quint64 generation) {
    if (generation != m_latest->load()) return Q_EMIT answered(generation, {});
    AttackSnapshot snapshot;
    try {
      snapshot = readNow(path);
    } catch (const std::exception& e) {
      m_store.reset();
      snapshot.error = tr("Reading attack runs failed: %1").arg(QString::fromUtf8(e.what()));
    }
    Q_EMIT answered(generation, snapshot);
  }

  void close() { m_store.reset(); }

 Q_SIGNALS:
  void answered(quint64 generation, const vimoe::widgets::AttackSnapshot& snapshot);

 private:
  AttackSnapshot readNow(const QString& path) {
    AttackSnapshot snapshot;
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
    snapshot = readAttackSnapshot(*m_store);
    if (!snapshot.error.isEmpty()) m_store.reset();  // reopened next time: the file may have been replaced
    return snapshot;
  }

  std::shared_ptr<std::atomic<quint64>> m_latest;
  std::unique_ptr<store::RunStore> m_store;
  QString m_path;
};

AttackLoader::AttackLoader(QObject* parent) : QObject(parent), m_latest(std::make_shared<std::atomic<quint64>>(0)) {
  registerAttackTypes();
  m_worker = new AttackWorker(m_latest);
  m_thread.setObjectName(QStringLiteral("vimoe-attack-reader"));
  m_worker->moveToThread(&m_thread);
  connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
  connect(m_worker, &AttackWorker::answered, this, [this](quint64 generation, const AttackSnapshot& snapshot) {
    --m_pending;
    if (generation != m_latest->load()) return;  // a newer request is on its way
    Q_EMIT loaded(snapshot);
  });
  m_thread.start();
}

AttackLoader::~AttackLoader() {
  QMetaObject::invokeMethod(m_worker, &AttackWorker::close, Qt::BlockingQueuedConnection);
  m_thread.quit();
  m_thread.wait();
}

void AttackLoader::setStorePath(const QString& path) {
  m_storePath = path;
}

void AttackLoader::request() {
  const quint64 generation = ++m_generation;
  m_latest->store(generation);
  ++m_pending;
  QMetaObject::invokeMethod(
      m_worker, [worker = m_worker, path = m_storePath, generation] { worker->read(path, generation); },
      Qt::QueuedConnection);
}

}  // namespace vimoe::widgets

#include "attack_loader.moc"
