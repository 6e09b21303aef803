// RunsModel: the runs table (one row per run in the store) over RunSummary values from the
// store poller. Updates keep rows in place (dataChanged / rowsInserted) so that the user's
// selection survives the twice-a-second refresh of a live run.
#pragma once

#include <QAbstractTableModel>
#include <QVector>

#include "bridge/store_types.h"

namespace vimoe::widgets {

class RunsModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    Id,
    Name,
    Kind,
    Status,
    Step,
    Time,  // running: estimated time left; ended: how long it ran
    TrainLoss,
    ValR1ImageToText,
    ValR1TextToImage,
    TaskMetric,  // the downstream task's headline metric: CIDEr-D (caption), exact match (vqa)
    Tags,
    Notes,
    ColumnCount
  };
  static constexpr int kRunIdRole = Qt::UserRole + 1;
  static constexpr int kSortRole = Qt::UserRole + 2;  // numbers as numbers, for a sort proxy

  explicit RunsModel(QObject* parent = nullptr);
  // The clock the Time column's ETA is computed against (tests pin it); unix seconds.
  void setNowForTests(double unixSeconds) { m_fixedNow = unixSeconds; }

  void setRuns(const QVector<vimoe::widgets::RunSummary>& runs);
  const QVector<RunSummary>& runs() const { return m_runs; }
  int rowOfRun(qint64 runId) const;  // -1 when absent
  const RunSummary* runById(qint64 runId) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  QVariant display(const RunSummary& run, int column) const;
  QVariant sortValue(const RunSummary& run, int column) const;

  QVector<RunSummary> m_runs;
  double m_fixedNow = 0;
};

}  // namespace vimoe::widgets
