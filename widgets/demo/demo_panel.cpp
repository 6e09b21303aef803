#include "demo/demo_panel.h"

#include <QFileInfo>
#include <QFontMetrics>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "bridge/cli_job.h"
#include "data/thumbnail_loader.h"
#include "demo/demo_routing.h"
#include "demo/demo_routing_view.h"
#include "demo/image_drop_area.h"
#include "common/file_dialogs.h"

namespace vimoe::widgets {
namespace {

constexpr int kResultSide = 96;

QLabel* resultLabel() {
  auto* label = new QLabel(QStringLiteral("\u2014"));
  label->setWordWrap(true);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  QFont font = label->font();
  font.setPointSizeF(font.pointSizeF() * 1.3);
  label->setFont(font);
  // A word-wrapped label in a row layout is given one line's height: reserve two, so a long
  // caption wraps instead of being cut.
  label->setMinimumHeight(2 * QFontMetrics(font).lineSpacing() + 4);
  return label;
}

QString taskName(DemoPanel::Task task) {
  switch (task) {
    case DemoPanel::Task::Caption: return DemoPanel::tr("Captioning");
    case DemoPanel::Task::Ask: return DemoPanel::tr("Answering");
    case DemoPanel::Task::Retrieve: return DemoPanel::tr("Searching");
    case DemoPanel::Task::None: break;
  }
  return {};
}

}  // namespace

DemoPanel::DemoPanel(QWidget* parent)
    : QWidget(parent), m_job(new CliJob(this)), m_thumbnails(new ThumbnailLoader(kResultSide, this)) {
  buildUi();
  connect(m_job, &CliJob::finished, this, &DemoPanel::onFinished);
  connect(m_thumbnails, &ThumbnailLoader::thumbnailReady, this, [this](const QString& path) {
    for (int i = 0; i < m_results->count(); ++i)
      if (m_results->item(i)->data(Qt::UserRole).toString() == path) m_results->item(i)->setIcon(m_thumbnails->thumbnail(path));
  });
  clearProject();
}

void DemoPanel::buildUi() {
  m_image = new ImageDropArea;
  m_chooseButton = new QPushButton(tr("Choose image\u2026"));
  auto* imageColumn = new QVBoxLayout;
  imageColumn->addWidget(m_image);
  imageColumn->addWidget(m_chooseButton);
  m_routing = new DemoRoutingView;
  m_routing->setFixedWidth(ImageDropArea::kSide);
  imageColumn->addWidget(m_routing, 1);

  m_captionButton = new QPushButton(tr("Caption"));
  m_captionButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
  m_caption = resultLabel();
  auto* captionBox = new QGroupBox(tr("Caption (Vietnamese)"));
  auto* captionLayout = new QHBoxLayout(captionBox);
  captionLayout->addWidget(m_caption, 1);
  captionLayout->addWidget(m_captionButton);

  m_question = new QLineEdit;
  m_question->setPlaceholderText(tr("Hỏi về ảnh, ví dụ: Hình trong ảnh màu gì?"));
  m_askButton = new QPushButton(tr("Ask"));
  m_answer = resultLabel();
  auto* askBox = new QGroupBox(tr("Visual question answering"));
  auto* askLayout = new QGridLayout(askBox);
  askLayout->addWidget(m_question, 0, 0);
  askLayout->addWidget(m_askButton, 0, 1);
  askLayout->addWidget(m_answer, 1, 0, 1, 2);

  m_query = new QLineEdit;
  m_query->setPlaceholderText(tr("Tìm ảnh, ví dụ: hình tròn màu đỏ"));
  m_searchButton = new QPushButton(tr("Search"));
  m_results = new QListWidget;
  m_results->setViewMode(QListView::IconMode);
  m_results->setIconSize(QSize(kResultSide, kResultSide));
  m_results->setGridSize(QSize(kResultSide + 60, kResultSide + 44));
  m_results->setWordWrap(true);
  m_results->setMovement(QListView::Static);
  m_results->setResizeMode(QListView::Adjust);
  auto* retrieveBox = new QGroupBox(tr("Text-to-image retrieval"));
  auto* retrieveLayout = new QGridLayout(retrieveBox);
  retrieveLayout->addWidget(m_query, 0, 0);
  retrieveLayout->addWidget(m_searchButton, 0, 1);
  retrieveLayout->addWidget(m_results, 1, 0, 1, 2);
  m_queryRouting = new DemoRoutingView;
  m_queryRouting->clear(tr("The query's routing through the text tower appears here (MoE models)."));
  m_queryRouting->setMaximumHeight(110);
  retrieveLayout->addWidget(m_queryRouting, 2, 0, 1, 2);

  m_busy = new QProgressBar;
  m_busy->setRange(0, 0);
  m_busy->setMaximumWidth(160);
  m_busy->hide();
  m_cancelButton = new QPushButton(tr("Cancel"));
  m_cancelButton->hide();
  m_status = new QLabel;
  m_status->setWordWrap(true);
  auto* statusRow = new QHBoxLayout;
  statusRow->addWidget(m_status, 1);
  statusRow->addWidget(m_busy);
  statusRow->addWidget(m_cancelButton);

  auto* tasks = new QVBoxLayout;
  tasks->addWidget(captionBox);
  tasks->addWidget(askBox);
  tasks->addWidget(retrieveBox, 1);
  auto* columns = new QHBoxLayout;
  columns->addLayout(imageColumn);
  columns->addLayout(tasks, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(columns, 1);
  layout->addLayout(statusRow);

  connect(m_chooseButton, &QPushButton::clicked, this, &DemoPanel::chooseImage);
  connect(m_image, &ImageDropArea::imageChosen, this, [this] {
    m_caption->setText(QStringLiteral("\u2014"));
    m_answer->setText(QStringLiteral("\u2014"));
    m_answerValue.clear();
    updateButtons();
  });
  connect(m_captionButton, &QPushButton::clicked, this, [this] { caption(); });
  connect(m_askButton, &QPushButton::clicked, this, [this] { ask(m_question->text()); });
  connect(m_question, &QLineEdit::returnPressed, this, [this] { ask(m_question->text()); });
  connect(m_searchButton, &QPushButton::clicked, this, [this] { retrieve(m_query->text()); });
  connect(m_query, &QLineEdit::returnPressed, this, [this] { retrieve(m_query->text()); });
  connect(m_cancelButton, &QPushButton::clicked, this, &DemoPanel::cancel);
  connect(m_results, &QListWidget::itemDoubleClicked, this,
          [this](QListWidgetItem* item) { setImage(item->data(Qt::UserRole).toString()); });
}

void DemoPanel::setProject(const QString& projectDir) {
  m_projectDir = projectDir;
  m_status->setText(tr("Models: the newest finished caption, VQA and contrastive runs of this project."));
  updateButtons();
}

void DemoPanel::clearProject() {
  cancel();
  m_projectDir.clear();
  m_status->setText(tr("No project open \u2014 File > Open Project\u2026"));
  updateButtons();
}

void DemoPanel::setImage(const QString& path) { m_image->setImagePath(path); }
QString DemoPanel::imagePath() const { return m_image->imagePath(); }

void DemoPanel::chooseImage() {
  const QString path = chooseOpenFile(this, tr("Choose an image"), m_projectDir,
                                                    tr("Images (*.png *.jpg *.jpeg *.bmp *.webp)"));
  if (!path.isEmpty()) setImage(path);
}

bool DemoPanel::caption() {
  if (imagePath().isEmpty()) return false;
  return startJob(Task::Caption, {QStringLiteral("caption"), imagePath(), QStringLiteral("--checkpoint"), m_projectDir,
                                  QStringLiteral("--json")});
}

bool DemoPanel::ask(const QString& question) {
  if (imagePath().isEmpty() || question.trimmed().isEmpty()) return false;
  m_question->setText(question);
  return startJob(Task::Ask, {QStringLiteral("ask"), imagePath(), question.trimmed(), QStringLiteral("--checkpoint"),
                              m_projectDir, QStringLiteral("--top"), QStringLiteral("3"), QStringLiteral("--json")});
}

bool DemoPanel::retrieve(const QString& query) {
  if (query.trimmed().isEmpty()) return false;
  m_query->setText(query);
  return startJob(Task::Retrieve, {QStringLiteral("retrieve"), query.trimmed(), QStringLiteral("--checkpoint"),
                                   m_projectDir, QStringLiteral("--top"), QStringLiteral("8"), QStringLiteral("--json"),
                                   QStringLiteral("--routing")});
}

bool DemoPanel::startJob(Task task, const QStringList& arguments) {
  if (m_projectDir.isEmpty() || m_job->isRunning()) return false;
  m_running = task;
  m_lastError.clear();
  m_job->start(m_cliPath, arguments, m_projectDir);
  m_status->setText(tr("%1\u2026").arg(taskName(task)));
  m_busy->show();
  m_cancelButton->show();
  updateButtons();
  return true;
}

void DemoPanel::cancel() { m_job->cancel(); }
bool DemoPanel::isBusy() const { return m_job->isRunning(); }

void DemoPanel::onFinished(bool ok, const QByteArray& output, const QString& message) {
  const Task task = m_running;
  m_running = Task::None;
  m_busy->hide();
  m_cancelButton->hide();
  updateButtons();
  if (!ok) {
    m_lastError = message;
    m_status->setText(tr("%1 failed: %2").arg(taskName(task), message));
    Q_EMIT failed(task, message);
    return;
  }
  if (task == Task::Caption) showCaption(output);
  if (task == Task::Ask) showAnswer(output);
  if (task == Task::Retrieve) showRetrieved(output);
  m_status->setText(tr("%1 took %2 s (model load included).").arg(taskName(task)).arg(m_job->lastElapsedMs() / 1000.0, 0, 'f', 1));
  Q_EMIT answered(task);
}

void DemoPanel::showCaption(const QByteArray& output) {
  const QJsonArray rows = QJsonDocument::fromJson(output).array();
  m_caption->setText(rows.isEmpty() ? tr("(no caption)") : rows.first().toObject().value(QStringLiteral("caption")).toString());
  m_routing->setRouting(
      parseDemoRouting(rows.isEmpty() ? QJsonObject() : rows.first().toObject().value(QStringLiteral("routing")).toObject()),
      m_image->image());
}

void DemoPanel::showAnswer(const QByteArray& output) {
  const QJsonObject reply = QJsonDocument::fromJson(output).object();
  m_candidates.clear();
  QStringList shown;
  for (const QJsonValue& c : reply.value(QStringLiteral("candidates")).toArray()) {
    const QJsonObject candidate = c.toObject();
    m_candidates << candidate.value(QStringLiteral("answer")).toString();
    shown << QStringLiteral("%1 (%2%)").arg(m_candidates.last()).arg(candidate.value(QStringLiteral("probability")).toDouble() * 100, 0, 'f', 1);
  }
  m_routing->setRouting(parseDemoRouting(reply.value(QStringLiteral("routing")).toObject()), m_image->image());
  const QString answer = reply.value(QStringLiteral("answer")).toString();
  m_answerValue = answer;
  m_answer->setText(shown.size() > 1 ? QStringLiteral("<b>%1</b><br><small>%2</small>").arg(answer.toHtmlEscaped(), shown.join(QStringLiteral(" \u00b7 ")).toHtmlEscaped())
                                     : QStringLiteral("<b>%1</b>").arg(answer.toHtmlEscaped()));
}

void DemoPanel::showRetrieved(const QByteArray& output) {
  m_results->clear();
  m_retrieved.clear();
  const QJsonObject reply = QJsonDocument::fromJson(output).object();
  m_queryRouting->setRouting(parseDemoRouting(reply.value(QStringLiteral("routing")).toObject()), QImage());
  for (const QJsonValue& v : reply.value(QStringLiteral("results")).toArray()) {
    const QJsonObject row = v.toObject();
    const QString path = row.value(QStringLiteral("image")).toString();
    m_retrieved << path;
    auto* item = new QListWidgetItem(QStringLiteral("%1. %2").arg(row.value(QStringLiteral("rank")).toInt()).arg(row.value(QStringLiteral("similarity")).toDouble(), 0, 'f', 3));
    item->setData(Qt::UserRole, path);
    item->setToolTip(row.value(QStringLiteral("caption")).toString() + QStringLiteral("\n") + path + tr("\n(double-click: use as the demo image)"));
    const QPixmap thumbnail = m_thumbnails->thumbnail(path);
    if (!thumbnail.isNull()) item->setIcon(thumbnail);
    m_results->addItem(item);
  }
}

QString DemoPanel::captionText() const { return m_caption->text(); }
QString DemoPanel::answerText() const { return m_answerValue; }
QString DemoPanel::statusText() const { return m_status->text(); }

void DemoPanel::updateButtons() {
  const bool ready = !m_projectDir.isEmpty() && !m_job->isRunning();
  const bool haveImage = !imagePath().isEmpty();
  m_captionButton->setEnabled(ready && haveImage);
  m_askButton->setEnabled(ready && haveImage);
  m_searchButton->setEnabled(ready);
  m_chooseButton->setEnabled(!m_projectDir.isEmpty());
}

}  // namespace vimoe::widgets
