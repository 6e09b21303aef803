// ConfigForm: the two-way binding between an ExperimentConfig and the input widgets of the
// experiment editor, one binding per JSON path ("moe.top_k").
//
// The config it holds is the source of truth: loading pushes every bound field into its
// widget with signals blocked, and an edit writes back only the one field that the user
// changed. Fields without a widget, and the exact bits of values a widget cannot show (a
// double with more digits than a spin box keeps), therefore survive load -> save unchanged.
//
// Text that cannot become the field's type (a seed past 2^64) is not written; it becomes an
// input issue at that path until it is fixed, next to the issues from config::validate().
#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "vimoe/config/config_io.h"
#include "vimoe/config/experiment_config.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QWidget;

namespace vimoe::widgets {

class RealSpinBox;

class ConfigForm : public QObject {
  Q_OBJECT

 public:
  using Config = config::ExperimentConfig;
  template <class T>
  using Accessor = std::function<T&(Config&)>;
  // A choice's JSON value and the words shown for it.
  using Choice = std::pair<QString, QString>;
  // A combo-box entry: the stored value and its label (the value itself when no label).
  static Choice choice(const char* value, const QString& shown = QString()) {
    const QString v = QString::fromLatin1(value);
    return {v, shown.isEmpty() ? v : shown};
  }
  // A config path ("moe.top_k") as the form's key.
  static QString key(const char* path) { return QString::fromLatin1(path); }

  // Accessors for a section's field and a tower's field: at(&Config::moe, &MoeConfig::top_k).
  template <class S, class T>
  static Accessor<T> at(S Config::*section, T S::*field) {
    return [section, field](Config& c) -> T& { return (c.*section).*field; };
  }
  template <class S, class N, class T>
  static Accessor<T> at(S Config::*section, N S::*nested, T N::*field) {
    return [section, nested, field](Config& c) -> T& { return ((c.*section).*nested).*field; };
  }

  explicit ConfigForm(QObject* parent = nullptr);

  const Config& config() const { return m_config; }
  // Replaces the whole config and shows it; input issues are dropped with the old text.
  void setConfig(const Config& config);
  // For changes made in code (a preset applied): change the config, then push() the fields
  // that changed so that they show it.
  Config& mutableConfig() { return m_config; }
  void pushAll();
  void push(const QString& pathPrefix);
  // Sets a text field as if typed (a folder chosen in a dialog): written, then edited().
  void setText(const QString& path, const QString& text);

  QSpinBox* addInt(const QString& path, Accessor<int> field, int lo, int hi);
  RealSpinBox* addReal(const QString& path, Accessor<double> field, double lo, double hi);
  QLineEdit* addSeed(const QString& path, Accessor<std::uint64_t> field, std::uint64_t hi);
  QCheckBox* addFlag(const QString& path, Accessor<bool> field, const QString& text);
  QComboBox* addChoice(const QString& path, Accessor<std::string> field, const QVector<Choice>& choices);
  QLineEdit* addText(const QString& path, Accessor<std::string> field);

  // The row label and the row's outer widget (a line edit's row may hold a browse button), so
  // that enabling a field greys its label too.
  void setRow(const QString& path, QWidget* label, QWidget* row);
  void setRelevant(const QString& path, bool relevant);

  QWidget* widgetFor(const QString& path) const;
  QStringList paths() const { return m_order; }
  // Problems of text that does not convert, in form order ("run.seed: ...").
  std::vector<config::ConfigIssue> inputIssues() const;

 Q_SIGNALS:
  void edited(const QString& path);

 private:
  struct Binding {
    QWidget* widget = nullptr;
    QWidget* label = nullptr;
    QWidget* row = nullptr;
    std::function<void()> push;  // config -> widget
  };

  void bind(const QString& path, QWidget* widget, std::function<void()> push);
  void written(const QString& path);
  void setInputIssue(const QString& path, const QString& message);

  Config m_config;
  QHash<QString, Binding> m_bindings;
  QStringList m_order;
  QHash<QString, QString> m_inputIssues;
  QHash<QString, Accessor<std::string>> m_textFields;
};

}  // namespace vimoe::widgets
