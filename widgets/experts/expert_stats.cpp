#include "experts/expert_stats.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <set>

#include "vimoe/store/expert_flags.h"

namespace vimoe::widgets {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

template <class Row>
qint64 nearestStep(const QVector<Row>& rows, qint64 step) {
  qint64 best = -1;
  for (const auto& row : rows)
    if (best < 0 || std::abs(row.step - step) < std::abs(best - step) ||
        (std::abs(row.step - step) == std::abs(best - step) && row.step < best))
      best = row.step;
  return best;
}

int expertsOf(const QVector<store::ExpertLoadRow>& rows) {
  int experts = 0;
  for (const auto& row : rows) experts = std::max(experts, row.expert + 1);
  return experts;
}

}  // namespace

QVector<qint64> expertLoadSteps(const QVector<store::ExpertLoadRow>& rows) {
  std::set<qint64> steps;
  for (const auto& row : rows) steps.insert(row.step);
  return QVector<qint64>(steps.begin(), steps.end());
}

LayerExpertGrid buildLayerExpertGrid(const QVector<store::ExpertLoadRow>& rows, int layers, qint64 step) {
  LayerExpertGrid grid;
  grid.step = step;
  grid.layers = std::max(0, layers);
  grid.experts = expertsOf(rows);
  const int cells = grid.layers * grid.experts;
  grid.share = QVector<double>(cells, kNaN);
  grid.dead = QVector<bool>(cells, false);
  grid.overloaded = QVector<bool>(cells, false);
  for (const auto& row : rows)
    if (row.step == step && row.layer >= 0 && row.layer < grid.layers && row.expert >= 0)
      grid.share[grid.index(row.layer, row.expert)] = row.fraction;
  for (int i = 0; i < cells; ++i) {
    if (std::isnan(grid.share[i])) continue;  // a layer without this snapshot is not dead
    grid.dead[i] = store::isDeadExpert(grid.share[i], grid.experts);
    grid.overloaded[i] = store::isOverloadedExpert(grid.share[i], grid.experts);
  }
  return grid;
}

QVector<LayerCurve> droppedShareCurves(const QVector<store::ExpertLoadRow>& rows, int layers) {
  QVector<LayerCurve> curves;
  for (int layer = 0; layer < layers; ++layer) {
    std::map<qint64, std::pair<double, double>> byStep;  // step -> (dropped, tokens)
    for (const auto& row : rows) {
      if (row.layer != layer) continue;
      auto& [dropped, tokens] = byStep[row.step];
      dropped += row.dropped;
      tokens += row.tokens;
    }
    LayerCurve curve;
    curve.layer = layer;
    for (const auto& [step, counts] : byStep) {
      curve.steps << static_cast<double>(step);
      curve.values << (counts.second > 0 ? counts.first / counts.second : kNaN);
    }
    curves << curve;
  }
  return curves;
}

QVector<LayerCurve> loadEntropyCurves(const QVector<store::ExpertLoadRow>& rows, int layers) {
  QVector<LayerCurve> curves;
  const int experts = expertsOf(rows);
  for (int layer = 0; layer < layers; ++layer) {
    std::map<qint64, double> entropy;
    for (const auto& row : rows) {
      if (row.layer != layer) continue;
      double& h = entropy[row.step];
      if (row.fraction > 0) h -= row.fraction * std::log(row.fraction);
    }
    LayerCurve curve;
    curve.layer = layer;
    for (const auto& [step, h] : entropy) {
      curve.steps << static_cast<double>(step);
      curve.values << (experts > 1 ? h / std::log(double(experts)) : kNaN);
    }
    curves << curve;
  }
  return curves;
}

ModalityShareGrid buildModalityShares(const QVector<store::ExpertLoadRow>& rows, const QStringList& layerNames,
                                      qint64 step) {
  ModalityShareGrid grid;
  grid.step = step;
  grid.experts = expertsOf(rows);
  const int layers = static_cast<int>(layerNames.size());
  for (int layer = 0; layer < layers; ++layer) {
    QVector<double> image(grid.experts, 0.0), text(grid.experts, 0.0);
    for (const auto& row : rows) {
      if (row.layer != layer || row.step != step || row.expert < 0) continue;
      image[row.expert] += row.imageTokens;
      text[row.expert] += row.textTokens;
    }
    for (auto [counts, modality] : {std::pair{&image, "image"}, std::pair{&text, "text"}}) {
      double total = 0;
      for (double c : *counts) total += c;
      if (total <= 0) continue;
      grid.rowLabels << layerNames[layer] + QStringLiteral(" \u00b7 ") + QLatin1String(modality);
      grid.rowLayers << layer;
      grid.rowModalities << QLatin1String(modality);
      grid.tokens << total;
      for (double c : *counts) grid.share << c / total;
    }
  }
  return grid;
}

double ClassExpertMatrix::classTotal(int row) const {
  double total = 0;
  for (int e = 0; e < experts; ++e) total += tokens[row * experts + e];
  return total;
}

QVector<qint64> expertClassSteps(const QVector<store::ExpertClassRow>& rows) {
  std::set<qint64> steps;
  for (const auto& row : rows) steps.insert(row.step);
  return QVector<qint64>(steps.begin(), steps.end());
}

ClassExpertMatrix buildClassExpertMatrix(const QVector<store::ExpertClassRow>& rows, int layer, qint64 step,
                                         int experts) {
  ClassExpertMatrix matrix;
  QVector<store::ExpertClassRow> ofLayer;
  for (const auto& row : rows)
    if (row.layer == layer) ofLayer << row;
  matrix.step = nearestStep(ofLayer, step);
  if (matrix.step < 0) return matrix;
  std::set<std::string> classes;
  matrix.experts = std::max(0, experts);
  for (const auto& row : ofLayer) {
    if (row.step != matrix.step) continue;
    classes.insert(row.className);
    matrix.experts = std::max(matrix.experts, row.expert + 1);
  }
  for (const auto& name : classes) matrix.classes << QString::fromStdString(name);
  matrix.tokens = QVector<double>(static_cast<int>(classes.size()) * matrix.experts, 0.0);
  for (const auto& row : ofLayer) {
    if (row.step != matrix.step || row.expert < 0) continue;
    const int r = static_cast<int>(std::distance(classes.begin(), classes.find(row.className)));
    matrix.tokens[r * matrix.experts + row.expert] += row.tokens;  // both modalities of a shared layer add up
  }
  matrix.share = matrix.tokens;
  for (int r = 0; r < matrix.classes.size(); ++r) {
    const double total = matrix.classTotal(r);
    for (int e = 0; e < matrix.experts; ++e)
      matrix.share[r * matrix.experts + e] = total > 0 ? matrix.tokens[r * matrix.experts + e] / total : 0.0;
  }
  return matrix;
}

}  // namespace vimoe::widgets
