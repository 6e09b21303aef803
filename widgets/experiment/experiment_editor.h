// ExperimentEditor: the panel where an experiment config is written before it is run: a form
// over every setting a study varies (model size, experts, top-k, router, capacity, MoE layer
// placement, auxiliary losses and weights, optimiser, upcycling source, task), validated on
// every edit with config::validate(), each problem shown at its field, under its section and in
// the list at the bottom. Launch is possible only while there is no problem.
//
// The editor holds a whole ExperimentConfig, so fields the form does not show survive
// load -> save. loadFile/saveTo take paths (tests use them directly); the Open / Save As
// buttons are the only places that open file dialogs. Problems are reported through
// errorOccurred and a line at the top of the panel, never in a message box.
#pragma once

#include <QString>
#include <QVector>
#include <QWidget>
#include <vector>

#include "experiment/experiment_sections.h"
#include "vimoe/config/config_io.h"
#include "vimoe/config/experiment_config.h"

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QScrollArea;
class QToolButton;

namespace vimoe::widgets {

class ConfigForm;

class ExperimentEditor : public QWidget {
  Q_OBJECT

 public:
  explicit ExperimentEditor(QWidget* parent = nullptr);

  // Replaces the values (the file stays the same; the editor counts as modified).
  void setConfig(const config::ExperimentConfig& config);
  const config::ExperimentConfig& config() const;
  // The text Save writes: the effective config, every field.
  QString configJson() const;

  // Current problems: text that does not convert first, then config::validate()'s.
  std::vector<config::ConfigIssue> issues() const { return m_issues; }
  // The problem at `path` ("moe.top_k"), or "" when there is none.
  QString issueAt(const QString& path) const;
  // The input widget bound to `path`, or nullptr when the form does not show it.
  QWidget* fieldFor(const QString& path) const;
  // The message label under the section holding `prefix` ("moe", "optim", ...).
  QLabel* sectionMessages(const QString& prefix) const;
  QListWidget* issueList() const { return m_issueList; }
  QPushButton* launchButton() const { return m_launch; }

  QString filePath() const { return m_filePath; }
  bool isModified() const { return m_modified; }
  QString lastError() const { return m_lastError; }
  // Folder dialogs start here, and chosen folders inside it are stored relative to it.
  void setProjectDir(const QString& dir) { m_projectDir = dir; }
  QString projectDir() const { return m_projectDir; }

 public Q_SLOTS:
  // False (and errorOccurred) when the file cannot be read or shown; the editor is unchanged.
  bool loadFile(const QString& path);
  // Writes atomically; on success the editor shows `path` as its file, unmodified.
  bool saveTo(const QString& path);
  // To filePath(); false when there is no file yet (use saveTo or Save As).
  bool save();
  // Saves (asking for a file when there is none yet), then emits launchRequested.
  bool launch();
  // While a run is in progress another cannot start: Launch is disabled.
  void setRunActive(bool active);
  void openWithDialog();
  bool saveAsWithDialog();

 Q_SIGNALS:
  void launchRequested(const QString& configPath);
  void configEdited();
  void issuesChanged(int count);
  void fileChanged(const QString& path);
  void modifiedChanged(bool modified);
  void errorOccurred(const QString& message);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void buildLayout(const QVector<EditorSection>& sections);
  void onEdited(const QString& path);
  void revalidate();
  void showIssues(const QSet<QString>& paths);
  void updateLaunch();
  void setModified(bool modified);
  void setFilePath(const QString& path);
  void showStatus(const QString& message, bool error);
  void browseFolder(const QString& path);
  void focusIssue(QListWidgetItem* item);

  ConfigForm* m_form;
  QVector<EditorSection> m_sections;
  QScrollArea* m_scroll = nullptr;
  QToolButton* m_open = nullptr;
  QToolButton* m_save = nullptr;
  QToolButton* m_saveAs = nullptr;
  QLabel* m_fileLabel = nullptr;
  QLabel* m_status = nullptr;
  QPushButton* m_launch = nullptr;
  QLabel* m_issueHeader = nullptr;
  QListWidget* m_issueList = nullptr;

  std::vector<config::ConfigIssue> m_issues;
  QString m_filePath;
  QString m_projectDir;
  QString m_lastError;
  bool m_modified = false;
  bool m_runActive = false;
};

}  // namespace vimoe::widgets
