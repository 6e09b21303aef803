// ImageDropArea: the demo's input image — dropped from a file manager or picked with a
// dialog — shown enlarged with crisp pixels (decoded off the GUI thread).
#pragma once

#include <QFutureWatcher>
#include <QImage>
#include <QLabel>
#include <QString>

namespace vimoe::widgets {

class ImageDropArea : public QLabel {
  Q_OBJECT

 public:
  static constexpr int kSide = 224;

  explicit ImageDropArea(QWidget* parent = nullptr);
  ~ImageDropArea() override;

  void setImagePath(const QString& path);
  QString imagePath() const { return m_path; }
  QImage image() const { return m_image; }  // as decoded for display; null until then

 Q_SIGNALS:
  void imageChosen(const QString& path);

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  QString m_path;
  QImage m_image;
  QFutureWatcher<QImage> m_decode;
};

}  // namespace vimoe::widgets
