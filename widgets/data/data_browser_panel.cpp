#include "data/data_browser_panel.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "bridge/progress_line.h"
#include "bridge/run_launcher.h"
#include "data/data_generation.h"
#include "data/data_stats_view.h"
#include "data/sample_detail_view.h"
#include "data/sample_grid_model.h"
#include "data/thumbnail_loader.h"
#include "vimoe/data/data_problem.h"

namespace vimoe::widgets {
namespace {

QString boxValue(const QComboBox* box) { return box->currentData().toString(); }

void selectBoxValue(QComboBox* box, const QString& value) {
  const int index = box->findData(value);
  box->setCurrentIndex(index < 0 ? 0 : index);
}

}  // namespace

DataBrowserPanel::DataBrowserPanel(QWidget* parent)
    : QWidget(parent),
      m_thumbnails(new ThumbnailLoader(kThumbnailSide, this)),
      m_model(new SampleGridModel(m_thumbnails, this)),
      m_generator(new RunLauncher(this)) {
  buildUi();
  m_searchTimer.setSingleShot(true);
  m_searchTimer.setInterval(kSearchDelayMs);
  connect(&m_searchTimer, &QTimer::timeout, this, &DataBrowserPanel::applyFilter);
  connect(&m_load, &QFutureWatcher<LoadedBrowserData>::finished, this, &DataBrowserPanel::onLoaded);
  connect(m_generator, &RunLauncher::progressed, this, [this](const RunProgress& p) {
    m_generateProgress->setRange(0, p.total > 0 ? 1000 : 0);
    m_generateProgress->setValue(static_cast<int>(p.fraction() * 1000));
    m_generateProgress->setFormat(tr("%1 \u2014 %2 left").arg(p.task, formatDuration(p.etaSeconds)));
  });
  connect(m_generator, &RunLauncher::logLine, this, &DataBrowserPanel::logLine);
  connect(m_generator, &RunLauncher::finished, this, &DataBrowserPanel::onGenerateFinished);
  connect(m_generator, &RunLauncher::failedToStart, this, [this](const QString& message) {
    onGenerateFinished(-1, false, false);
    Q_EMIT errorOccurred(message);
  });
  showMessage(tr("No project open \u2014 File > Open Project\u2026"), false);
}

DataBrowserPanel::~DataBrowserPanel() { m_load.waitForFinished(); }

void DataBrowserPanel::buildUi() {
  m_datasetBox = new QComboBox;
  m_datasetBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_search = new QLineEdit;
  m_search->setPlaceholderText(tr("Search captions, questions, answers (with or without diacritics)"));
  m_search->setClearButtonEnabled(true);
  m_splitBox = new QComboBox;
  m_domainBox = new QComboBox;
  m_typeBox = new QComboBox;
  m_count = new QLabel;
  auto* bar = new QHBoxLayout;
  bar->addWidget(new QLabel(tr("Dataset:")));
  bar->addWidget(m_datasetBox);
  bar->addWidget(m_search, 1);
  bar->addWidget(m_splitBox);
  bar->addWidget(m_domainBox);
  bar->addWidget(m_typeBox);
  bar->addWidget(m_count);

  m_grid = new QListView;
  m_grid->setViewMode(QListView::IconMode);
  m_grid->setUniformItemSizes(true);  // only the rows on screen are asked for data
  m_grid->setResizeMode(QListView::Adjust);
  m_grid->setMovement(QListView::Static);
  m_grid->setIconSize(QSize(kThumbnailSide, kThumbnailSide));
  m_grid->setGridSize(QSize(kThumbnailSide + 16, kThumbnailSide + 22));
  m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
  m_grid->setLayoutMode(QListView::Batched);  // lays out 100,000 items in slices, not in one go
  m_grid->setModel(m_model);
  m_detail = new SampleDetailView;
  auto* split = new QSplitter(Qt::Horizontal);
  split->addWidget(m_grid);
  split->addWidget(m_detail);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);

  m_stats = new DataStatsView;
  m_problems = new QTableWidget(0, 5);
  m_problems->setHorizontalHeaderLabels({tr("Kind"), tr("File"), tr("Record"), tr("Field"), tr("Message")});
  m_problems->horizontalHeader()->setStretchLastSection(true);
  m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_problems->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_problems->verticalHeader()->hide();
  m_problems->setToolTip(tr("Double-click a problem to show its sample"));

  m_tabs = new QTabWidget;
  m_tabs->addTab(split, tr("Samples"));
  m_tabs->addTab(m_stats, tr("Statistics"));
  m_tabs->addTab(m_problems, tr("Problems"));

  auto* content = new QWidget;
  auto* contentLayout = new QVBoxLayout(content);
  contentLayout->setContentsMargins(0, 0, 0, 0);
  contentLayout->addLayout(bar);
  contentLayout->addWidget(m_tabs, 1);

