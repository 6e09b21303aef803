#include "robust/attack_data.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace vimoe::widgets {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const QString kRoutingPrefix = QStringLiteral("attack/routing_change/");
const QString kLipschitzPrefix = QStringLiteral("lipschitz/");

QJsonObject parseObject(const std::string& json) {
  const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json));
  return doc.isObject() ? doc.object() : QJsonObject{};
}

AttackEpsRow& rowFor(QVector<AttackEpsRow>& rows, const QString& epsText, double eps) {
  for (auto& row : rows)
    if (row.epsText == epsText) return row;
  AttackEpsRow row;
  row.epsText = epsText;
  row.eps = eps;
  row.clean = row.adversarial = row.predictionChange = row.routingChange = kNaN;
  rows << row;
  return rows.back();
}

void sortRows(QVector<AttackEpsRow>& rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const AttackEpsRow& a, const AttackEpsRow& b) { return a.eps < b.eps; });
}

QVector<int> intList(const QJsonValue& value) {
  QVector<int> out;
  for (const QJsonValue& v : value.toArray()) out << v.toInt(-1);
  return out;
}

QString fileIn(const QString& dir, const QJsonValue& name) {
  const QString file = name.toString();
  return file.isEmpty() ? QString() : QDir(dir).absoluteFilePath(file);
}

}  // namespace

const AttackEpsRow* AttackRun::rowAt(const QString& text) const {
  for (const auto& row : rows)
    if (row.epsText == text) return &row;
  return nullptr;
}

double parseEps(const QString& text) {
  const QString trimmed = text.trimmed();
  bool ok = false;
  if (const int slash = static_cast<int>(trimmed.indexOf(QLatin1Char('/'))); slash > 0) {
    bool okDenominator = false;
    const double numerator = trimmed.left(slash).toDouble(&ok);
    const double denominator = trimmed.mid(slash + 1).toDouble(&okDenominator);
    return ok && okDenominator && denominator != 0 ? numerator / denominator : kNaN;
  }
  const double value = trimmed.toDouble(&ok);
  return ok && value >= 0 && value <= 1 ? value : kNaN;  // the CLI takes radii on [0, 1]
}

AttackRun attackRunFromStore(const store::RunInfo& info, const std::vector<store::EvalRow>& evals,
                             const std::vector<std::string>& moeLayers) {
  AttackRun run;
  run.runId = info.id;
  run.name = QString::fromStdString(info.name);
  run.status = QString::fromLatin1(store::runStatusName(info.status));
  run.parentRunId = info.parentRunId.value_or(-1);
  run.reportDir = QString::fromStdString(info.checkpointDir);
  for (const auto& layer : moeLayers) run.layers << QString::fromStdString(layer);
  const QJsonObject config = parseObject(info.configJson);
  run.attack = config.value(QStringLiteral("attack")).toString();
  run.samples = config.value(QStringLiteral("samples")).toInteger();
  run.auxLoss = config.value(QStringLiteral("aux_loss")).toBool();
  const QString target = config.value(QStringLiteral("target")).toString();
  if (target != QStringLiteral("auto")) run.task = target;

  for (const auto& eval : evals) {
    const QString split = QString::fromStdString(eval.split);
    const QString metric = QString::fromStdString(eval.metric);
    if (split == QStringLiteral("lipschitz") && metric.startsWith(kLipschitzPrefix)) {
      run.lipschitz << LipschitzEntry{metric.mid(kLipschitzPrefix.size()), eval.value};
      continue;
    }
    if (!metric.startsWith(QStringLiteral("attack/"))) continue;
    const QJsonObject details = parseObject(eval.detailsJson);
    double eps = details.value(QStringLiteral("eps")).toDouble(kNaN);
    if (std::isnan(eps)) eps = parseEps(split);
    if (const QString task = details.value(QStringLiteral("task")).toString(); !task.isEmpty()) run.task = task;
    if (const QString m = details.value(QStringLiteral("metric")).toString(); !m.isEmpty()) run.metric = m;
    AttackEpsRow& row = rowFor(run.rows, split, eps);
    if (metric == QStringLiteral("attack/clean"))
      row.clean = eval.value;
    else if (metric == QStringLiteral("attack/adversarial"))
      row.adversarial = eval.value;
    else if (metric == QStringLiteral("attack/prediction_change"))
      row.predictionChange = eval.value;
    else if (metric == QStringLiteral("attack/routing_change"))
      row.routingChange = eval.value;
    else if (metric.startsWith(kRoutingPrefix))
      row.routingPerLayer.insert(metric.mid(kRoutingPrefix.size()), eval.value);
  }
  sortRows(run.rows);
  // Older stores may lack the moe_layer rows of an attack run: the per-layer rows name them.
  if (run.layers.isEmpty())
    for (const auto& row : run.rows)
      for (auto it = row.routingPerLayer.begin(); it != row.routingPerLayer.end(); ++it)
        if (!run.layers.contains(it.key())) run.layers << it.key();
  if (run.metric.isEmpty()) run.metric = run.task == QStringLiteral("caption") ? QStringLiteral("nll") : QStringLiteral("accuracy");
  return run;
}

