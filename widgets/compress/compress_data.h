// Pure data shaping for the Compression panel: a compress run's store rows (docs/compression.md,
// "Store rows") -> the plans with their before/after figures, the written plan per layer, the
// Pareto points and the per-episode reward curves. No painting and no store connection here.
#pragma once

#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include <map>
#include <string>
#include <vector>

#include "vimoe/store/run_store.h"

namespace vimoe::widgets {

// One factorisable matrix of the written plan (a `chosen/layers` entry).
struct CompressLayer {
  QString name;  // "image.blocks.1.moe.w1[2]"
  QString kind;  // attn_qkv | ffn_fc1 | expert_w1 | ...
  QString method;  // dense | svd | rsvd | asvd | cur | nmf
  int expert = -1;
  int rows = 0, cols = 0;
  int rank = 0, maxRank = 0;  // rank 0 = kept dense
  double paramsBefore = 0, paramsAfter = 0;
  double keepRatio = 1;  // params after / before
  double relativeError = 0;
  double sensitivity = 0;

  // Kept rank / full rank: 1 for a matrix kept dense.
  double rankShare() const { return rank <= 0 || maxRank <= 0 ? 1.0 : double(rank) / maxRank; }
};

// One plan (dense, uniform, energy, asvd, the agent) with its `P/*` rows; NaN where absent.
struct CompressPlan {
  QString name;
  double metric = 0;        // ranking set
  double reportMetric = 0;  // held-out report set
  double sizeRatio = 0, modelSizeRatio = 0;
  double params = 0, macs = 0, bytes = 0;  // after
  double paramsBefore = 0, macsBefore = 0, bytesBefore = 0;
  double seconds = 0;
  QVector<QPair<QString, int>> ranks;  // per layer, catalog order: method, rank (0 = dense)
};

struct ParetoPoint {
  QString source;  // "episode", "dense" or a plan name
  int episode = -1;
  double sizeRatio = 0, metric = 0;
  bool onFront = false;
};

struct CompressRun {
  qint64 runId = 0;
  QString name, status;
  qint64 parentRunId = -1;
  QString parentName;
  QString agent, methods;
  double budget = 0;
  int episodes = 0;
  QString writtenPlan;           // the plan the compressed checkpoint holds
  QVector<CompressLayer> layers;  // of the written plan
  QVector<CompressPlan> plans;    // dense first, then the store's order
  QVector<ParetoPoint> pareto;
  // Per episode (step = 0-based episode): rl/reward, rl/baseline, rl/best_reward.
  QVector<double> episodeSteps, reward, baseline, bestReward;

  const CompressPlan* plan(const QString& name) const;
  bool isAgent() const { return agent == QStringLiteral("ppo") || agent == QStringLiteral("reinforce"); }
};

struct CompressSnapshot {
  QVector<CompressRun> runs;  // oldest first
  QString error;
};

// The run record, its eval rows and its rl/* scalars (key -> points) -> the run.
CompressRun compressRunFromStore(const store::RunInfo& run, const std::vector<store::EvalRow>& evals,
                                 const std::map<std::string, std::vector<store::ScalarPoint>>& scalars);

// Per layer of the written plan: the bar of `planName` (kept rank / full rank) and its method.
// Any plan's ranks are known from its summary; the layer names and full ranks come from the
// written plan's layer list.
struct RankBar {
  QString layer;
  QString method;
  int rank = 0, maxRank = 0;
  double share = 1;
};
QVector<RankBar> rankBars(const CompressRun& run, const QString& planName);

// The front points ordered by size, for the line joining them.
QVector<ParetoPoint> paretoFront(const QVector<ParetoPoint>& points);

void registerCompressTypes();

}  // namespace vimoe::widgets

Q_DECLARE_METATYPE(vimoe::widgets::CompressSnapshot)
