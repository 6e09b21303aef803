// DemoPanel: what reviewers are shown. Drop or pick an image -> its Vietnamese caption; ask a
// question about it -> the answer (with the classifier's runners-up); type a query -> the
// most similar validation images. Each answer comes from a `vimoe caption|ask|retrieve --json`
// child process on the project's newest finished run of the right kind, so inference never
// blocks the GUI and a model that fails to load cannot take the workbench down. Under the
// image, the routing of the last input through an MoE model: patches and tokens by expert.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace vimoe::widgets {

class CliJob;
class DemoRoutingView;
class ImageDropArea;
class ThumbnailLoader;

class DemoPanel : public QWidget {
  Q_OBJECT

 public:
  enum class Task { None, Caption, Ask, Retrieve };

  explicit DemoPanel(QWidget* parent = nullptr);

  // The project folder stands for its newest finished run of each kind (see `vimoe caption --help`).
  void setProject(const QString& projectDir);
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
  bool startJob(Task task, const QStringList& arguments);
  void onFinished(bool ok, const QByteArray& output, const QString& message);
  void showCaption(const QByteArray& output);
  void showAnswer(const QByteArray& output);
  void showRetrieved(const QByteArray& output);
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
  CliJob* m_job;
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
