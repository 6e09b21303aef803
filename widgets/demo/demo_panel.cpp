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

#include <QComboBox>
#include <QFormLayout>

#include <algorithm>

#include "bridge/model_server.h"
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

// What each task asks of its model: the run kind, and the metric its runs are ranked by.
struct TaskModel {
  const char* kind;
  const char* metric;
  const char* metricName;
};

TaskModel taskModel(DemoPanel::Task task) {
  switch (task) {
    case DemoPanel::Task::Caption: return {"caption", "eval/caption/cider_d", "CIDEr-D"};
    case DemoPanel::Task::Ask: return {"vqa", "eval/vqa/exact_match", "exact match"};
    default: return {"contrastive", "val/r1_i2t", "R@1 i\u2192t"};
  }
}

int chooserIndex(DemoPanel::Task task) { return task == DemoPanel::Task::Caption ? 0 : task == DemoPanel::Task::Ask ? 1 : 2; }

constexpr DemoPanel::Task kTasks[] = {DemoPanel::Task::Caption, DemoPanel::Task::Ask, DemoPanel::Task::Retrieve};

// A smoke run (a study's --smoke, seconds of training) answers nonsense: listed last.
bool isSmoke(const RunSummary& run) {
  return run.tags.split(QLatin1Char(',')).contains(QStringLiteral("smoke")) || run.checkpointDir.contains(QStringLiteral("/smoke/"));
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
    : QWidget(parent), m_thumbnails(new ThumbnailLoader(kResultSide, this)) {
  buildUi();
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

  auto* modelsBox = new QGroupBox(tr("Models"));
  auto* models = new QFormLayout(modelsBox);
  const QString modelLabels[] = {tr("Captioning:"), tr("VQA:"), tr("Retrieval:")};
  for (int i = 0; i < 3; ++i) {
    m_modelBoxes[i] = new QComboBox;
    m_modelBoxes[i]->setObjectName(QStringLiteral("modelBox%1").arg(i));
    m_modelBoxes[i]->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_modelBoxes[i]->setMinimumContentsLength(24);
    m_modelBoxes[i]->setToolTip(tr("The finished run that answers; the best by the task's metric comes first, smoke runs last."));
    models->addRow(modelLabels[i], m_modelBoxes[i]);
  }
  const auto modelNote = [] {
    auto* label = new QLabel;
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
  };
  m_captionModel = modelNote();
  m_answerModel = modelNote();
  m_retrieveModel = modelNote();

  m_captionButton = new QPushButton(tr("Caption"));
  m_captionButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
  m_caption = resultLabel();
  auto* captionBox = new QGroupBox(tr("Caption (Vietnamese)"));
  auto* captionLayout = new QGridLayout(captionBox);
  captionLayout->addWidget(m_caption, 0, 0);
  captionLayout->addWidget(m_captionButton, 0, 1);
  captionLayout->addWidget(m_captionModel, 1, 0, 1, 2);
  captionLayout->setColumnStretch(0, 1);

  m_question = new QLineEdit;
  m_question->setPlaceholderText(tr("Hỏi về ảnh, ví dụ: Hình trong ảnh màu gì?"));
  m_askButton = new QPushButton(tr("Ask"));
  m_answer = resultLabel();
  auto* askBox = new QGroupBox(tr("Visual question answering"));
  auto* askLayout = new QGridLayout(askBox);
  askLayout->addWidget(m_question, 0, 0);
  askLayout->addWidget(m_askButton, 0, 1);
  askLayout->addWidget(m_answer, 1, 0, 1, 2);
  askLayout->addWidget(m_answerModel, 2, 0, 1, 2);

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
  retrieveLayout->addWidget(m_retrieveModel, 3, 0, 1, 2);

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
  tasks->addWidget(modelsBox);
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
  stopServers();
  m_projectDir = projectDir;
  m_status->setText(tr("Choose the models above; each is loaded once and then answers at once."));
  updateButtons();
}

void DemoPanel::clearProject() {
  cancel();
  stopServers();
  m_runs.clear();
  for (const Task task : kTasks) fillChooser(task);
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

void DemoPanel::setRuns(const QVector<RunSummary>& runs) {
  m_runs = runs;
  for (const Task task : kTasks) fillChooser(task);
}

void DemoPanel::fillChooser(Task task) {
  QComboBox* box = m_modelBoxes[chooserIndex(task)];
  const TaskModel model = taskModel(task);
  QVector<const RunSummary*> candidates;
  for (const auto& run : m_runs)
    if (run.kind == QLatin1String(model.kind) && run.status == QLatin1String("finished") && !run.checkpointDir.isEmpty())
      candidates << &run;
  const QString metric = QString::fromLatin1(model.metric);
  // Best first: real runs before smoke ones, then by the metric (runs without it after), newest first.
  std::stable_sort(candidates.begin(), candidates.end(), [&](const RunSummary* a, const RunSummary* b) {
    if (isSmoke(*a) != isSmoke(*b)) return !isSmoke(*a);
    const bool ha = a->latest.contains(metric), hb = b->latest.contains(metric);
    if (ha != hb) return ha;
    if (ha && a->latest.value(metric) != b->latest.value(metric)) return a->latest.value(metric) > b->latest.value(metric);
    return a->id > b->id;
  });
  const qint64 before = box->currentIndex() >= 0 ? box->currentData().toLongLong() : -1;
  const QSignalBlocker blocker(box);
  box->clear();
  for (const RunSummary* run : candidates) {
    QString label = tr("run %1 \u00b7 %2").arg(run->id).arg(run->name);
    if (run->latest.contains(metric))
      label += QStringLiteral(" \u00b7 %1 %2").arg(QString::fromUtf8(model.metricName)).arg(run->latest.value(metric), 0, 'f', 3);
    if (isSmoke(*run)) label += tr(" (smoke)");
    box->addItem(label, run->id);
  }
  if (candidates.isEmpty()) box->addItem(tr("the newest finished %1 run").arg(QString::fromLatin1(model.kind)), qint64(-1));
  const int kept = box->findData(before);
  box->setCurrentIndex(kept >= 0 ? kept : 0);  // the user's choice stays while its run exists
}

qint64 DemoPanel::chosenRun(Task task) const { return m_modelBoxes[chooserIndex(task)]->currentData().toLongLong(); }

void DemoPanel::chooseRun(Task task, qint64 runId) {
  QComboBox* box = m_modelBoxes[chooserIndex(task)];
  const int index = box->findData(runId);
  if (index >= 0) box->setCurrentIndex(index);
}

QStringList DemoPanel::runChoices(Task task) const {
  QStringList labels;
  const QComboBox* box = m_modelBoxes[chooserIndex(task)];
  for (int i = 0; i < box->count(); ++i) labels << box->itemText(i);
  return labels;
}

QString DemoPanel::modelLabel(Task task) const {
  const qint64 id = chosenRun(task);
  if (id >= 0) return m_modelBoxes[chooserIndex(task)]->currentText();
  const auto it = m_servers.constFind(QStringLiteral("project:") + QString::fromLatin1(taskModel(task).kind));
  return it != m_servers.constEnd() && !(*it)->runName().isEmpty() ? (*it)->runName() : tr("the newest finished run");
}

ModelServer* DemoPanel::serverFor(Task task) {
  const QString kind = QString::fromLatin1(taskModel(task).kind);
  QString key, checkpoint = m_projectDir;
  QStringList arguments;
  const qint64 id = chosenRun(task);
  for (const auto& run : m_runs)
    if (run.id == id) checkpoint = run.checkpointDir;
  key = id >= 0 ? checkpoint : QStringLiteral("project:") + kind;
  if (ModelServer* server = m_servers.value(key)) return server;
  arguments << QStringLiteral("--checkpoint") << checkpoint << QStringLiteral("--kind") << kind;
  auto* server = new ModelServer(m_cliPath, arguments, m_projectDir, this);
  connect(server, &ModelServer::replied, this, &DemoPanel::onReplied);
  m_servers.insert(key, server);
  return server;
}

qint64 DemoPanel::serverProcessId(Task task) const {
  for (auto it = m_servers.constBegin(); it != m_servers.constEnd(); ++it) {
    const QString kind = QString::fromLatin1(taskModel(task).kind);
    const qint64 id = chosenRun(task);
    bool matches = it.key() == QStringLiteral("project:") + kind;
    for (const auto& run : m_runs)
      if (run.id == id) matches = it.key() == run.checkpointDir;
    if (matches && it.value()->isRunning()) return it.value()->processId();
  }
  return 0;
}

void DemoPanel::stopServers() {
  m_active = nullptr;
  m_requestId = -1;
  qDeleteAll(m_servers);  // each closes its server's input, so the process ends by itself
  m_servers.clear();
}

bool DemoPanel::caption() {
  if (imagePath().isEmpty()) return false;
  return startRequest(Task::Caption, {{QStringLiteral("task"), QStringLiteral("caption")}, {QStringLiteral("image"), imagePath()}});
}

bool DemoPanel::ask(const QString& question) {
  if (imagePath().isEmpty() || question.trimmed().isEmpty()) return false;
  m_question->setText(question);
  return startRequest(Task::Ask, {{QStringLiteral("task"), QStringLiteral("ask")},
                                  {QStringLiteral("image"), imagePath()},
                                  {QStringLiteral("question"), question.trimmed()},
                                  {QStringLiteral("top"), 3}});
}

bool DemoPanel::retrieve(const QString& query) {
  if (query.trimmed().isEmpty()) return false;
  m_query->setText(query);
  return startRequest(Task::Retrieve, {{QStringLiteral("task"), QStringLiteral("retrieve")},
                                       {QStringLiteral("query"), query.trimmed()},
                                       {QStringLiteral("top"), 8}});
}

bool DemoPanel::startRequest(Task task, const QJsonObject& request) {
  if (m_projectDir.isEmpty() || isBusy()) return false;
  m_running = task;
  m_lastError.clear();
  m_active = serverFor(task);
  const bool loading = !m_active->isRunning();
  m_requestId = m_active->send(request);
  m_status->setText(loading ? tr("%1\u2026 (loading %2)").arg(taskName(task), modelLabel(task)) : tr("%1\u2026").arg(taskName(task)));
  m_busy->show();
  m_cancelButton->show();
  updateButtons();
  return true;
}

void DemoPanel::cancel() {
  if (m_active && isBusy()) m_active->stop();
}

bool DemoPanel::isBusy() const { return m_requestId >= 0; }

void DemoPanel::onReplied(qint64 id, bool ok, const QJsonValue& result, const QString& error, double ms, double waitedMs) {
  if (sender() != m_active || id != m_requestId) return;  // a reply nobody waits for any more
  const Task task = m_running;
  m_running = Task::None;
  m_requestId = -1;
  m_busy->hide();
  m_cancelButton->hide();
  updateButtons();
  if (!ok) {
    m_lastError = error;
    m_status->setText(tr("%1 failed: %2").arg(taskName(task), error));
    Q_EMIT failed(task, error);
    return;
  }
  if (task == Task::Caption) showCaption(result);
  if (task == Task::Ask) showAnswer(result);
  if (task == Task::Retrieve) showRetrieved(result);
  // Every answer names its model; the first one of a server also pays for loading it.
  const QString model = tr("%1 \u00b7 %2 ms").arg(modelLabel(task)).arg(ms, 0, 'f', 0);
  (task == Task::Caption ? m_captionModel : task == Task::Ask ? m_answerModel : m_retrieveModel)->setText(model);
  m_status->setText(waitedMs > ms + 50 ? tr("%1 took %2 ms (%3 ms with loading the model)").arg(taskName(task)).arg(ms, 0, 'f', 0).arg(waitedMs, 0, 'f', 0)
                                       : tr("%1 took %2 ms").arg(taskName(task)).arg(ms, 0, 'f', 0));
  Q_EMIT answered(task);
}

void DemoPanel::showCaption(const QJsonValue& result) {
  const QJsonArray rows = result.toArray();
  m_caption->setText(rows.isEmpty() ? tr("(no caption)") : rows.first().toObject().value(QStringLiteral("caption")).toString());
  m_routing->setRouting(
      parseDemoRouting(rows.isEmpty() ? QJsonObject() : rows.first().toObject().value(QStringLiteral("routing")).toObject()),
      m_image->image());
}

void DemoPanel::showAnswer(const QJsonValue& result) {
  const QJsonObject reply = result.toObject();
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

void DemoPanel::showRetrieved(const QJsonValue& result) {
  m_results->clear();
  m_retrieved.clear();
  const QJsonObject reply = result.toObject();
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
  const bool ready = !m_projectDir.isEmpty() && !isBusy();
  for (QComboBox* box : m_modelBoxes) box->setEnabled(!isBusy());
  const bool haveImage = !imagePath().isEmpty();
  m_captionButton->setEnabled(ready && haveImage);
  m_askButton->setEnabled(ready && haveImage);
  m_searchButton->setEnabled(ready);
  m_chooseButton->setEnabled(!m_projectDir.isEmpty());
}

}  // namespace vimoe::widgets
