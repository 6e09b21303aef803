#include "data/thumbnail_loader.h"

#include <QImageReader>
#include <QMetaObject>
#include <QMutexLocker>
#include <QPainter>

namespace vimoe::widgets {

ThumbnailLoader::ThumbnailLoader(int side, QObject* parent) : QObject(parent), m_side(side) {
  m_cache.setMaxCost(kCacheEntries);
  // Two decoders keep a 2-core machine's GUI thread free; more only help on bigger machines.
  setWorkerCount(2);
}

ThumbnailLoader::~ThumbnailLoader() {
  {
    QMutexLocker lock(&m_queueMutex);
    m_queue.clear();
  }
  m_pool.waitForDone();  // workers post back to `this`: they must be gone first
}

void ThumbnailLoader::setWorkerCount(int threads) { m_pool.setMaxThreadCount(qMax(1, threads)); }

void ThumbnailLoader::clear() {
  {
    QMutexLocker lock(&m_queueMutex);
    m_queue.clear();
  }
  m_pending.clear();
  m_cache.clear();
}

QImage ThumbnailLoader::decodeScaled(const QString& path, int side) {
  QImageReader reader(path);
  reader.setAutoTransform(true);
  const QSize full = reader.size();
  // Scaling inside the reader lets JPEG decode at a fraction of full size: far less work
  // than decoding a 640 px photo and shrinking it afterwards.
  // Never enlarged here: callers that show small images big (64 px synthetic images) scale
  // them up with crisp pixels themselves.
  if (full.isValid() && (full.width() > side || full.height() > side))
    reader.setScaledSize(full.scaled(side, side, Qt::KeepAspectRatio));
  QImage image = reader.read();
  if (!image.isNull() && (image.width() > side || image.height() > side))
    image = image.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
  return image;
}

QImage ThumbnailLoader::decodeForDisplay(const QString& path, int side) {
  QImage image = decodeScaled(path, side);
  if (!image.isNull() && image.width() < side && image.height() < side)
    image = image.scaled(side, side, Qt::KeepAspectRatio, Qt::FastTransformation);
  return image;
}

QPixmap ThumbnailLoader::thumbnail(const QString& path) {
  if (QPixmap* cached = m_cache.object(path)) return *cached;
  if (m_pending.contains(path)) return {};
  m_pending.insert(path);
  {
    QMutexLocker lock(&m_queueMutex);
    m_queue.push_back(path);
    while (static_cast<int>(m_queue.size()) > kMaxQueued) {
      // Dropped without decoding; the grid asks again if the row is painted again.
      m_pending.remove(m_queue.front());  // GUI thread, like every use of m_pending
      m_queue.pop_front();
    }
  }
  m_pool.start([this] { decodeNewest(); });
  return {};
}

void ThumbnailLoader::decodeNewest() {
  QString path;
  {
    QMutexLocker lock(&m_queueMutex);
    if (m_queue.empty()) return;  // more runnables than requests after drops
    path = m_queue.back();
    m_queue.pop_back();
  }
  const QImage image = decodeScaled(path, m_side);
  QMetaObject::invokeMethod(this, [this, path, image] { deliver(path, image); }, Qt::QueuedConnection);
}

void ThumbnailLoader::deliver(const QString& path, const QImage& image) {
  m_pending.remove(path);
  ++m_decoded;
  m_cache.insert(path, new QPixmap(image.isNull() ? brokenPixmap() : QPixmap::fromImage(image)));
  Q_EMIT thumbnailReady(path);
}

QPixmap ThumbnailLoader::brokenPixmap() const {
  QPixmap pixmap(m_side, m_side);
  pixmap.fill(QColor(120, 120, 120));
  QPainter painter(&pixmap);
  painter.setPen(QPen(QColor(220, 60, 60), 3));
  painter.drawLine(8, 8, m_side - 8, m_side - 8);
  painter.drawLine(m_side - 8, 8, 8, m_side - 8);
  return pixmap;
}

}  // namespace vimoe::widgets
