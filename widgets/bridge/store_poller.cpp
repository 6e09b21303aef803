#include "bridge/store_poller.h"

#include "bridge/store_reader.h"

namespace vimoe::widgets {

StorePoller::StorePoller(QObject* parent, int intervalMs)
    : QObject(parent), m_reader(new StoreReader(intervalMs)) {
  registerStoreTypes();
  m_thread.setObjectName(QStringLiteral("vimoe-store-reader"));
  m_reader->moveToThread(&m_thread);
  connect(&m_thread, &QThread::started, m_reader, &StoreReader::start);
  connect(&m_thread, &QThread::finished, m_reader, &QObject::deleteLater);

  connect(m_reader, &StoreReader::storeMissing, this, &StorePoller::storeMissing);
  connect(m_reader, &StoreReader::storeOpened, this, &StorePoller::storeOpened);
  connect(m_reader, &StoreReader::storeFailed, this, &StorePoller::storeFailed);
  connect(m_reader, &StoreReader::runsChanged, this, &StorePoller::runsChanged);
  connect(m_reader, &StoreReader::jobsChanged, this, &StorePoller::jobsChanged);
  connect(m_reader, &StoreReader::storeNotice, this, &StorePoller::storeNotice);
  connect(m_reader, &StoreReader::curveUpdated, this, &StorePoller::curveUpdated);
  connect(m_reader, &StoreReader::expertLoadChanged, this, &StorePoller::expertLoadChanged);
  m_thread.start();
}

StorePoller::~StorePoller() {
  // Stop the timer and close the connection on the reader's own thread, then let the thread
  // end; `finished` deletes the reader there.
  QMetaObject::invokeMethod(m_reader, &StoreReader::stop, Qt::BlockingQueuedConnection);
  m_thread.quit();
  m_thread.wait();
}

// Calls cross to the reader's thread as queued calls, in the order they were made.
void StorePoller::setStorePath(const QString& path) {
  QMetaObject::invokeMethod(m_reader, [reader = m_reader, path] { reader->setStorePath(path); }, Qt::QueuedConnection);
}

void StorePoller::setWatchedCurves(const QVector<CurveKey>& keys) {
  QMetaObject::invokeMethod(m_reader, [reader = m_reader, keys] { reader->setWatchedCurves(keys); },
                            Qt::QueuedConnection);
}

void StorePoller::setExpertRun(qint64 runId) {
  QMetaObject::invokeMethod(m_reader, [reader = m_reader, runId] { reader->setExpertRun(runId); },
                            Qt::QueuedConnection);
}

void StorePoller::pollNow() {
  QMetaObject::invokeMethod(m_reader, &StoreReader::poll, Qt::QueuedConnection);
}

}  // namespace vimoe::widgets
