#include "experiment/config_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QSpinBox>

#include "experiment/real_spin_box.h"

namespace vimoe::widgets {

ConfigForm::ConfigForm(QObject* parent) : QObject(parent) {}

void ConfigForm::setConfig(const Config& config) {
  m_config = config;
  m_inputIssues.clear();
  pushAll();
}

void ConfigForm::pushAll() {
  push(QString());
}

void ConfigForm::push(const QString& pathPrefix) {
  for (const QString& path : m_order) {
    if (!path.startsWith(pathPrefix)) continue;
    const Binding& binding = m_bindings[path];
    // Showing a value is not an edit: no signal may write it back (and round it).
    const QSignalBlocker blocker(binding.widget);
    binding.push();
  }
}

void ConfigForm::setText(const QString& path, const QString& text) {
  const auto field = m_textFields.constFind(path);
  if (field == m_textFields.constEnd()) return;
  (*field)(m_config) = text.toStdString();
  push(path);
  written(path);
}

void ConfigForm::bind(const QString& path, QWidget* widget, std::function<void()> push) {
  widget->setObjectName(path);  // findChild and tests find fields by their JSON path
  Binding binding;
  binding.widget = widget;
  binding.row = widget;
  binding.push = std::move(push);
  m_bindings.insert(path, binding);
  m_order << path;
  const QSignalBlocker blocker(widget);
  m_bindings[path].push();
}

void ConfigForm::written(const QString& path) {
  setInputIssue(path, QString());
  Q_EMIT edited(path);
}

void ConfigForm::setInputIssue(const QString& path, const QString& message) {
  if (message.isEmpty())
    m_inputIssues.remove(path);
  else
    m_inputIssues.insert(path, message);
}

QSpinBox* ConfigForm::addInt(const QString& path, Accessor<int> field, int lo, int hi) {
  auto* box = new QSpinBox;
  box->setRange(lo, hi);
  box->setAccelerated(true);
  bind(path, box, [this, box, field] { box->setValue(field(m_config)); });
  connect(box, &QSpinBox::valueChanged, this, [this, path, field](int value) {
    field(m_config) = value;
    written(path);
  });
  return box;
}

RealSpinBox* ConfigForm::addReal(const QString& path, Accessor<double> field, double lo, double hi) {
  auto* box = new RealSpinBox;
  box->setRange(lo, hi);
  bind(path, box, [this, box, field] { box->setValue(field(m_config)); });
  connect(box, &QDoubleSpinBox::valueChanged, this, [this, path, field](double value) {
    field(m_config) = value;
    written(path);
  });
  return box;
}

QLineEdit* ConfigForm::addSeed(const QString& path, Accessor<std::uint64_t> field, std::uint64_t hi) {
  auto* edit = new QLineEdit;
  edit->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,20}")), edit));
  bind(path, edit, [this, edit, field] { edit->setText(QString::number(field(m_config))); });
  connect(edit, &QLineEdit::textEdited, this, [this, path, field, hi](const QString& text) {
    bool ok = false;
    const std::uint64_t value = text.toULongLong(&ok);
    if (!ok || value > hi) {
      setInputIssue(path, tr("must be a whole number in [0, %1]").arg(hi));
      Q_EMIT edited(path);
      return;
    }
    field(m_config) = value;
    written(path);
  });
  return edit;
}

QCheckBox* ConfigForm::addFlag(const QString& path, Accessor<bool> field, const QString& text) {
  auto* box = new QCheckBox(text);
  bind(path, box, [this, box, field] { box->setChecked(field(m_config)); });
  connect(box, &QCheckBox::toggled, this, [this, path, field](bool checked) {
    field(m_config) = checked;
    written(path);
  });
  return box;
}

QComboBox* ConfigForm::addChoice(const QString& path, Accessor<std::string> field, const QVector<Choice>& choices) {
  auto* box = new QComboBox;
  for (const Choice& choice : choices) box->addItem(choice.second, choice.first);
  bind(path, box, [this, box, field] {
    const QString value = QString::fromStdString(field(m_config));
    int index = box->findData(value);
    if (index < 0) {
      // Not a value this form offers: show it as it is; validate() says what is allowed.
      box->addItem(value, value);
      index = box->count() - 1;
    }
    box->setCurrentIndex(index);
  });
  connect(box, &QComboBox::currentIndexChanged, this, [this, path, field, box](int index) {
    if (index < 0) return;
    field(m_config) = box->itemData(index).toString().toStdString();
    written(path);
  });
  return box;
}

QLineEdit* ConfigForm::addText(const QString& path, Accessor<std::string> field) {
  auto* edit = new QLineEdit;
  edit->setClearButtonEnabled(true);
  bind(path, edit, [this, edit, field] { edit->setText(QString::fromStdString(field(m_config))); });
  m_textFields.insert(path, field);
  // textEdited, not textChanged: only what the user types is an edit (the clear button counts).
  connect(edit, &QLineEdit::textEdited, this, [this, path, field](const QString& text) {
    field(m_config) = text.toStdString();
    written(path);
  });
  return edit;
}

void ConfigForm::setRow(const QString& path, QWidget* label, QWidget* row) {
  auto it = m_bindings.find(path);
  if (it == m_bindings.end()) return;
  it->label = label;
  if (row) it->row = row;
}

void ConfigForm::setRelevant(const QString& path, bool relevant) {
  auto it = m_bindings.find(path);
  if (it == m_bindings.end()) return;
  it->row->setEnabled(relevant);
  if (it->label) it->label->setEnabled(relevant);
}

QWidget* ConfigForm::widgetFor(const QString& path) const {
  const auto it = m_bindings.constFind(path);
  return it == m_bindings.constEnd() ? nullptr : it->widget;
}

std::vector<config::ConfigIssue> ConfigForm::inputIssues() const {
  std::vector<config::ConfigIssue> issues;
  for (const QString& path : m_order)
    if (m_inputIssues.contains(path)) issues.push_back({path.toStdString(), m_inputIssues.value(path).toStdString()});
  return issues;
}

}  // namespace vimoe::widgets