bool applyAttackReport(AttackRun& run, const QByteArray& json, const QString& reportDir) {
  QJsonParseError error;
  const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
  if (!doc.isObject()) {
    run.reportProblem = QObject::tr("report.json is not a JSON object (%1)").arg(error.errorString());
    return false;
  }
  const QJsonObject report = doc.object();
  auto text = [&](const char* key, QString& into) {
    if (const QString value = report.value(QLatin1String(key)).toString(); !value.isEmpty()) into = value;
  };
  text("task", run.task);
  text("attack", run.attack);
  text("metric", run.metric);
  if (report.contains(QStringLiteral("samples"))) run.samples = report.value(QStringLiteral("samples")).toInteger();
  if (run.layers.isEmpty())
    for (const QJsonValue& layer : report.value(QStringLiteral("layers")).toArray()) run.layers << layer.toString();

  // Rows the store does not have yet (the report is written before the eval rows).
  for (const QJsonValue& value : report.value(QStringLiteral("rows")).toArray()) {
    const QJsonObject r = value.toObject();
    const QString eps = r.value(QStringLiteral("eps_text")).toString();
    if (eps.isEmpty() || run.rowAt(eps)) continue;
    AttackEpsRow& row = rowFor(run.rows, eps, r.value(QStringLiteral("eps")).toDouble(parseEps(eps)));
    row.clean = r.value(QStringLiteral("clean")).toDouble(kNaN);
    row.adversarial = r.value(QStringLiteral("adversarial")).toDouble(kNaN);
    row.predictionChange = r.value(QStringLiteral("prediction_change")).toDouble(kNaN);
    const QJsonObject perLayer = r.value(QStringLiteral("routing_change_per_layer")).toObject();
    if (!perLayer.isEmpty()) row.routingChange = r.value(QStringLiteral("routing_change")).toDouble(kNaN);
    for (auto it = perLayer.begin(); it != perLayer.end(); ++it) row.routingPerLayer.insert(it.key(), it.value().toDouble());
  }
  sortRows(run.rows);

  run.examples.clear();
  for (const QJsonValue& value : report.value(QStringLiteral("examples")).toArray()) {
    const QJsonObject e = value.toObject();
    AttackExample ex;
    ex.sample = e.value(QStringLiteral("sample")).toInt();
    ex.eps = e.value(QStringLiteral("eps")).toDouble();
    ex.prompt = e.value(QStringLiteral("prompt")).toString();
    ex.truth = e.value(QStringLiteral("truth")).toString();
    ex.cleanPrediction = e.value(QStringLiteral("clean_prediction")).toString();
    ex.adversarialPrediction = e.value(QStringLiteral("adversarial_prediction")).toString();
    ex.cleanConfidence = e.value(QStringLiteral("clean_confidence")).toDouble(kNaN);
    ex.adversarialConfidence = e.value(QStringLiteral("adversarial_confidence")).toDouble(kNaN);
    ex.cleanFile = fileIn(reportDir, e.value(QStringLiteral("clean_image")));
    ex.adversarialFile = fileIn(reportDir, e.value(QStringLiteral("adversarial_image")));
    ex.differenceFile = fileIn(reportDir, e.value(QStringLiteral("difference_image")));
    ex.imageSize = e.value(QStringLiteral("image_size")).toInt();
    const QJsonObject before = e.value(QStringLiteral("experts_before")).toObject();
    const QJsonObject after = e.value(QStringLiteral("experts_after")).toObject();
    // QJsonObject sorts its keys; the report's layer order is the model's.
    QStringList order = run.layers;
    for (const QString& key : before.keys())
      if (!order.contains(key)) order << key;
    for (const QString& layer : order) {
      if (!before.contains(layer)) continue;
      ex.layers << layer;
      ex.expertsBefore.insert(layer, intList(before.value(layer)));
      ex.expertsAfter.insert(layer, intList(after.value(layer)));
    }
    run.examples << ex;
  }
  run.reportProblem.clear();
  return true;
}

