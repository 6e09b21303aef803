// Runs that differ only by seed, drawn as one mean line with a band (TensorBoard's oldest open
// request, tensorflow/tensorboard#376). A study with seeds names its runs
// "<study>/<variant>/seed<N>" (core/src/study/study_runner.cpp): the name without that last
// part is what the seeds of one variant share.
#pragma once

#include <QString>
#include <QVector>

namespace vimoe::widgets {

// "dense-vs-moe/dense/seed2" -> "dense-vs-moe/dense"; a name without the suffix is returned as is.
QString seedGroupName(const QString& runName);

struct StepCurve {
  QVector<double> steps;   // increasing
  QVector<double> values;  // NaN / inf allowed
};

struct SeedBand {
  QVector<double> steps;
  QVector<double> mean;
  QVector<double> lower, upper;  // mean -/+ the sample standard deviation over the seeds
};

// At every step that each curve logged with a finite value (a live seed that is behind ends the
// band where it is): the mean and mean -/+ sample std over the curves.
SeedBand seedBand(const QVector<StepCurve>& curves);

}  // namespace vimoe::widgets
