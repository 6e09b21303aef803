// DataStatsView: the statistics of the loaded dataset as plots — caption lengths in
// syllables, question types, visual domains, the most frequent answers — under a line of
// totals (images, captions, questions, vocabulary).
#pragma once

#include <QWidget>

#include "vimoe/data/dataset_stats.h"

class QLabel;

namespace vimoe::widgets {

class BarChart;

class DataStatsView : public QWidget {
  Q_OBJECT

 public:
  explicit DataStatsView(QWidget* parent = nullptr);

  void setStats(const data::DatasetStats& stats);
  void clear();
  QString summaryText() const;
  BarChart* captionLengthChart() const { return m_lengths; }
  BarChart* questionTypeChart() const { return m_types; }
  BarChart* domainChart() const { return m_domains; }
  BarChart* answerChart() const { return m_answers; }

 private:
  QLabel* m_summary;
  BarChart* m_lengths;
  BarChart* m_types;
  BarChart* m_domains;
  BarChart* m_answers;
};

}  // namespace vimoe::widgets
