// ThumbnailLoader: decodes images at thumbnail size on worker threads, newest request first,
// and caches the results. The grid asks for the thumbnails of the rows it paints; while the
// user scrolls through 100,000 samples the queue keeps only the most recent requests (rows
// scrolled past are dropped, and asked for again if they come back into view), so decoding
// never lags behind the viewport and the GUI thread never decodes.
#pragma once

#include <QCache>
#include <QImage>
#include <QMutex>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QString>
#include <QThreadPool>

#include <deque>

namespace vimoe::widgets {

class ThumbnailLoader : public QObject {
  Q_OBJECT

 public:
  static constexpr int kMaxQueued = 256;  // about four screens of a dense grid
  static constexpr int kCacheEntries = 4000;

  explicit ThumbnailLoader(int side, QObject* parent = nullptr);
  ~ThumbnailLoader() override;

  // The cached thumbnail, or a null pixmap after queueing a decode (thumbnailReady follows).
  // A file that does not decode gives the "broken" pixmap, once, and is not retried.
  QPixmap thumbnail(const QString& path);
  bool isCached(const QString& path) const { return m_cache.contains(path); }
  int side() const { return m_side; }
  void setWorkerCount(int threads);
  // Forgets queued requests and cached thumbnails (a new dataset).
  void clear();
  // Images decoded so far (for benchmarks and tests).
  int decodedCount() const { return m_decoded; }

  // Decodes `path` shrunk to fit side x side (never enlarged); null on failure. Thread-safe.
  static QImage decodeScaled(const QString& path, int side);
  // decodeScaled, then small images (the synthetic set is 64 px) enlarged to fit side x side
  // with crisp pixels, so the patch grid a model sees stays visible. Thread-safe.
  static QImage decodeForDisplay(const QString& path, int side);

 Q_SIGNALS:
  void thumbnailReady(const QString& path);

 private:
  void decodeNewest();
  void deliver(const QString& path, const QImage& image);
  QPixmap brokenPixmap() const;

  int m_side;
  QThreadPool m_pool;
  QMutex m_queueMutex;
  std::deque<QString> m_queue;  // guarded by m_queueMutex; newest at the back
  QSet<QString> m_pending;      // GUI thread only: queued or being decoded
  QCache<QString, QPixmap> m_cache;
  int m_decoded = 0;
};

}  // namespace vimoe::widgets
