// DataBrowserPanel: the project's image-text data at a glance. A lazy thumbnail grid (decoded
// off the GUI thread at thumbnail size, smooth at 100,000 samples), the selected image with
// its captions and questions, diacritic-insensitive Vietnamese search ("duong" finds
// "đường"), filters by split, domain and question type, statistics plots, and the import
// problems with a jump to their sample. When the project's synthetic set was never generated,
// it offers to generate it (a `vimoe data generate` child process).
#pragma once

#include <QFutureWatcher>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <memory>

#include "data/dataset_loading.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QTabWidget;

namespace vimoe::widgets {

class DataStatsView;
class RunLauncher;
class SampleDetailView;
class SampleGridModel;
class ThumbnailLoader;

class DataBrowserPanel : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kThumbnailSide = 96;
  static constexpr int kSearchDelayMs = 150;  // typing pauses this long before the grid refilters

  explicit DataBrowserPanel(QWidget* parent = nullptr);
  ~DataBrowserPanel() override;

  // Lists the project's dataset specs (datasets/*.json) and loads all of them merged.
  void setProject(const QString& projectDir);
  void clearProject();
  // Loads any dataset paths (specs, annotation files, folders) asynchronously; loaded() follows.
  void loadPaths(const QStringList& paths);
  void setCliPath(const QString& path) { m_cliPath = path; }
  bool isLoading() const;
  // Shows data loaded elsewhere (benchmarks, a dataset built in memory); loaded() follows.
  void showData(const LoadedBrowserData& data);

  // Filters, as the controls set them (tests and other panels).
  void setSearchText(const QString& text);  // applied at once, without the typing delay
  void setSplitFilter(const QString& split);
  void setDomainFilter(const QString& domain);
  void setQuestionTypeFilter(const QString& type);
  // Selects the sample a problem row belongs to (clearing filters that hide it); false when
  // the problem's record was not loaded.
  bool jumpToProblem(int problemRow);
  void selectRow(int row);

  SampleGridModel* model() const { return m_model; }
  QListView* grid() const { return m_grid; }
  SampleDetailView* detail() const { return m_detail; }
  DataStatsView* statsView() const { return m_stats; }
  QTableWidget* problemsTable() const { return m_problems; }
  ThumbnailLoader* thumbnails() const { return m_thumbnails; }
  QString countText() const;
  QString messageText() const;

 Q_SIGNALS:
  void loaded(int samples, int problems, double seconds);
  void errorOccurred(const QString& message);
  void statusMessage(const QString& message);
  void logLine(const QString& line);  // output of the generation child

 private:
  void buildUi();
  void onLoaded();
  void applyFilter();
  void showSelected();
  void fillFilterBox(QComboBox* box, const std::vector<std::string>& values, const QString& anyLabel);
  void fillProblems();
  void showMessage(const QString& message, bool offerGenerate);
  void onDatasetChosen(int index);
  void generateData();
  void onGenerateFinished(int exitCode, bool crashed, bool cancelled);

  QComboBox* m_datasetBox;
  QLineEdit* m_search;
  QComboBox* m_splitBox;
  QComboBox* m_domainBox;
  QComboBox* m_typeBox;
  QLabel* m_count;
  QTabWidget* m_tabs;
  QListView* m_grid;
  SampleDetailView* m_detail;
  DataStatsView* m_stats;
  QTableWidget* m_problems;
  QStackedWidget* m_stack;
  QLabel* m_message;
  QPushButton* m_generateButton;
  QProgressBar* m_generateProgress;
  QPushButton* m_cancelButton;

  ThumbnailLoader* m_thumbnails;
  SampleGridModel* m_model;
  RunLauncher* m_generator;
  QFutureWatcher<LoadedBrowserData> m_load;
  QTimer m_searchTimer;
  QString m_projectDir;
  QString m_cliPath;
  QStringList m_specs;
  bool m_fillingBoxes = false;
};

}  // namespace vimoe::widgets