  auto* messagePage = new QWidget;
  m_message = new QLabel;
  m_message->setAlignment(Qt::AlignCenter);
  m_message->setWordWrap(true);
  m_generateButton = new QPushButton(tr("Generate the synthetic dataset"));
  m_generateProgress = new QProgressBar;
  m_generateProgress->setTextVisible(true);
  m_generateProgress->hide();
  m_cancelButton = new QPushButton(tr("Cancel"));
  m_cancelButton->hide();
  auto* messageLayout = new QVBoxLayout(messagePage);
  messageLayout->addStretch();
  messageLayout->addWidget(m_message);
  messageLayout->addWidget(m_generateButton, 0, Qt::AlignCenter);
  messageLayout->addWidget(m_generateProgress);
  messageLayout->addWidget(m_cancelButton, 0, Qt::AlignCenter);
  messageLayout->addStretch();

  m_stack = new QStackedWidget;
  m_stack->addWidget(messagePage);
  m_stack->addWidget(content);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(m_stack);

  connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchTimer.start(); });
  for (QComboBox* box : {m_splitBox, m_domainBox, m_typeBox})
    connect(box, &QComboBox::currentIndexChanged, this, [this] {
      if (!m_fillingBoxes) applyFilter();
    });
  connect(m_datasetBox, &QComboBox::activated, this, &DataBrowserPanel::onDatasetChosen);
  connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this, &DataBrowserPanel::showSelected);
  connect(m_problems, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
    if (!jumpToProblem(row)) Q_EMIT statusMessage(tr("That record was not loaded, so there is no sample to show."));
  });
  connect(m_generateButton, &QPushButton::clicked, this, &DataBrowserPanel::generateData);
  connect(m_cancelButton, &QPushButton::clicked, m_generator, &RunLauncher::cancel);
}

void DataBrowserPanel::setProject(const QString& projectDir) {
  m_projectDir = projectDir;
  m_specs = projectDatasetSpecs(projectDir);
  m_datasetBox->clear();
  m_datasetBox->addItem(tr("All project datasets"), m_specs);
  for (const QString& spec : m_specs) m_datasetBox->addItem(QFileInfo(spec).completeBaseName(), QStringList{spec});
  if (m_specs.isEmpty()) {
    showMessage(tr("This project lists no datasets (datasets/*.json)."), false);
    return;
  }
  loadPaths(m_specs);
}

void DataBrowserPanel::clearProject() {
  m_projectDir.clear();
  m_specs.clear();
  m_datasetBox->clear();
  m_model->setDataset(nullptr);
  m_detail->clear();
  showMessage(tr("No project open \u2014 File > Open Project\u2026"), false);
}

void DataBrowserPanel::onDatasetChosen(int index) { loadPaths(m_datasetBox->itemData(index).toStringList()); }

void DataBrowserPanel::loadPaths(const QStringList& paths) {
  m_load.waitForFinished();  // one load at a time; the newest request wins
  showMessage(tr("Loading %1\u2026").arg(paths.join(QStringLiteral(", "))), false);
  m_load.setFuture(loadBrowserDataAsync(paths));
}

bool DataBrowserPanel::isLoading() const { return m_load.isRunning(); }

void DataBrowserPanel::onLoaded() { showData(m_load.result()); }

void DataBrowserPanel::showData(const LoadedBrowserData& result) {
  if (!result.dataset) {
    // Nothing readable: the usual reason in a fresh project is a synthetic set not yet made.
    const bool canGenerate = !m_projectDir.isEmpty() && !m_cliPath.isEmpty() && syntheticDataGeneration(m_projectDir).ok();
    showMessage(canGenerate ? tr("The synthetic dataset has not been generated yet.\n\n%1").arg(result.error)
                            : tr("No dataset could be read:\n%1").arg(result.error),
                canGenerate);
    return;
  }
  if (!result.error.isEmpty()) Q_EMIT errorOccurred(result.error);
  const auto& dataset = *result.dataset;
  m_fillingBoxes = true;
  fillFilterBox(m_splitBox, dataset.splits, tr("All splits"));
  fillFilterBox(m_domainBox, dataset.domains, tr("All domains"));
  fillFilterBox(m_typeBox, dataset.questionTypes, tr("All question types"));
  m_fillingBoxes = false;
  m_search->blockSignals(true);
  m_search->clear();
  m_search->blockSignals(false);
  m_model->setDataset(result.dataset);
  m_stats->setStats(result.stats);
  fillProblems();
  m_stack->setCurrentIndex(1);
  applyFilter();
  if (m_model->rowCount() > 0) selectRow(0);
  Q_EMIT loaded(static_cast<int>(dataset.samples.size()), static_cast<int>(dataset.problems.size()), result.seconds);
  Q_EMIT statusMessage(tr("Loaded %1 images and %2 problems in %3 s")
                           .arg(QLocale().toString(qulonglong(dataset.samples.size())))
                           .arg(dataset.problems.size())
                           .arg(result.seconds, 0, 'f', 2));
}

