#include "demo/image_drop_area.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QtConcurrent/QtConcurrentRun>

#include "data/thumbnail_loader.h"

namespace vimoe::widgets {

ImageDropArea::ImageDropArea(QWidget* parent) : QLabel(parent) {
  setAcceptDrops(true);
  setFixedSize(kSide, kSide);
  setAlignment(Qt::AlignCenter);
  setFrameShape(QFrame::StyledPanel);
  setWordWrap(true);
  setText(tr("Drop an image here\nor choose one"));
  connect(&m_decode, &QFutureWatcher<QImage>::finished, this, [this] {
    const QImage image = m_decode.result();
    m_image = image;
    if (image.isNull()) {
      setPixmap({});
      setText(tr("Cannot decode\n%1").arg(m_path));
    } else {
      setPixmap(QPixmap::fromImage(image));
    }
  });
}

ImageDropArea::~ImageDropArea() { m_decode.waitForFinished(); }

void ImageDropArea::setImagePath(const QString& path) {
  m_path = path;
  m_image = QImage();
  setPixmap({});
  setText(tr("Loading\u2026"));
  m_decode.setFuture(QtConcurrent::run([path] { return ThumbnailLoader::decodeForDisplay(path, kSide); }));
  Q_EMIT imageChosen(path);
}

void ImageDropArea::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls() && event->mimeData()->urls().first().isLocalFile()) event->acceptProposedAction();
}

void ImageDropArea::dropEvent(QDropEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (urls.isEmpty() || !urls.first().isLocalFile()) return;
  setImagePath(urls.first().toLocalFile());
  event->acceptProposedAction();
}

}  // namespace vimoe::widgets
