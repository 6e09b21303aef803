// The experiment editor's form, section by section (Run, Model, MoE, Losses, Optimiser and
// schedule, Task, Data): which ExperimentConfig fields are shown, with what labels, units and
// limits, and which of them matter for the current config (MoE fields only with moe.enabled,
// noise only for noisy_top_k, ...). Kept apart from ExperimentEditor so that the panel's file,
// validation and launch logic does not drown in seventy rows of form.
//
// The limits are the ones core's field descriptions use (config/experiment_fields.h), so a spin
// box never offers a value that validate() would reject on its own.
#pragma once

#include <QCoreApplication>
#include <QSet>
#include <QString>
#include <QVector>
#include <functional>

class QFormLayout;
class QGroupBox;
class QLabel;
class QWidget;

namespace vimoe::widgets {

class ConfigForm;

struct EditorSection {
  QString prefix;  // "moe": the first part of the JSON paths it holds
  QGroupBox* box = nullptr;
  QLabel* messages = nullptr;  // the section's issues, under its rows; hidden when none
};

class ExperimentSections {
  Q_DECLARE_TR_FUNCTIONS(vimoe::widgets::ExperimentSections)

 public:
  // Called with a text field's path when its folder button is pressed.
  using BrowseFolder = std::function<void(const QString& path)>;

  ExperimentSections(ConfigForm& form, BrowseFolder browse);

  // Creates every section's widgets and bindings; the caller lays the boxes out.
  QVector<EditorSection> build();

  // Enables the fields that matter for form.config(); a field with an issue stays enabled so
  // that it can always be fixed.
  static void applyRelevance(ConfigForm& form, const QSet<QString>& pathsWithIssues);

 private:
  EditorSection runSection();
  EditorSection dataSection();
  EditorSection modelSection();
  EditorSection moeSection();
  EditorSection lossSection();
  EditorSection optimSection();
  EditorSection taskSection();

  EditorSection begin(const QString& title, const QString& prefix);
  // Adds "label  field" to the current section; `help` becomes the tooltip, with the path.
  void row(const QString& path, const QString& label, const QString& help);
  void folderRow(const QString& path, const QString& label, const QString& help);
  void towerGrid();

  ConfigForm& m_form;
  BrowseFolder m_browse;
  QFormLayout* m_rows = nullptr;
};

}  // namespace vimoe::widgets
