#include "data/data_stats_view.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "plot/bar_chart.h"

namespace vimoe::widgets {
namespace {

template <typename Map>
void fillFromMap(BarChart* chart, const Map& counts, const QString& valueLabel) {
  QStringList labels;
  QVector<double> values;
  for (const auto& [key, count] : counts) {
    if constexpr (std::is_same_v<std::decay_t<decltype(key)>, std::string>)
      labels << QString::fromStdString(key);
    else
      labels << QString::number(key);
    values << static_cast<double>(count);
  }
  chart->setBars(labels, values, valueLabel);
}

}  // namespace

DataStatsView::DataStatsView(QWidget* parent) : QWidget(parent) {
  m_summary = new QLabel;
  m_summary->setWordWrap(true);
  m_lengths = new BarChart(tr("Caption length (syllables)"));
  m_types = new BarChart(tr("Question types"));
  m_domains = new BarChart(tr("Visual domains (images)"));
  m_answers = new BarChart(tr("Most frequent answers"));
  auto* grid = new QGridLayout;
  grid->addWidget(m_lengths, 0, 0);
  grid->addWidget(m_types, 0, 1);
  grid->addWidget(m_domains, 1, 0);
  grid->addWidget(m_answers, 1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_summary);
  layout->addLayout(grid, 1);
}

void DataStatsView::setStats(const data::DatasetStats& stats) {
  const QLocale locale;
  m_summary->setText(tr("%1 images \u00b7 %2 captions \u00b7 %3 questions (%4 with placeholder answers) \u00b7 "
                        "vocabulary %5 syllables \u00b7 %6 distinct answers")
                         .arg(locale.toString(qulonglong(stats.images)), locale.toString(qulonglong(stats.captions)),
                              locale.toString(qulonglong(stats.questions)),
                              locale.toString(qulonglong(stats.placeholderQuestions)),
                              locale.toString(qulonglong(stats.vocabulary)),
                              locale.toString(qulonglong(stats.distinctAnswers))));
  fillFromMap(m_lengths, stats.captionLengths, tr("captions"));
  fillFromMap(m_types, stats.questionTypes, tr("questions"));
  fillFromMap(m_domains, stats.domains, tr("images"));
  QStringList labels;
  QVector<double> values;
  for (const auto& [answer, count] : stats.topAnswers) {
    labels << QString::fromStdString(answer);
    values << static_cast<double>(count);
  }
  m_answers->setBars(labels, values, tr("questions"));
}

void DataStatsView::clear() {
  m_summary->clear();
  for (BarChart* chart : {m_lengths, m_types, m_domains, m_answers}) chart->clear();
}

QString DataStatsView::summaryText() const { return m_summary->text(); }

}  // namespace vimoe::widgets
