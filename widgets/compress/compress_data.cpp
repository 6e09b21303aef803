#include "compress/compress_data.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace vimoe::widgets {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QJsonDocument parse(const std::string& json) {
  return QJsonDocument::fromJson(QByteArray::fromStdString(json));
}

CompressPlan& planFor(QVector<CompressPlan>& plans, const QString& name) {
  for (auto& p : plans)
    if (p.name == name) return p;
  CompressPlan plan;
  plan.name = name;
  plan.metric = plan.reportMetric = plan.sizeRatio = plan.modelSizeRatio = kNaN;
  plan.params = plan.macs = plan.bytes = plan.paramsBefore = plan.macsBefore = plan.bytesBefore = plan.seconds = kNaN;
  plans << plan;
  return plans.back();
}

void readSummary(CompressPlan& plan, const QJsonObject& s) {
  plan.paramsBefore = s.value(QStringLiteral("params_before")).toDouble(kNaN);
  plan.macsBefore = s.value(QStringLiteral("macs_before")).toDouble(kNaN);
  plan.bytesBefore = s.value(QStringLiteral("bytes_before")).toDouble(kNaN);
  plan.ranks.clear();
  for (const QJsonValue& v : s.value(QStringLiteral("plan")).toArray()) {
    const QJsonObject c = v.toObject();
    plan.ranks << qMakePair(c.value(QStringLiteral("method")).toString(), c.value(QStringLiteral("rank")).toInt());
  }
}

CompressLayer readLayer(const QJsonObject& o) {
  CompressLayer l;
  l.name = o.value(QStringLiteral("name")).toString();
  l.kind = o.value(QStringLiteral("kind")).toString();
  l.method = o.value(QStringLiteral("method")).toString();
  l.expert = o.value(QStringLiteral("expert")).toInt(-1);
  l.rows = o.value(QStringLiteral("rows")).toInt();
  l.cols = o.value(QStringLiteral("cols")).toInt();
  l.rank = o.value(QStringLiteral("rank")).toInt();
  l.maxRank = o.value(QStringLiteral("max_rank")).toInt();
  l.paramsBefore = o.value(QStringLiteral("params_before")).toDouble();
  l.paramsAfter = o.value(QStringLiteral("params_after")).toDouble();
  l.keepRatio = o.value(QStringLiteral("keep_ratio")).toDouble(1.0);
  l.relativeError = o.value(QStringLiteral("relative_error")).toDouble();
  l.sensitivity = o.value(QStringLiteral("sensitivity")).toDouble();
  return l;
}

QVector<double> valuesOf(const std::map<std::string, std::vector<store::ScalarPoint>>& scalars, const char* key,
                         QVector<double>* steps = nullptr) {
  QVector<double> values;
  const auto it = scalars.find(key);
  if (it == scalars.end()) return values;
  for (const auto& p : it->second) {
    values << p.value;
    if (steps) *steps << double(p.step);
  }
  return values;
}

}  // namespace

const CompressPlan* CompressRun::plan(const QString& planName) const {
  for (const auto& p : plans)
    if (p.name == planName) return &p;
  return nullptr;
}

