#include "compare/seed_band.h"

#include <QRegularExpression>

#include <cmath>

namespace vimoe::widgets {

QString seedGroupName(const QString& runName) {
  static const QRegularExpression suffix(QStringLiteral("/seed\\d+$"));
  QString name = runName;
  name.remove(suffix);
  return name;
}

SeedBand seedBand(const QVector<StepCurve>& curves) {
  SeedBand band;
  if (curves.isEmpty()) return band;
  // Walk all curves together: each has increasing steps, so one pass finds the common ones.
  QVector<int> at(curves.size(), 0);
  const auto count = static_cast<double>(curves.size());
  while (true) {
    double step = -INFINITY;
    bool exhausted = false;
    for (int c = 0; c < curves.size(); ++c) {
      if (at[c] >= curves[c].steps.size()) exhausted = true;
      else step = std::max(step, curves[c].steps[at[c]]);
    }
    if (exhausted) break;
    bool aligned = true;
    for (int c = 0; c < curves.size(); ++c) {
      while (at[c] < curves[c].steps.size() && curves[c].steps[at[c]] < step) ++at[c];
      if (at[c] >= curves[c].steps.size()) return band;
      aligned = aligned && curves[c].steps[at[c]] == step;
    }
    if (!aligned) continue;
    double sum = 0, squares = 0;
    bool finite = true;
    for (int c = 0; c < curves.size(); ++c) {
      const double v = at[c] < curves[c].values.size() ? curves[c].values[at[c]] : NAN;
      finite = finite && std::isfinite(v);
      sum += v;
      ++at[c];
    }
    if (!finite) continue;
    const double mean = sum / count;
    for (int c = 0; c < curves.size(); ++c) {
      const double d = curves[c].values[at[c] - 1] - mean;
      squares += d * d;
    }
    const double std = curves.size() > 1 ? std::sqrt(squares / (count - 1)) : 0.0;
    band.steps << step;
    band.mean << mean;
    band.lower << mean - std;
    band.upper << mean + std;
  }
  return band;
}

}  // namespace vimoe::widgets
