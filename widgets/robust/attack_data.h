// Pure data shaping for the Robustness panel: an attack run's eval rows and report.json -> the
// eps sweep (metric before/after, prediction change, routing change per MoE layer), the
// Lipschitz estimates and the examples of the viewer. No painting and no store here, so tests
// assert on values. The rows and the report are documented in core's robust/attack_run.h and
// robust/attack_report.cpp.
#pragma once

#include <QImage>
#include <QMap>
#include <QMetaType>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QVector>

#include <vector>

#include "routing/routing_data.h"
#include "vimoe/store/run_store.h"

namespace vimoe::widgets {

// One eps of a sweep. NaN where the run has no such row.
struct AttackEpsRow {
  QString epsText;  // as written: "2/255"
  double eps = 0;   // radius on [0, 1] pixels
  double clean = 0, adversarial = 0;  // the task metric before and after the attack
  double predictionChange = 0;
  double routingChange = 0;               // mean over MoE layers; NaN for dense runs
  QMap<QString, double> routingPerLayer;  // layer name -> 1 - mean IoU
};

// One example of the viewer: a sample attacked at one eps, with its images (loaded off the GUI
// thread) and the top-1 expert of every image token before and after, per image MoE layer.
struct AttackExample {
  int sample = 0;
  double eps = 0;
  QString prompt;  // the VQA question, or the reference caption
  QString truth, cleanPrediction, adversarialPrediction;
  double cleanConfidence = 0, adversarialConfidence = 0;
  QString cleanFile, adversarialFile, differenceFile;  // absolute paths
  QImage clean, adversarial, difference;              // null when the file is missing
  int imageSize = 0;
  QStringList layers;  // image MoE layers with expert lists, in the report's order
  QMap<QString, QVector<int>> expertsBefore, expertsAfter;  // token 0 = class token, 1.. = patches
};

struct LipschitzEntry {
  QString metric;  // the eval row's metric without "lipschitz/"
  double value = 0;
};

struct AttackRun {
  qint64 runId = 0;
  QString name, status;
  qint64 parentRunId = -1;  // -1: not known
  QString parentName;
  QString attack, task, metric;  // metric: accuracy | nll
  qint64 samples = 0;
  bool auxLoss = false;
  QStringList layers;          // MoE layers; empty for a dense model
  QVector<AttackEpsRow> rows;  // by increasing eps
  QVector<LipschitzEntry> lipschitz;
  QVector<AttackExample> examples;
  QString reportDir;
  QString reportProblem;  // why report.json could not be read; "" when it was (or none is expected yet)

  bool isMoe() const { return !layers.isEmpty(); }
  const AttackEpsRow* rowAt(const QString& epsText) const;
};

// Every attack run of a store, oldest first.
struct AttackSnapshot {
  QVector<AttackRun> runs;
  QString error;  // the store could not be read
};

// The radius of a split such as "2/255" or "0.0078" (on [0, 1]); NaN when it is none.
double parseEps(const QString& text);

// The run record and its eval rows (and MoE layers from the store) -> the sweep and Lipschitz.
AttackRun attackRunFromStore(const store::RunInfo& run, const std::vector<store::EvalRow>& evals,
                             const std::vector<std::string>& moeLayers);
// Adds what report.json holds (task, samples, layers, examples with absolute image paths); rows
// the store lacks (a run read before its eval rows were committed) come from the report. Returns
// false and sets reportProblem when the JSON is not a report.
bool applyAttackReport(AttackRun& run, const QByteArray& json, const QString& reportDir);
// Reads report.json of run.reportDir and the examples' images (call off the GUI thread).
void loadAttackReport(AttackRun& run);

// x = eps in units of 1/255, so 1/255, 2/255, ... sit at 1, 2, ...
inline double epsTimes255(double eps) { return eps * 255.0; }
// The attacked task metric: the clean value at eps 0, then the adversarial value at each eps.
QVector<QPointF> metricCurve(const AttackRun& run);
// Prediction change: 0 at eps 0, then each eps's rate.
QVector<QPointF> predictionChangeCurve(const AttackRun& run);

// A top-1 expert list (token 0 = class token) as a patch grid; side = floor(sqrt(tokens - 1)).
PatchGrid expertGrid(const QVector<int>& experts);

// How many patches (class token apart) have another top-1 expert after the attack.
struct PatchChange {
  int changed = 0;
  int patches = 0;
  bool classTokenChanged = false;
  QVector<bool> changedMask;  // per patch, row-major

  double share() const { return patches > 0 ? double(changed) / patches : 0.0; }
};
PatchChange patchChange(const QVector<int>& before, const QVector<int>& after);

// "2/255" for eps = 2/255; the eps_text of the run's row when it has one.
QString epsText(const AttackRun& run, double eps);

// Registers the types above for queued connections (idempotent).
void registerAttackTypes();

}  // namespace vimoe::widgets

Q_DECLARE_METATYPE(vimoe::widgets::AttackSnapshot)