void loadAttackReport(AttackRun& run) {
  if (run.reportDir.isEmpty()) return;
  QFile file(QDir(run.reportDir).filePath(QStringLiteral("report.json")));
  if (!file.exists()) {
    // A running sweep writes its report at the end.
    if (run.status != QStringLiteral("running") && run.status != QStringLiteral("queued"))
      run.reportProblem = QObject::tr("No report.json in %1").arg(run.reportDir);
    return;
  }
  if (!file.open(QIODevice::ReadOnly)) {
    run.reportProblem = QObject::tr("Cannot read %1: %2").arg(file.fileName(), file.errorString());
    return;
  }
  if (!applyAttackReport(run, file.readAll(), run.reportDir)) return;
  for (auto& ex : run.examples) {
    ex.clean = ex.cleanFile.isEmpty() ? QImage() : QImage(ex.cleanFile);
    ex.adversarial = ex.adversarialFile.isEmpty() ? QImage() : QImage(ex.adversarialFile);
    ex.difference = ex.differenceFile.isEmpty() ? QImage() : QImage(ex.differenceFile);
  }
}

QVector<QPointF> metricCurve(const AttackRun& run) {
  QVector<QPointF> points;
  for (const auto& row : run.rows) {
    if (points.isEmpty() && std::isfinite(row.clean)) points << QPointF(0.0, row.clean);
    points << QPointF(epsTimes255(row.eps), row.adversarial);
  }
  return points;
}

QVector<QPointF> predictionChangeCurve(const AttackRun& run) {
  QVector<QPointF> points;
  if (!run.rows.isEmpty()) points << QPointF(0.0, 0.0);
  for (const auto& row : run.rows) points << QPointF(epsTimes255(row.eps), row.predictionChange);
  return points;
}

PatchGrid expertGrid(const QVector<int>& experts) {
  PatchGrid grid;
  auto route = [](int token, int expert) {
    TokenRoute r;
    r.token = token;
    r.expert = expert;
    r.gate = 1.0;
    if (expert >= 0) {
      r.experts = {expert};
      r.gates = {1.0};
      r.kept = {1};
    }
    return r;
  };
  if (experts.isEmpty()) return grid;
  grid.classToken = route(0, experts.front());
  if (experts.size() < 2) return grid;
  grid.side = static_cast<int>(std::floor(std::sqrt(static_cast<double>(experts.size() - 1)) + 1e-9));
  for (int t = 1; t <= grid.side * grid.side; ++t) grid.patches << route(t, experts[t]);
  return grid;
}

PatchChange patchChange(const QVector<int>& before, const QVector<int>& after) {
  PatchChange change;
  if (!before.isEmpty() && !after.isEmpty()) change.classTokenChanged = before.front() != after.front();
  const int tokens = static_cast<int>(std::min(before.size(), after.size()));
  const int side = tokens > 1 ? static_cast<int>(std::floor(std::sqrt(double(tokens - 1)) + 1e-9)) : 0;
  change.patches = side * side;
  change.changedMask = QVector<bool>(change.patches, false);
  for (int p = 0; p < change.patches; ++p) {
    const bool changed = before[p + 1] != after[p + 1];
    change.changedMask[p] = changed;
    change.changed += changed ? 1 : 0;
  }
  return change;
}

QString epsText(const AttackRun& run, double eps) {
  for (const auto& row : run.rows)
    if (std::abs(row.eps - eps) < 1e-9) return row.epsText;
  const double n = eps * 255.0;
  if (std::abs(n - std::round(n)) < 1e-6) return QStringLiteral("%1/255").arg(std::llround(n));
  return QString::number(eps, 'g', 4);
}

void registerAttackTypes() {
  qRegisterMetaType<AttackSnapshot>();
}

}  // namespace vimoe::widgets
