#include "data/sample_detail_view.h"

#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "data/thumbnail_loader.h"

namespace vimoe::widgets {
namespace {

QString esc(const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); }

}  // namespace

QString sampleDetailHtml(const BrowserSample& sample) {
  QString html;
  if (!sample.captions.empty()) {
    html += QStringLiteral("<h4>%1</h4><ol>").arg(SampleDetailView::tr("Captions (%1)").arg(sample.captions.size()));
    for (const auto& caption : sample.captions) html += QStringLiteral("<li>%1</li>").arg(esc(caption));
    html += QStringLiteral("</ol>");
  }
  if (!sample.qa.empty()) {
    html += QStringLiteral("<h4>%1</h4><table cellspacing='0' cellpadding='3'>")
                .arg(SampleDetailView::tr("Questions (%1)").arg(sample.qa.size()));
    for (const auto& qa : sample.qa) {
      QStringList answers;
      for (const auto& a : qa.answers) answers << esc(a);
      const QString type = qa.type.empty() ? QString() : QStringLiteral(" <i>[%1]</i>").arg(esc(qa.type));
      const QString placeholder = qa.placeholder ? SampleDetailView::tr(" (placeholder answer, never scored)") : QString();
      html += QStringLiteral("<tr><td><b>%1</b>%2<br>&rarr; %3%4</td></tr>")
                  .arg(esc(qa.question), type, answers.join(QStringLiteral(" | ")), placeholder);
    }
    html += QStringLiteral("</table>");
  }
  html += QStringLiteral("<h4>%1</h4><p style='color:gray'>").arg(SampleDetailView::tr("Source"));
  for (const auto& source : sample.sources) html += esc(source) + QStringLiteral("<br>");
  html += esc(sample.imagePath) + QStringLiteral("</p>");
  return html;
}

SampleDetailView::SampleDetailView(QWidget* parent) : QWidget(parent) {
  m_image = new QLabel;
  m_image->setFixedSize(kImageSide, kImageSide);
  m_image->setAlignment(Qt::AlignCenter);
  m_image->setFrameShape(QFrame::StyledPanel);
  m_title = new QLabel;
  m_title->setWordWrap(true);
  m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_text = new QTextBrowser;
  m_text->setOpenLinks(false);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(m_image, 0, Qt::AlignHCenter);
  layout->addWidget(m_title);
  layout->addWidget(m_text, 1);
  connect(&m_decode, &QFutureWatcher<QImage>::finished, this, &SampleDetailView::onImageDecoded);
  clear();
}

SampleDetailView::~SampleDetailView() { m_decode.waitForFinished(); }

void SampleDetailView::clear() {
  m_path.clear();
  m_image->setPixmap({});
  m_image->setText(tr("Select an image"));
  m_title->clear();
  m_text->clear();
}

void SampleDetailView::showSample(const BrowserSample& sample) {
  m_path = QString::fromStdString(sample.imagePath);
  QStringList tags;
  if (!sample.split.empty()) tags << QString::fromStdString(sample.split);
  if (!sample.domain.empty()) tags << QString::fromStdString(sample.domain);
  m_title->setText(QStringLiteral("<b>%1</b> %2").arg(QString::fromStdString(sample.imageId).toHtmlEscaped(),
                                                        tags.isEmpty() ? QString() : QStringLiteral("\u00b7 ") + tags.join(QStringLiteral(" \u00b7 "))));
  m_text->setHtml(sampleDetailHtml(sample));
  m_image->setPixmap({});
  m_image->setText(tr("Loading\u2026"));
  const QString path = m_path;
  m_decode.setFuture(QtConcurrent::run([path] { return ThumbnailLoader::decodeForDisplay(path, kImageSide); }));
}

void SampleDetailView::onImageDecoded() {
  const QImage image = m_decode.result();
  // A decode for an earlier selection may finish after a newer one began: setFuture replaced
  // it, so the result here is always the latest request's.
  if (image.isNull()) {
    m_image->setText(tr("Cannot decode\n%1").arg(m_path));
    return;
  }
  m_image->setPixmap(QPixmap::fromImage(image));
  Q_EMIT imageShown(m_path);
}

bool SampleDetailView::hasImage() const { return !m_image->pixmap().isNull(); }

QString SampleDetailView::text() const { return m_text->toPlainText(); }

}  // namespace vimoe::widgets
