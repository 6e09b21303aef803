#include "experiment/experiment_editor.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include "experiment/config_form.h"
#include "experiment/experiment_file.h"
#include "vimoe/config/model_presets.h"

namespace vimoe::widgets {
namespace {

constexpr const char* kIssueProperty = "vimoeIssue";
constexpr const char* kPlainToolTip = "vimoePlainToolTip";
const QColor kProblemRed(211, 47, 47);

QColor blend(const QColor& base, const QColor& tint, double amount) {
  return QColor::fromRgbF(float(base.redF() * (1 - amount) + tint.redF() * amount),
                          float(base.greenF() * (1 - amount) + tint.greenF() * amount),
                          float(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

// A field with a problem: a red-tinted background (both themes) and the problem first in its
// tooltip; the original tooltip comes back once the problem is gone.
void markField(QWidget* field, const QString& message) {
  if (!field->property(kPlainToolTip).isValid()) field->setProperty(kPlainToolTip, field->toolTip());
  const QString plain = field->property(kPlainToolTip).toString();
  field->setToolTip(message.isEmpty() ? plain : message + QStringLiteral("\n\n") + plain);
  const bool marked = !message.isEmpty();
  if (field->property(kIssueProperty).toBool() == marked) return;
  field->setProperty(kIssueProperty, marked);
  if (!marked) {
    field->setPalette(QPalette());  // inherit again
    return;
  }
  const QPalette inherited = field->parentWidget() ? field->parentWidget()->palette() : field->palette();
  QPalette tinted;  // only the roles set here override the inherited palette
  tinted.setColor(QPalette::Base, blend(inherited.color(QPalette::Base), kProblemRed, 0.28));
  tinted.setColor(QPalette::Button, blend(inherited.color(QPalette::Button), kProblemRed, 0.28));
  field->setPalette(tinted);
}

bool isPresetShape(const QString& path) {
  return path == QLatin1String("model.embed_dim") || path.startsWith(QLatin1String("model.image.")) ||
         path.startsWith(QLatin1String("model.text."));
}

bool sameTower(const config::TowerConfig& a, const config::TowerConfig& b) {
  return a.width == b.width && a.depth == b.depth && a.heads == b.heads && a.mlp_ratio == b.mlp_ratio;
}

QString sectionOf(const std::string& path) {
  const QString p = QString::fromStdString(path);
  return p.section(QLatin1Char('.'), 0, 0);
}

QToolButton* barButton(const QString& text, QStyle::StandardPixmap icon, const QString& tip, QWidget* parent) {
  auto* button = new QToolButton(parent);
  button->setText(text);
  button->setIcon(parent->style()->standardIcon(icon));
  button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  button->setAutoRaise(true);
  button->setToolTip(tip);
  return button;
}

}  // namespace

ExperimentEditor::ExperimentEditor(QWidget* parent) : QWidget(parent), m_form(new ConfigForm(this)) {
  ExperimentSections sections(*m_form, [this](const QString& path) { browseFolder(path); });
  buildLayout(sections.build());
  connect(m_form, &ConfigForm::edited, this, &ExperimentEditor::onEdited);
  // In a long scrolled form the wheel scrolls the form; it changes a value only in the
  // field being edited.
  for (const QString& path : m_form->paths()) {
    QWidget* field = m_form->widgetFor(path);
    if (qobject_cast<QAbstractSpinBox*>(field) || qobject_cast<QComboBox*>(field)) {
      field->setFocusPolicy(Qt::StrongFocus);
      field->installEventFilter(this);
    }
  }
  setFilePath(QString());
  revalidate();
}

void ExperimentEditor::buildLayout(const QVector<EditorSection>& sections) {
  m_sections = sections;
  m_open = barButton(tr("Open\u2026"), QStyle::SP_DialogOpenButton, tr("Open an experiment config (JSON)."), this);
  m_save = barButton(tr("Save"), QStyle::SP_DialogSaveButton, tr("Save to the open file."), this);
  m_saveAs = barButton(tr("Save As\u2026"), QStyle::SP_DialogSaveButton, tr("Save to a new file."), this);
  m_open->setObjectName(QStringLiteral("openConfig"));
  m_save->setObjectName(QStringLiteral("saveConfig"));
  m_saveAs->setObjectName(QStringLiteral("saveConfigAs"));
  m_fileLabel = new QLabel;
  m_fileLabel->setObjectName(QStringLiteral("configFile"));
  m_fileLabel->setTextFormat(Qt::PlainText);
  m_launch = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("Launch run"));
  m_launch->setObjectName(QStringLiteral("launchRun"));
  m_launch->setDefault(true);
  connect(m_open, &QToolButton::clicked, this, &ExperimentEditor::openWithDialog);
  connect(m_save, &QToolButton::clicked, this,
          [this] { m_filePath.isEmpty() ? void(saveAsWithDialog()) : void(save()); });
  connect(m_saveAs, &QToolButton::clicked, this, &ExperimentEditor::saveAsWithDialog);
  connect(m_launch, &QPushButton::clicked, this, &ExperimentEditor::launch);

  auto* bar = new QHBoxLayout;
  bar->setSpacing(2);
  bar->addWidget(m_open);
  bar->addWidget(m_save);
  bar->addWidget(m_saveAs);
  bar->addSpacing(12);
  bar->addWidget(m_fileLabel, 1);
  bar->addWidget(m_launch);

  m_status = new QLabel;
  m_status->setObjectName(QStringLiteral("editorStatus"));
  m_status->setWordWrap(true);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_status->setContentsMargins(6, 4, 6, 4);
  m_status->hide();

  // Two columns of sections: what a run is and how it is optimised on the left, the model and
  // its experts on the right.
  auto* content = new QWidget;
  auto* columns = new QHBoxLayout(content);
  columns->setContentsMargins(8, 8, 8, 8);
  columns->setSpacing(12);
  QVBoxLayout* column[2] = {new QVBoxLayout, new QVBoxLayout};
  for (const EditorSection& section : sections) {
    const bool right = section.prefix == QLatin1String("model") || section.prefix == QLatin1String("moe") ||
                       section.prefix == QLatin1String("loss");
    column[right ? 1 : 0]->addWidget(section.box);
  }
  for (QVBoxLayout* c : column) {
    c->setSpacing(12);
    c->addStretch(1);
    columns->addLayout(c, 1);
  }
  m_scroll = new QScrollArea;
  m_scroll->setObjectName(QStringLiteral("experimentForm"));
  m_scroll->setWidgetResizable(true);
  m_scroll->setFrameShape(QFrame::NoFrame);
  m_scroll->setWidget(content);

  m_issueHeader = new QLabel;
  m_issueHeader->setObjectName(QStringLiteral("issueHeader"));
  m_issueList = new QListWidget;
  m_issueList->setObjectName(QStringLiteral("issueList"));
  m_issueList->setAlternatingRowColors(true);
  m_issueList->setToolTip(tr("Double-click a problem to go to its field."));
  connect(m_issueList, &QListWidget::itemActivated, this, &ExperimentEditor::focusIssue);
  connect(m_issueList, &QListWidget::itemClicked, this, &ExperimentEditor::focusIssue);
  auto* issues = new QWidget;
  auto* issuesLayout = new QVBoxLayout(issues);
  issuesLayout->setContentsMargins(8, 4, 8, 4);
  issuesLayout->setSpacing(4);
  issuesLayout->addWidget(m_issueHeader);
  issuesLayout->addWidget(m_issueList, 1);

  auto* split = new QSplitter(Qt::Vertical);
  split->setChildrenCollapsible(false);
  split->addWidget(m_scroll);
  split->addWidget(issues);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 0);
  m_issueList->setMinimumHeight(m_issueList->fontMetrics().height() * 3 + 8);
  split->setSizes({700, m_issueList->fontMetrics().height() * 5});

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->setSpacing(4);
  layout->addLayout(bar);
  layout->addWidget(m_status);
  layout->addWidget(split, 1);
}

void ExperimentEditor::setConfig(const config::ExperimentConfig& config) {
  m_form->setConfig(config);
  setModified(true);
  revalidate();
}

const config::ExperimentConfig& ExperimentEditor::config() const {
  return m_form->config();
}

QString ExperimentEditor::configJson() const {
  return QString::fromStdString(experimentFileText(config()));
}

QString ExperimentEditor::issueAt(const QString& path) const {
  QStringList messages;
  for (const config::ConfigIssue& issue : m_issues)
    if (QString::fromStdString(issue.path) == path) messages << QString::fromStdString(issue.message);
  return messages.join(QStringLiteral("; "));
}

QWidget* ExperimentEditor::fieldFor(const QString& path) const {
  return m_form->widgetFor(path);
}

QLabel* ExperimentEditor::sectionMessages(const QString& prefix) const {
  for (const EditorSection& section : m_sections)
    if (section.prefix == prefix) return section.messages;
  return nullptr;
}

void ExperimentEditor::onEdited(const QString& path) {
  config::ModelConfig& model = m_form->mutableConfig().model;
  if (path == QLatin1String("model.preset")) {
    // A preset is a set of shapes: choosing one fills them in ("custom" keeps what is there).
    if (const config::ModelPreset* preset = config::findModelPreset(model.preset)) {
      config::applyModelPreset(*preset, m_form->mutableConfig());
      m_form->push(QStringLiteral("model."));
      if (preset->imageSize > 0) m_form->push(QStringLiteral("data."));
    }
  } else if (isPresetShape(path)) {
    // A shape edited away from its preset makes the model custom, so the store never records a
    // "small" run that is not the small preset.
    const config::ModelPreset* preset = config::findModelPreset(model.preset);
    if (preset && (preset->embedDim != model.embed_dim || !sameTower(preset->image, model.image) ||
                   !sameTower(preset->text, model.text))) {
      model.preset = "custom";
      m_form->push(QStringLiteral("model.preset"));
    }
  }
  setModified(true);
  revalidate();
  Q_EMIT configEdited();
}

void ExperimentEditor::revalidate() {
  m_issues = m_form->inputIssues();
  const std::vector<config::ConfigIssue> checked = config::validate(m_form->config());
  m_issues.insert(m_issues.end(), checked.begin(), checked.end());
  QSet<QString> paths;
  for (const config::ConfigIssue& issue : m_issues) paths.insert(QString::fromStdString(issue.path));
  showIssues(paths);
  ExperimentSections::applyRelevance(*m_form, paths);
  updateLaunch();
  Q_EMIT issuesChanged(int(m_issues.size()));
}

void ExperimentEditor::showIssues(const QSet<QString>& paths) {
  for (const QString& path : m_form->paths())
    markField(m_form->widgetFor(path), paths.contains(path) ? issueAt(path) : QString());

  const QString red = kProblemRed.name();
  for (const EditorSection& section : m_sections) {
    QStringList lines;
    for (const config::ConfigIssue& issue : m_issues)
      if (sectionOf(issue.path) == section.prefix)
        lines << QStringLiteral("<b>%1</b>: %2")
                     .arg(QString::fromStdString(issue.path).toHtmlEscaped(),
                          QString::fromStdString(issue.message).toHtmlEscaped());
    section.messages->setText(
        QStringLiteral("<span style=\"color:%1\">%2</span>").arg(red, lines.join(QStringLiteral("<br>"))));
    section.messages->setVisible(!lines.isEmpty());
  }

  m_issueList->clear();
  const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
  for (const config::ConfigIssue& issue : m_issues) {
    auto* item = new QListWidgetItem(warning, QString::fromStdString(issue.toString()), m_issueList);
    item->setData(Qt::UserRole, QString::fromStdString(issue.path));
  }
  const int count = int(m_issues.size());
  m_issueHeader->setText(count == 0   ? tr("No problems: the config is ready to launch.")
                         : count == 1 ? tr("1 problem to fix before launching:")
                                      : tr("%1 problems to fix before launching:").arg(count));
  m_issueList->setVisible(count > 0);
}

void ExperimentEditor::updateLaunch() {
  const int count = int(m_issues.size());
  m_launch->setEnabled(count == 0 && !m_runActive);
  if (count > 0)
    m_launch->setToolTip(count == 1 ? tr("Fix the problem listed below first.")
                                    : tr("Fix the %1 problems listed below first.").arg(count));
  else if (m_runActive)
    m_launch->setToolTip(tr("A run is in progress: wait for it or cancel it (Run > Cancel run)."));
  else
    m_launch->setToolTip(tr("Save the config and train it (vimoe train) into the project's store."));
}

void ExperimentEditor::setRunActive(bool active) {
  m_runActive = active;
  updateLaunch();
}

void ExperimentEditor::setModified(bool modified) {
  const bool changed = modified != m_modified;
  m_modified = modified;
  setFilePath(m_filePath);  // the label shows the state
  if (changed) Q_EMIT modifiedChanged(modified);
}

void ExperimentEditor::setFilePath(const QString& path) {
  const bool changed = path != m_filePath;
  m_filePath = path;
  const QString name = path.isEmpty() ? tr("Untitled experiment") : QFileInfo(path).fileName();
  m_fileLabel->setText(m_modified ? tr("%1 (modified)").arg(name) : name);
  m_fileLabel->setToolTip(path.isEmpty() ? tr("Not saved yet.") : QDir::toNativeSeparators(path));
  if (changed) Q_EMIT fileChanged(path);
}

void ExperimentEditor::showStatus(const QString& message, bool error) {
  m_status->setText(message);
  m_status->setStyleSheet(error ? QStringLiteral("color: %1;").arg(kProblemRed.name()) : QString());
  m_status->setVisible(!message.isEmpty());
}

bool ExperimentEditor::eventFilter(QObject* watched, QEvent* event) {
  auto* field = qobject_cast<QWidget*>(watched);
  if (event->type() == QEvent::Wheel && field && !field->hasFocus()) {
    QCoreApplication::sendEvent(m_scroll->verticalScrollBar(), event);
    return true;
  }
  return QWidget::eventFilter(watched, event);
}

void ExperimentEditor::focusIssue(QListWidgetItem* item) {
  QWidget* field = fieldFor(item->data(Qt::UserRole).toString());
  if (!field) return;
  m_scroll->ensureWidgetVisible(field);
  field->setFocus(Qt::OtherFocusReason);
}

}  // namespace vimoe::widgets