void DataBrowserPanel::fillFilterBox(QComboBox* box, const std::vector<std::string>& values, const QString& anyLabel) {
  box->clear();
  box->addItem(anyLabel, QString());
  for (const auto& value : values) box->addItem(QString::fromStdString(value), QString::fromStdString(value));
  box->setVisible(!values.empty());
}

void DataBrowserPanel::fillProblems() {
  const auto& problems = m_model->dataset()->problems;
  m_problems->setRowCount(static_cast<int>(problems.size()));
  for (int row = 0; row < static_cast<int>(problems.size()); ++row) {
    const auto& p = problems[static_cast<std::size_t>(row)];
    const QStringList cells = {QString::fromUtf8(data::problemKindName(p.kind)), QString::fromStdString(p.file),
                               QString::fromStdString(p.record), QString::fromStdString(p.field),
                               QString::fromStdString(p.message)};
    for (int column = 0; column < cells.size(); ++column) m_problems->setItem(row, column, new QTableWidgetItem(cells[column]));
  }
  m_problems->resizeColumnsToContents();
  m_tabs->setTabText(2, problems.empty() ? tr("Problems") : tr("Problems (%1)").arg(problems.size()));
}

void DataBrowserPanel::applyFilter() {
  m_searchTimer.stop();
  const int selected = m_model->sampleAt(m_grid->currentIndex().row());
  m_model->setFilter({boxValue(m_splitBox), boxValue(m_domainBox), boxValue(m_typeBox), m_search->text()});
  const int total = m_model->dataset() ? static_cast<int>(m_model->dataset()->samples.size()) : 0;
  const QLocale locale;
  m_count->setText(tr("%1 of %2 images").arg(locale.toString(m_model->rowCount()), locale.toString(total)));
  // Keep the selection when it survives the filter, so refining a search does not lose it.
  const int row = m_model->rowOf(selected);
  if (row >= 0)
    selectRow(row);
  else if (m_model->rowCount() > 0)
    selectRow(0);
  else
    m_detail->clear();
}

void DataBrowserPanel::setSearchText(const QString& text) {
  m_search->setText(text);
  applyFilter();
}

void DataBrowserPanel::setSplitFilter(const QString& split) { selectBoxValue(m_splitBox, split); }
void DataBrowserPanel::setDomainFilter(const QString& domain) { selectBoxValue(m_domainBox, domain); }
void DataBrowserPanel::setQuestionTypeFilter(const QString& type) { selectBoxValue(m_typeBox, type); }

void DataBrowserPanel::selectRow(int row) {
  const QModelIndex index = m_model->index(row);
  m_grid->setCurrentIndex(index);
  m_grid->scrollTo(index);
}

void DataBrowserPanel::showSelected() {
  if (const BrowserSample* sample = m_model->sample(m_grid->currentIndex().row()))
    m_detail->showSample(*sample);
  else
    m_detail->clear();
}

bool DataBrowserPanel::jumpToProblem(int problemRow) {
  const BrowserDataset* dataset = m_model->dataset();
  if (!dataset || problemRow < 0 || problemRow >= static_cast<int>(dataset->problems.size())) return false;
  const int index = dataset->problemSample[static_cast<std::size_t>(problemRow)];
  if (index < 0) return false;
  if (m_model->rowOf(index) < 0) {
    m_fillingBoxes = true;
    for (QComboBox* box : {m_splitBox, m_domainBox, m_typeBox}) box->setCurrentIndex(0);
    m_fillingBoxes = false;
    m_search->blockSignals(true);
    m_search->clear();
    m_search->blockSignals(false);
    applyFilter();
  }
  m_tabs->setCurrentIndex(0);
  selectRow(m_model->rowOf(index));
  return true;
}

void DataBrowserPanel::showMessage(const QString& message, bool offerGenerate) {
  m_message->setText(message);
  m_generateButton->setVisible(offerGenerate);
  m_stack->setCurrentIndex(0);
}

QString DataBrowserPanel::countText() const { return m_count->text(); }
QString DataBrowserPanel::messageText() const { return m_stack->currentIndex() == 0 ? m_message->text() : QString(); }

void DataBrowserPanel::generateData() {
  auto generation = syntheticDataGeneration(m_projectDir);
  if (!generation) {
    Q_EMIT errorOccurred(QString::fromStdString(generation.error().message));
    return;
  }
  m_generateButton->hide();
  m_generateProgress->setRange(0, 0);
  m_generateProgress->show();
  m_cancelButton->show();
  m_message->setText(tr("Generating the synthetic dataset into %1\u2026").arg(generation->root));
  m_generator->start(m_cliPath, generation->arguments, m_projectDir);
}

void DataBrowserPanel::onGenerateFinished(int exitCode, bool crashed, bool cancelled) {
  m_generateProgress->hide();
  m_cancelButton->hide();
  if (exitCode == 0 && !crashed && !cancelled) {
    loadPaths(m_specs);
    return;
  }
  showMessage(cancelled ? tr("Generation cancelled.") : tr("Generating the dataset failed (exit code %1): see the log.").arg(exitCode),
              true);
}

}  // namespace vimoe::widgets
