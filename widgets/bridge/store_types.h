// Plain values that travel from the store-reading thread to the panels by queued signals.
// They are copies: panels never hold a RunStore or a pointer into one, so the reading
// thread can reopen or drop its connection at any time.
#pragma once

#include <QMap>
#include <QMetaType>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QVector>

#include "vimoe/store/run_store.h"

namespace vimoe::widgets {

// One row of the runs table: the run record plus the last value of every metric
// (scalar_latest, so listing runs never scans the scalar table).
struct RunSummary {
  qint64 id = 0;
  QString name;
  // queued | running | finished | failed | cancelled | diverged, or lost: marked running but
  // its process is gone (store::displayStatus)
  QString status;
  qint64 step = 0;
  qint64 totalSteps = 0;
  QMap<QString, double> latest;  // metric name -> last value (may be NaN)
  QStringList moeLayers;         // empty for dense runs
  QString kind;                  // contrastive | caption | vqa | ...
  QString tags;                  // comma-separated
  QString notes;
  QString checkpointDir;
  double startedAt = 0, endedAt = 0;  // unix seconds; 0 = not yet

  bool isMoe() const { return !moeLayers.isEmpty(); }
  bool isLost() const { return status == QLatin1String("lost"); }
};

// A `vimoe` process that never said it ended (store::RunStore::openJobs), with the runs it is
// training now: what the quit dialog names, what a reopened window follows and cancels.
struct JobSummary {
  qint64 id = 0;
  QString kind;   // train | study | attack | compress | process
  QString title;  // "Study dense-vs-moe"
  ProcessIdentity process;
  QString logPath;
  double startedAt = 0;
  bool alive = false;        // its process exists now (false: lost, or on another host)
  QStringList runningRuns;   // "run 12 moe-e4 (step 240/1500)"
  qint64 step = 0, totalSteps = 0;  // of its newest running run: progress for a job without a log
};

// A curve is one metric of one run.
struct CurveKey {
  qint64 runId = 0;
  QString metric;

  bool operator==(const CurveKey& other) const { return runId == other.runId && metric == other.metric; }
  bool operator<(const CurveKey& other) const {
    return runId != other.runId ? runId < other.runId : metric < other.metric;
  }
};

// New points of a curve. `reset` means "forget what you have, this is the curve from the
// start" (sent when a curve is first watched or the store was reopened).
struct CurveUpdate {
  CurveKey key;
  bool reset = false;
  QVector<double> steps;
  QVector<double> values;  // NaN and +/-inf kept as stored; the plot decides what to draw
};

// Every expert-load row of one run; layers[i] names the rows with layer == i.
struct ExpertLoadSnapshot {
  qint64 runId = -1;
  QStringList layers;
  QVector<store::ExpertLoadRow> rows;
  // Tokens of each probe-set class per expert, one block of rows per routing snapshot.
  QVector<store::ExpertClassRow> classRows;
  // The trainer's moe/<layer>/router_entropy scalar (mean token entropy / log E) per layer
  // index, as (step, value); a layer without that scalar has no entry.
  QMap<int, QVector<QPointF>> routerEntropy;
};

// What the routing inspector draws of one run: the routing snapshot of the probe set at one
// step (RunStore::routing), the steps that have one, the layer names and the probe samples.
struct RoutingSnapshot {
  qint64 runId = -1;
  qint64 step = -1;       // -1: the run has no routing snapshot yet
  QVector<qint64> steps;  // every stored snapshot step, increasing
  QStringList layers;     // RoutingRow.layer indexes these names
  QVector<store::ProbeSample> probes;
  QVector<store::RoutingRow> rows;  // of `step` only
  QStringList imageFiles;           // per probe: the image file found on disk, "" when none
  int experts = 0;                  // moe.num_experts of the run's config; 0 = not known
  int routingEvery = 0;             // run.routing_every of the run's config; 0 = not known
};

// Registers the types above for queued connections (idempotent).
void registerStoreTypes();

}  // namespace vimoe::widgets

Q_DECLARE_METATYPE(vimoe::widgets::RunSummary)
Q_DECLARE_METATYPE(vimoe::widgets::JobSummary)
Q_DECLARE_METATYPE(vimoe::widgets::CurveKey)
Q_DECLARE_METATYPE(vimoe::widgets::CurveUpdate)
Q_DECLARE_METATYPE(vimoe::widgets::ExpertLoadSnapshot)
Q_DECLARE_METATYPE(vimoe::widgets::RoutingSnapshot)