CompressRun compressRunFromStore(const store::RunInfo& info, const std::vector<store::EvalRow>& evals,
                                 const std::map<std::string, std::vector<store::ScalarPoint>>& scalars) {
  CompressRun run;
  run.runId = info.id;
  run.name = QString::fromStdString(info.name);
  run.status = QString::fromLatin1(store::runStatusName(info.status));
  run.parentRunId = info.parentRunId.value_or(-1);
  const QJsonObject config = parse(info.configJson).object();
  run.agent = config.value(QStringLiteral("agent")).toString();
  run.budget = config.value(QStringLiteral("budget")).toDouble();
  run.episodes = config.value(QStringLiteral("episodes")).toInt();
  const QJsonValue methods = config.value(QStringLiteral("methods"));
  if (methods.isArray()) {
    QStringList names;
    for (const QJsonValue& m : methods.toArray()) names << m.toString();
    run.methods = names.join(QLatin1Char(','));
  } else {
    run.methods = methods.toString();
  }

  planFor(run.plans, QStringLiteral("dense"));  // dense first, the "before" of every row
  for (const auto& eval : evals) {
    if (eval.split != "compress") continue;
    const QString metric = QString::fromStdString(eval.metric);
    if (metric == QStringLiteral("chosen/layers")) {
      const QJsonObject d = parse(eval.detailsJson).object();
      run.writtenPlan = d.value(QStringLiteral("plan")).toString();
      for (const QJsonValue& v : d.value(QStringLiteral("layers")).toArray()) run.layers << readLayer(v.toObject());
      continue;
    }
    if (metric == QStringLiteral("pareto/points")) {
      for (const QJsonValue& v : parse(eval.detailsJson).array()) {
        const QJsonObject o = v.toObject();
        run.pareto << ParetoPoint{o.value(QStringLiteral("source")).toString(), o.value(QStringLiteral("episode")).toInt(-1),
                                  o.value(QStringLiteral("size_ratio")).toDouble(kNaN),
                                  o.value(QStringLiteral("metric")).toDouble(kNaN), o.value(QStringLiteral("on_front")).toBool()};
      }
      continue;
    }
    const int slash = static_cast<int>(metric.indexOf(QLatin1Char('/')));
    if (slash <= 0) continue;
    const QString name = metric.left(slash), field = metric.mid(slash + 1);
    if (name == QStringLiteral("factors")) continue;
    CompressPlan& plan = planFor(run.plans, name);
    if (field == QStringLiteral("metric")) {
      plan.metric = eval.value;
      readSummary(plan, parse(eval.detailsJson).object());
    } else if (field == QStringLiteral("report_metric")) {
      plan.reportMetric = eval.value;
    } else if (field == QStringLiteral("size_ratio")) {
      plan.sizeRatio = eval.value;
    } else if (field == QStringLiteral("model_size_ratio")) {
      plan.modelSizeRatio = eval.value;
    } else if (field == QStringLiteral("params")) {
      plan.params = eval.value;
    } else if (field == QStringLiteral("macs")) {
      plan.macs = eval.value;
    } else if (field == QStringLiteral("bytes")) {
      plan.bytes = eval.value;
    } else if (field == QStringLiteral("seconds")) {
      plan.seconds = eval.value;
    }
  }
  // A run still searching has no plan rows yet: only its curves.
  if (run.plans.size() == 1 && std::isnan(run.plans.front().metric)) run.plans.clear();
  run.reward = valuesOf(scalars, "rl/reward", &run.episodeSteps);
  run.baseline = valuesOf(scalars, "rl/baseline");
  run.bestReward = valuesOf(scalars, "rl/best_reward");
  return run;
}

QVector<RankBar> rankBars(const CompressRun& run, const QString& planName) {
  QVector<RankBar> bars;
  const CompressPlan* plan = run.plan(planName);
  const bool written = planName == run.writtenPlan || !plan || plan->ranks.size() != run.layers.size();
  for (int i = 0; i < run.layers.size(); ++i) {
    const CompressLayer& layer = run.layers[i];
    RankBar bar;
    bar.layer = layer.name;
    bar.maxRank = layer.maxRank;
    if (written) {
      bar.method = layer.method;
      bar.rank = layer.rank;
    } else {
      bar.method = plan->ranks[i].first;
      bar.rank = plan->ranks[i].second;
    }
    bar.share = bar.rank <= 0 || bar.maxRank <= 0 ? 1.0 : double(bar.rank) / bar.maxRank;
    bars << bar;
  }
  return bars;
}

QVector<ParetoPoint> paretoFront(const QVector<ParetoPoint>& points) {
  QVector<ParetoPoint> front;
  for (const auto& p : points)
    if (p.onFront && std::isfinite(p.sizeRatio) && std::isfinite(p.metric)) front << p;
  std::sort(front.begin(), front.end(), [](const ParetoPoint& a, const ParetoPoint& b) {
    return a.sizeRatio != b.sizeRatio ? a.sizeRatio < b.sizeRatio : a.metric < b.metric;
  });
  return front;
}

void registerCompressTypes() {
  qRegisterMetaType<CompressSnapshot>();
}

}  // namespace vimoe::widgets
