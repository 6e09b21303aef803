#include "bridge/store_reader.h"

#include "vimoe/store/process_job.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <cstdlib>
#include <exception>

namespace vimoe::widgets {
namespace {

QString qs(const std::string& text) {
  return QString::fromStdString(text);
}

RunSummary toSummary(const store::RunInfo& info) {
  RunSummary summary;
  summary.id = info.id;
  summary.name = qs(info.name);
  summary.status = qs(store::displayStatus(info));
  summary.step = info.step;
  summary.totalSteps = info.totalSteps;
  summary.kind = qs(info.kind);
  summary.tags = qs(info.tags);
  summary.notes = qs(info.notes);
  summary.checkpointDir = qs(info.checkpointDir);
  summary.startedAt = info.startedAt;
  summary.endedAt = info.endedAt;
  return summary;
}

QStringList toStringList(const std::vector<std::string>& names) {
  QStringList list;
  for (const auto& name : names) list << qs(name);
  return list;
}

}  // namespace

StoreReader::StoreReader(int intervalMs, QObject* parent) : QObject(parent), m_timer(new QTimer(this)) {
  m_timer->setInterval(intervalMs);
  connect(m_timer, &QTimer::timeout, this, &StoreReader::poll);
}

StoreReader::~StoreReader() = default;

// Slots run on the worker thread from an event loop: an exception escaping them would end the
// process, so every body reports it as a store problem instead (PlotJuggler's worker rule).
template <class F>
void StoreReader::guarded(F&& body) {
  try {
    body();
  } catch (const std::exception& e) {
    fail(std::string("unexpected error while reading the run store: ") + e.what());
  } catch (...) {
    fail("unexpected error while reading the run store");
  }
}

void StoreReader::start() {
  m_timer->start();
  poll();
}

void StoreReader::stop() {
  m_timer->stop();
  closeStore();
}

void StoreReader::fail(const std::string& message) {
  // Drop the connection: the file may have been replaced or repaired; the next tick reopens it.
  closeStore();
  const QString text = qs(message);
  if (text == m_lastError) return;
  m_lastError = text;
  Q_EMIT storeFailed(text);
}

void StoreReader::closeStore() {
  m_store.reset();
  m_dataVersion.reset();
  m_watchedProcesses.clear();
  m_liveness.clear();
  m_layerCache.clear();
  m_runState.clear();
  m_expertSentState.clear();
  for (auto& [key, cursor] : m_cursors) cursor.reset();
}

void StoreReader::setStorePath(const QString& path) {
  guarded([&] {
    closeStore();
    // Run ids of another store mean other runs: panels send their watch lists again.
    m_cursors.clear();
    m_expertRun = -1;
    m_path = path;
    m_reportedMissing = false;
    m_openFailures = 0;
    m_lastError.clear();
    poll();
  });
}

void StoreReader::setWatchedCurves(const QVector<CurveKey>& keys) {
  guarded([&] {
    std::map<CurveKey, std::optional<qint64>> cursors;
    for (const auto& key : keys) {
      auto it = m_cursors.find(key);
      cursors[key] = it != m_cursors.end() ? it->second : std::nullopt;
    }
    m_cursors = std::move(cursors);
    if (m_store) readCurves();
  });
}

void StoreReader::setExpertRun(qint64 runId) {
  guarded([&] {
    m_expertRun = runId;
    m_expertSentState.clear();
    if (m_store) readExpertLoad(true);
  });
}

bool StoreReader::ensureOpen() {
  if (m_store) return false;
  if (!QFileInfo::exists(m_path)) {
    if (!m_reportedMissing) {
      m_reportedMissing = true;
      Q_EMIT runsChanged({});
      Q_EMIT storeMissing(m_path);
    }
    return false;
  }
  auto opened = store::RunStore::openForReading(m_path.toStdString());
  if (!opened) {
    // A store that a training child is creating right now exists before its schema does; only
    // a problem that outlasts a few ticks is reported.
    if (++m_openFailures >= kReportOpenFailureAfter) fail(opened.error().message);
    return false;
  }
  m_store = std::move(*opened);
  m_openFailures = 0;
  m_reportedMissing = false;
  m_lastError.clear();
  Q_EMIT storeOpened(m_path);
  return true;
}

void StoreReader::poll() {
  guarded([&] {
    if (m_path.isEmpty()) return;
    if (m_store && m_store->filesReplaced()) {
      closeStore();
      Q_EMIT storeNotice(tr("The run store's files were replaced while the window read them (%1); reopened it.")
                             .arg(m_path));
    }
    const bool reopened = ensureOpen();
    if (!m_store) return;
    auto version = m_store->dataVersion();
    if (!version) return fail(version.error().message);
    const QString liveness = livenessSignature();
    if (!reopened && m_dataVersion && *m_dataVersion == *version && liveness == m_liveness) return;
    m_dataVersion = *version;
    if (readRuns() && readJobs() && readCurves()) readExpertLoad(false);
  });
}

bool StoreReader::readRuns() {
  auto runs = m_store->listRuns();
  if (!runs) return fail(runs.error().message), false;
  m_lastRuns = *runs;
  QVector<RunSummary> summaries;
  summaries.reserve(static_cast<int>(runs->size()));
  for (const auto& info : *runs) {
    RunSummary summary = toSummary(info);
    auto latest = m_store->latestScalars(info.id);
    if (!latest) return fail(latest.error().message), false;
    for (const auto& [name, value] : *latest) summary.latest.insert(qs(name), value.last);
    auto cached = m_layerCache.find(info.id);
    if (cached == m_layerCache.end()) {
      auto layers = m_store->moeLayers(info.id);
      if (!layers) return fail(layers.error().message), false;
      // Only non-empty lists are final: a queued MoE run writes its layers when it starts.
      if (!layers->empty()) cached = m_layerCache.emplace(info.id, toStringList(*layers)).first;
    }
    if (cached != m_layerCache.end()) summary.moeLayers = cached->second;
    m_runState[info.id] = QString::number(summary.step) + QLatin1Char('/') + summary.status;
    summaries << summary;
  }
  Q_EMIT runsChanged(summaries);
  return true;
}

QString StoreReader::livenessSignature() const {
  QString signature;
  for (const auto& process : m_watchedProcesses)
    signature += QLatin1Char(probeProcess(process) == ProcessState::Alive ? 'A' : 'x');
  return signature;
}

bool StoreReader::readJobs() {
  auto jobs = m_store->openJobs();
  if (!jobs) return fail(jobs.error().message), false;
  QVector<JobSummary> summaries;
  m_watchedProcesses.clear();
  for (const auto& job : *jobs) {
    JobSummary summary;
    summary.id = job.id;
    summary.kind = qs(job.kind);
    summary.title = qs(job.title);
    summary.process = job.process;
    summary.logPath = qs(job.logPath);
    summary.startedAt = job.startedAt;
    summary.alive = probeProcess(job.process) == ProcessState::Alive;
    for (const auto& run : m_lastRuns)
      if (run.job && run.job->id == job.id && run.status == store::RunStatus::Running) {
        summary.runningRuns << tr("run %1 %2 (step %3/%4)").arg(run.id).arg(qs(run.name)).arg(run.step).arg(run.totalSteps);
        summary.step = run.step;
        summary.totalSteps = run.totalSteps;
      }
    // A job whose process is gone stays open in the store for ever; only live ones are watched.
    if (summary.alive) m_watchedProcesses.push_back(job.process);
    summaries << summary;
  }
  for (const auto& run : m_lastRuns)
    if (run.job && run.status == store::RunStatus::Running && !store::isLost(run))
      m_watchedProcesses.push_back(run.job->process);
  m_liveness = livenessSignature();
  Q_EMIT jobsChanged(summaries);
  return true;
}

bool StoreReader::readCurves() {
  for (auto& [key, cursor] : m_cursors) {
    auto points = m_store->scalars(key.runId, key.metric.toStdString(), cursor.value_or(-1));
    if (!points) return fail(points.error().message), false;
    if (cursor && points->empty()) continue;
    CurveUpdate update;
    update.key = key;
    update.reset = !cursor.has_value();
    update.steps.reserve(static_cast<int>(points->size()));
    update.values.reserve(static_cast<int>(points->size()));
    for (const auto& point : *points) {
      update.steps << static_cast<double>(point.step);
      update.values << point.value;
    }
    cursor = points->empty() ? cursor.value_or(-1) : points->back().step;
    Q_EMIT curveUpdated(update);
  }
  return true;
}

bool StoreReader::readExpertLoad(bool force) {
  if (m_expertRun < 0) {
    if (force) Q_EMIT expertLoadChanged(ExpertLoadSnapshot{});
    return true;
  }
  // Expert load has no afterStep query; it is re-read only when the run's step or status moved
  // (the trainer writes the last snapshot before it marks the run finished).
  const QString state = m_runState.count(m_expertRun) ? m_runState[m_expertRun] : QString();
  if (!force && !m_expertSentState.isEmpty() && state == m_expertSentState) return true;
  auto layers = m_store->moeLayers(m_expertRun);
  if (!layers) return fail(layers.error().message), false;
  auto rows = m_store->expertLoad(m_expertRun);
  if (!rows) return fail(rows.error().message), false;
  ExpertLoadSnapshot snapshot;
  snapshot.runId = m_expertRun;
  snapshot.layers = toStringList(*layers);
  snapshot.rows = QVector<store::ExpertLoadRow>(rows->begin(), rows->end());
  if (!readExpertExtras(snapshot)) return false;
  m_expertSentState = state.isEmpty() ? QStringLiteral("read") : state;
  Q_EMIT expertLoadChanged(snapshot);
  return true;
}

bool StoreReader::readExpertExtras(ExpertLoadSnapshot& snapshot) {
  auto classRows = m_store->expertClass(snapshot.runId);
  if (!classRows) return fail(classRows.error().message), false;
  snapshot.classRows = QVector<store::ExpertClassRow>(classRows->begin(), classRows->end());
  for (int layer = 0; layer < snapshot.layers.size(); ++layer) {
    const std::string key = "moe/" + snapshot.layers[layer].toStdString() + "/router_entropy";
    auto points = m_store->scalars(snapshot.runId, key);
    if (!points) return fail(points.error().message), false;
    if (points->empty()) continue;
    QVector<QPointF> curve;
    curve.reserve(static_cast<int>(points->size()));
    for (const auto& point : *points) curve << QPointF(static_cast<double>(point.step), point.value);
    snapshot.routerEntropy.insert(layer, curve);
  }
  return true;
}

namespace {

// Reads `section.key` of a run's effective config as a positive int; 0 when absent.
int configInt(const QJsonObject& config, const char* section, const char* key) {
  const QJsonValue value = config.value(QLatin1String(section)).toObject().value(QLatin1String(key));
  return value.isDouble() ? std::max(0, value.toInt()) : 0;
}

void appendWithParents(QStringList& dirs, const QString& start) {
  if (start.isEmpty()) return;
  QDir dir(QFileInfo(start).absoluteFilePath());
  for (;;) {
    const QString path = dir.absolutePath();
    if (!dirs.contains(path)) dirs << path;
    if (dir.isRoot() || !dir.cdUp()) break;
  }
}

}  // namespace

QStringList probeImageBaseDirs(const QString& storePath, const QString& checkpointDir) {
  QStringList dirs;
  appendWithParents(dirs, checkpointDir);
  if (!storePath.isEmpty()) appendWithParents(dirs, QFileInfo(storePath).absolutePath());
  const QString current = QDir::currentPath();
  if (!dirs.contains(current)) dirs << current;
  return dirs;
}

QString resolveProbeImage(const QString& imagePath, const QStringList& baseDirs) {
  if (imagePath.isEmpty()) return {};
  const QFileInfo info(imagePath);
  if (info.isAbsolute()) {
    if (info.isFile()) return info.absoluteFilePath();
    if (baseDirs.isEmpty()) return {};
    // Longest tail first: ".../demo/data/images/0001.png" before "images/0001.png".
    const QStringList parts = QDir::cleanPath(imagePath).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (int first = 1; first < parts.size(); ++first) {
      const QFileInfo moved(QDir(baseDirs.front()).filePath(parts.mid(first).join(QLatin1Char('/'))));
      if (moved.isFile()) return moved.absoluteFilePath();
    }
    return {};
  }
  for (const QString& base : baseDirs) {
    const QFileInfo candidate(QDir(base).filePath(imagePath));
    if (candidate.isFile()) return QDir::cleanPath(candidate.absoluteFilePath());
  }
  return {};
}

Expected<RoutingSnapshot> readRoutingSnapshot(const store::RunStore& store, qint64 runId, qint64 step) {
  RoutingSnapshot snapshot;
  snapshot.runId = runId;
  auto info = store.run(runId);
  if (!info) return info.error();
  const QJsonObject config = QJsonDocument::fromJson(QByteArray::fromStdString(info->configJson)).object();
  snapshot.experts = configInt(config, "moe", "num_experts");
  snapshot.routingEvery = configInt(config, "run", "routing_every");
  auto layers = store.moeLayers(runId);
  if (!layers) return layers.error();
  snapshot.layers = toStringList(*layers);
  auto steps = store.routingSteps(runId);
  if (!steps) return steps.error();
  for (auto s : *steps) snapshot.steps << s;
  auto probes = store.probeSamples(runId);
  if (!probes) return probes.error();
  snapshot.probes = QVector<store::ProbeSample>(probes->begin(), probes->end());
  const QStringList baseDirs = probeImageBaseDirs(qs(store.path()), qs(info->checkpointDir));
  for (const auto& probe : snapshot.probes) snapshot.imageFiles << resolveProbeImage(qs(probe.imagePath), baseDirs);
  if (snapshot.steps.isEmpty()) return snapshot;

  // A step that has no snapshot (a resumed run truncated it, a stale slider) falls to the nearest.
  qint64 chosen = snapshot.steps.back();
  if (step >= 0) {
    for (qint64 s : snapshot.steps)
      if (std::abs(s - step) < std::abs(chosen - step)) chosen = s;
  }
  auto rows = store.routing(runId, chosen);
  if (!rows) return rows.error();
  snapshot.step = chosen;
  snapshot.rows = QVector<store::RoutingRow>(rows->begin(), rows->end());
  return snapshot;
}

}  // namespace vimoe::widgets
