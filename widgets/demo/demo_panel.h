// DemoPanel: what reviewers are shown. Drop or pick an image -> its Vietnamese caption; ask a
// question about it -> the answer (with the classifier's runners-up); type a query -> the
// most similar validation images. The Models row chooses the run behind each task (default:
// the best finished run by the task's metric, smoke runs last); every answer names the run it
// came from. Each chosen model lives in a `vimoe serve` child process (bridge/model_server.h)
// that loads it once and answers many requests, so inference never blocks the GUI and a model
// that fails to load cannot take the workbench down. Under the image, the routing of the last
// input through an MoE model: patches and tokens by expert.
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include "bridge/store_types.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace vimoe::widgets {

class ModelServer;
class DemoRoutingView;
class ImageDropArea;
class ThumbnailLoader;

class DemoPanel : public QWidget {
  Q_OBJECT

 public:
  enum class Task { None, Caption, Ask, Retrieve };

  explicit DemoPanel(QWidget* parent = nullptr);

  // Without runs (setRuns), the project folder stands for its newest finished run of each kind.
  void setProject(const QString& projectDir);
  // The project's runs: the finished ones with a checkpoint fill the Models row.
  void setRuns(const QVector<vimoe::widgets::RunSummary>& runs);
  // The run behind a task (-1: the project's newest of the kind) and the one to use.
  qint64 chosenRun(Task task) const;
  void chooseRun(Task task, qint64 runId);
  QStringList runChoices(Task task) const;  // the labels the task's chooser lists, in order
  // The `vimoe serve` process answering a task now (0 when none has started).
  qint64 serverProcessId(Task task) const;
  void clearProject();
  void setCliPath(const QString& path) { m_cliPath = path; }
  void setImage(const QString& path);

  bool caption();
  bool ask(const QString& question);
  bool retrieve(const QString& query);
  void cancel();
  bool isBusy() const;

  QString imagePath() const;
  QString captionText() const;
  QString answerText() const;
  QStringList candidateAnswers() const { return m_candidates; }
  QStringList retrievedImages() const { return m_retrieved; }
  QString errorText() const { return m_lastError; }
  QString statusText() const;
  DemoRoutingView* routingView() const { return m_routing; }            // the image input's
  DemoRoutingView* queryRoutingView() const { return m_queryRouting; }  // the retrieval query's

 Q_SIGNALS:
  void answered(vimoe::widgets::DemoPanel::Task task);
  void failed(vimoe::widgets::DemoPanel::Task task, const QString& message);

 private:
  void buildUi();
  bool startRequest(Task task, const QJsonObject& request);
  void onReplied(qint64 id, bool ok, const QJsonValue& result, const QString& error, double ms, double waitedMs);
  void showCaption(const QJsonValue& result);
  void showAnswer(const QJsonValue& result);
  void showRetrieved(const QJsonValue& result);
  ModelServer* serverFor(Task task);
  QString modelLabel(Task task) const;  // "run 4 · caption-moe-e4 · CIDEr-D 0.041"
  void fillChooser(Task task);
  void stopServers();
  void chooseImage();
  void updateButtons();

  ImageDropArea* m_image;
  DemoRoutingView* m_routing;
  DemoRoutingView* m_queryRouting;
  QPushButton* m_chooseButton;
  QPushButton* m_captionButton;
  QLabel* m_caption;
  QLineEdit* m_question;
  QPushButton* m_askButton;
  QLabel* m_answer;
  QLineEdit* m_query;
  QPushButton* m_searchButton;
  QListWidget* m_results;
  QProgressBar* m_busy;
  QPushButton* m_cancelButton;
  QLabel* m_status;
  QComboBox* m_modelBoxes[3];  // caption, VQA, retrieval
  QLabel* m_captionModel;
  QLabel* m_answerModel;
  QLabel* m_retrieveModel;
  QHash<QString, ModelServer*> m_servers;  // checkpoint (or project + kind) -> its server
  ModelServer* m_active = nullptr;
  qint64 m_requestId = -1;
  QVector<RunSummary> m_runs;
  ThumbnailLoader* m_thumbnails;
  Task m_running = Task::None;
  QString m_projectDir;
  QString m_cliPath;
  QString m_answerValue;
  QStringList m_candidates;
  QStringList m_retrieved;
  QString m_lastError;
};

}  // namespace vimoe::widgets
