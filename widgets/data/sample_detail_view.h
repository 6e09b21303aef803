// SampleDetailView: the selected image at a readable size (decoded on a worker thread, like
// the thumbnails) beside its captions, its questions with their answers and types, and the
// annotation records it came from.
#pragma once

#include <QFutureWatcher>
#include <QImage>
#include <QString>
#include <QWidget>

#include "data/browser_samples.h"

class QLabel;
class QTextBrowser;

namespace vimoe::widgets {

class SampleDetailView : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kImageSide = 256;

  explicit SampleDetailView(QWidget* parent = nullptr);
  ~SampleDetailView() override;

  void showSample(const BrowserSample& sample);
  void clear();
  // The text panel as plain text (tests; copy to the clipboard).
  QString text() const;
  QString imagePath() const { return m_path; }
  bool hasImage() const;

 Q_SIGNALS:
  void imageShown(const QString& path);

 private:
  void onImageDecoded();

  QLabel* m_image;
  QLabel* m_title;
  QTextBrowser* m_text;
  QString m_path;
  QFutureWatcher<QImage> m_decode;
};

// The HTML the text panel shows (exposed for tests).
QString sampleDetailHtml(const BrowserSample& sample);

}  // namespace vimoe::widgets
