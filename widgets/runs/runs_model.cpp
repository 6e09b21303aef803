#include "runs/runs_model.h"

#include <QColor>
#include <QDateTime>

#include <cmath>

#include "bridge/progress_line.h"

namespace vimoe::widgets {
namespace {

const QString kTrainLoss = QStringLiteral("train/loss");
const QString kValR1I2T = QStringLiteral("val/r1_i2t");
const QString kValR1T2I = QStringLiteral("val/r1_t2i");

QString noValue() {
  return QString(QChar(0x2014));  // em dash: "not logged (yet)"
}

QVariant metricText(const RunSummary& run, const QString& key, bool percent) {
  auto it = run.latest.constFind(key);
  if (it == run.latest.constEnd()) return noValue();
  const double v = it.value();
  if (!std::isfinite(v)) return QString::number(v);  // "nan", "inf": a diverged value must show
  return percent ? QStringLiteral("%1%").arg(100.0 * v, 0, 'f', 1) : QString::number(v, 'f', 4);
}

QVariant metricValue(const RunSummary& run, const QString& key) {
  auto it = run.latest.constFind(key);
  return it == run.latest.constEnd() ? QVariant() : QVariant(it.value());
}

// Running: elapsed x (left / done), as a progress bar's ETA; ended: wall time of the run.
QVariant timeText(const RunSummary& run, double now) {
  if (run.startedAt <= 0) return noValue();
  if (run.status == QLatin1String("running")) {
    if (run.step <= 0 || run.totalSteps <= run.step) return noValue();
    const double elapsed = now - run.startedAt;
    return RunsModel::tr("%1 left").arg(formatDuration(elapsed * double(run.totalSteps - run.step) / double(run.step)));
  }
  return run.endedAt > run.startedAt ? QVariant(formatDuration(run.endedAt - run.startedAt)) : noValue();
}

QString taskMetricKey(const RunSummary& run) {
  if (run.kind == QLatin1String("caption")) return QStringLiteral("val/cider_d");
  if (run.kind == QLatin1String("vqa")) return QStringLiteral("val/exact_match");
  return {};
}

QVariant taskMetricText(const RunSummary& run) {
  const QString key = taskMetricKey(run);
  if (key.isEmpty()) return noValue();
  const QVariant value = metricText(run, key, run.kind == QLatin1String("vqa"));
  return value.toString() == noValue() ? value
                                       : QVariant((run.kind == QLatin1String("vqa") ? QStringLiteral("EM ") : QStringLiteral("CIDEr-D ")) +
                                                  value.toString());
}

QColor statusColor(const QString& status) {
  if (status == QLatin1String("running")) return QColor(0, 114, 178);
  if (status == QLatin1String("failed") || status == QLatin1String("diverged")) return QColor(200, 40, 40);
  if (status == QLatin1String("cancelled")) return QColor(190, 120, 0);
  if (status == QLatin1String("lost")) return QColor(150, 60, 150);
  return {};
}

}  // namespace

RunsModel::RunsModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunsModel::setRuns(const QVector<RunSummary>& runs) {
  bool samePrefix = runs.size() >= m_runs.size();
  for (int i = 0; samePrefix && i < m_runs.size(); ++i) samePrefix = runs[i].id == m_runs[i].id;
  if (!samePrefix) {
    beginResetModel();
    m_runs = runs;
    endResetModel();
    return;
  }
  const int old = static_cast<int>(m_runs.size());
  for (int i = 0; i < old; ++i) m_runs[i] = runs[i];
  if (old > 0) Q_EMIT dataChanged(index(0, 0), index(old - 1, ColumnCount - 1));
  if (runs.size() > old) {
    beginInsertRows({}, old, static_cast<int>(runs.size()) - 1);
    for (int i = old; i < runs.size(); ++i) m_runs << runs[i];
    endInsertRows();
  }
}

int RunsModel::rowOfRun(qint64 runId) const {
  for (int i = 0; i < m_runs.size(); ++i)
    if (m_runs[i].id == runId) return i;
  return -1;
}

const RunSummary* RunsModel::runById(qint64 runId) const {
  const int row = rowOfRun(runId);
  return row < 0 ? nullptr : &m_runs[row];
}

int RunsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunsModel::display(const RunSummary& run, int column) const {
  switch (column) {
    case Id:
      return run.id;
    case Name:
      return run.name;
    case Kind:
      return run.isMoe() ? tr("%1 · MoE").arg(run.kind) : run.kind;
    case Status:
      return run.status;
    case Step:
      return run.totalSteps > 0 ? QStringLiteral("%1 / %2").arg(run.step).arg(run.totalSteps)
                                : QString::number(run.step);
    case Time:
      return timeText(run, m_fixedNow > 0 ? m_fixedNow : double(QDateTime::currentMSecsSinceEpoch()) / 1000.0);
    case TrainLoss:
      return metricText(run, kTrainLoss, false);
    case ValR1ImageToText:
      return metricText(run, kValR1I2T, true);
    case ValR1TextToImage:
      return metricText(run, kValR1T2I, true);
    case TaskMetric:
      return taskMetricText(run);
    case Tags:
      return run.tags;
    case Notes:
      return run.notes.section(QLatin1Char('\n'), 0, 0);  // the first line; the tooltip has all
    default:
      return {};
  }
}

QVariant RunsModel::sortValue(const RunSummary& run, int column) const {
  switch (column) {
    case Step:
      return run.step;
    case TrainLoss:
      return metricValue(run, kTrainLoss);
    case ValR1ImageToText:
      return metricValue(run, kValR1I2T);
    case ValR1TextToImage:
      return metricValue(run, kValR1T2I);
    case TaskMetric:
      return metricValue(run, taskMetricKey(run));
    default:
      return display(run, column);
  }
}

QVariant RunsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= m_runs.size()) return {};
  const RunSummary& run = m_runs[index.row()];
  switch (role) {
    case Qt::DisplayRole:
      return display(run, index.column());
    case kSortRole:
      return sortValue(run, index.column());
    case kRunIdRole:
      return run.id;
    case Qt::ToolTipRole:
      if (index.column() == Notes && !run.notes.isEmpty()) return run.notes;
      if (index.column() == Status && run.isLost())
        return tr("Marked running, but its process is gone (killed, or the machine restarted). "
                  "Right-click > Resume continues it from its last checkpoint.");
      return run.isMoe() ? tr("%1 (MoE: %2 layers)").arg(run.name).arg(run.moeLayers.size()) : run.name;
    case Qt::TextAlignmentRole:
      return index.column() == Name || index.column() == Kind || index.column() == Status || index.column() == Tags ||
                     index.column() == Notes
                 ? int(Qt::AlignLeft | Qt::AlignVCenter)
                 : int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
      if (index.column() == Status) {
        const QColor color = statusColor(run.status);
        if (color.isValid()) return color;
      }
      return {};
    default:
      return {};
  }
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::ToolTipRole) {
    if (section == ValR1ImageToText) return tr("Validation recall@1, image to text (latest evaluation)");
    if (section == ValR1TextToImage) return tr("Validation recall@1, text to image (latest evaluation)");
    if (section == TrainLoss) return tr("Training loss at the last logged step");
    if (section == TaskMetric) return tr("Captioning: CIDEr-D; VQA: exact match (latest evaluation)");
    if (section == Time) return tr("Running: estimated time left; ended: how long the run took");
    return {};
  }
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case Id:
      return tr("ID");
    case Name:
      return tr("Name");
    case Kind:
      return tr("Kind");
    case Status:
      return tr("Status");
    case Step:
      return tr("Step");
    case Time:
      return tr("Time");
    case TrainLoss:
      return tr("Train loss");
    case ValR1ImageToText:
      return tr("R@1 i\u2192t");
    case ValR1TextToImage:
      return tr("R@1 t\u2192i");
    case TaskMetric:
      return tr("Task metric");
    case Tags:
      return tr("Tags");
    case Notes:
      return tr("Notes");
    default:
      return {};
  }
}

}  // namespace vimoe::widgets
