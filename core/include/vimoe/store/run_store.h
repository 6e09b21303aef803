// The SQLite run store: runs, their scalar curves, expert load, routing snapshots, evals,
// artifacts and studies. One writer connection per process (the training child), any number
// of readers (the GUI, `vimoe runs`). WAL mode so readers see committed rows while a run is
// writing; schema migrations through PRAGMA user_version; prepared statements only.
//
// Table names are a public interface (outside tools read them): run, metric_key, scalar,
// scalar_latest, expert_load, moe_layer, routing_sample, eval, artifact, study, study_run, job.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "vimoe/util/expected.h"
#include "vimoe/util/process_identity.h"

struct sqlite3;

namespace vimoe::store {

enum class RunStatus { Queued, Running, Finished, Failed, Cancelled, Diverged };
const char* runStatusName(RunStatus status);
std::optional<RunStatus> parseRunStatus(const std::string& name);

struct NewRun {
  std::string name;
  std::string kind = "contrastive";  // contrastive | caption | vqa | attack | compress | study
  std::string configJson;
  std::optional<std::int64_t> parentRunId;
  std::int64_t seed = 0;
  std::int64_t totalSteps = 0;
  std::string checkpointDir;
  std::string tags;  // comma-separated
  // Provenance the caller knows (the trainer's build); the store fills host and times itself.
  std::string gitRevision;
  std::string versions;
};

// One `vimoe` process that trains, studies, attacks or compresses (see process_job.h): who it
// is, so that its runs can be told alive or lost, and where its output goes.
struct JobInfo {
  std::int64_t id = 0;
  std::string kind;   // train | study | attack | compress | process (a library caller)
  std::string title;  // "Study dense-vs-moe", "Training moe-e4", ...
  ProcessIdentity process;
  std::string logPath;  // "" when its output went to a terminal
  double startedAt = 0, endedAt = 0;  // endedAt 0 = the process never said it ended
  std::optional<int> exitCode;
};

struct RunInfo {
  std::int64_t id = 0;
  std::string name;
  std::string kind;
  RunStatus status = RunStatus::Queued;
  std::string configJson;
  std::string configHash;
  std::optional<std::int64_t> parentRunId;
  std::int64_t seed = 0;
  std::string gitRevision;
  std::string host;
  std::string versions;
  double createdAt = 0, startedAt = 0, endedAt = 0;  // unix seconds; 0 = not yet
  std::string notes;
  std::string tags;
  std::int64_t step = 0;        // last step reported
  std::int64_t totalSteps = 0;
  std::string checkpointDir;
  std::optional<JobInfo> job;  // the process that last set it running (schema 3 and later)
};

struct ScalarPoint {
  std::int64_t step = 0;
  double value = 0;  // NaN and +/-inf round-trip exactly
  double wallTime = 0;
};

struct LatestScalar {
  std::int64_t step = 0;
  double last = 0, min = 0, max = 0;  // min/max over finite values; NaN when none
};

struct ExpertLoadRow {
  int layer = 0;  // index into the run's moe_layer table
  std::int64_t step = 0;
  int expert = 0;
  double tokens = 0;    // tokens routed to the expert (all k choices) since the last row
  double fraction = 0;  // tokens / all routed tokens of the layer; 1/E when balanced
  double meanGate = 0;  // mean router probability of the expert
  double dropped = 0;   // tokens over capacity
  double imageTokens = 0;
  double textTokens = 0;
};

struct RoutingRow {
  std::int64_t step = 0;
  int sample = 0;  // index in the probe set
  std::string modality = "image";  // image | text: which input of the probe sample
  int layer = 0;
  int token = 0;   // image: 0 = class token, 1.. = patches row-major; text: position
  std::vector<int> experts;  // top-k, best first
  std::vector<float> gates;
  std::vector<int> kept;     // 1 where the expert processed the token, 0 where it was dropped
};

// One probe-set entry: the image and caption whose routing snapshots are stored.
struct ProbeSample {
  int sample = 0;
  std::string imagePath;
  std::string caption;
  std::string label;                // class (synthetic domain, dataset label) or empty
  std::vector<std::string> tokens;  // SentencePiece pieces of the caption, one per text token
};

// Tokens of one class routed to one expert in a routing snapshot of the probe set.
struct ExpertClassRow {
  int layer = 0;
  std::int64_t step = 0;
  std::string modality;
  std::string className;
  int expert = 0;
  double tokens = 0;
};

struct EvalRow {
  std::string split;
  std::string metric;
  double value = 0;
  std::string detailsJson;
};

struct ArtifactRow {
  std::string kind;  // one artifact per kind and run: "checkpoint", "model", "report", ...
  std::string path;
  std::string sha256;
};

class RunStore {
 public:
  enum class Mode { ReadWrite, ReadOnly };

  // Opens (and in ReadWrite mode creates and migrates) the store at `path`. A file that is
  // not a SQLite database, or has a newer schema than this build, is rejected with a message
  // naming the file; nothing is modified then.
  static Expected<std::unique_ptr<RunStore>> open(const std::string& path, Mode mode = Mode::ReadWrite);
  // Read-only, after upgrading a store of an older schema once (a read-only connection cannot
  // migrate, and a reader should not have to wait for the next training run to do it).
  static Expected<std::unique_ptr<RunStore>> openForReading(const std::string& path);
  ~RunStore();
  RunStore(const RunStore&) = delete;
  RunStore& operator=(const RunStore&) = delete;

  static int schemaVersion();
  const std::string& path() const { return m_path; }

  // --- writing (one writer per process; every call is one transaction unless inside a batch)
  Expected<std::int64_t> createRun(const NewRun& run);
  Status setRunStatus(std::int64_t runId, RunStatus status);
  Status setRunProgress(std::int64_t runId, std::int64_t step);
  Status setRunNotes(std::int64_t runId, const std::string& notes);
  // The folder is named after the run id, so it is known only after createRun.
  Status setCheckpointDir(std::int64_t runId, const std::string& dir);
  Status setMoeLayers(std::int64_t runId, const std::vector<std::string>& layerNames);
  // All scalars of one step in one transaction; keys are created on first use.
  Status logScalars(std::int64_t runId, std::int64_t step, const std::vector<std::pair<std::string, double>>& values);
  Status logExpertLoad(std::int64_t runId, const std::vector<ExpertLoadRow>& rows);
  Status logRouting(std::int64_t runId, const std::vector<RoutingRow>& rows);
  Status setProbeSamples(std::int64_t runId, const std::vector<ProbeSample>& samples);
  Status logExpertClass(std::int64_t runId, const std::vector<ExpertClassRow>& rows);
  Status writeEval(std::int64_t runId, const EvalRow& row);
  Status addArtifact(std::int64_t runId, const std::string& kind, const std::string& path, const std::string& sha256);
  // Jobs: registered by the process itself (process_job.h); a run set running is linked to
  // this process's job in the same store.
  Expected<std::int64_t> registerJob(const JobInfo& job);
  Status endJob(std::int64_t jobId, int exitCode);
  Expected<std::int64_t> createStudy(const std::string& name, const std::string& configJson);
  Status addStudyRun(std::int64_t studyId, std::int64_t runId, const std::string& role);
  // Resume: forget every row logged after `step` (they are recomputed identically).
  Status truncateAfterStep(std::int64_t runId, std::int64_t step);
  Status deleteRun(std::int64_t runId);

  // Groups many writes into one transaction (faster, and readers see all or nothing).
  Status beginBatch();
  Status commitBatch();

  // --- reading
  Expected<std::vector<RunInfo>> listRuns() const;
  Expected<RunInfo> run(std::int64_t runId) const;
  Expected<std::vector<std::string>> metricNames(std::int64_t runId) const;
  Expected<std::vector<ScalarPoint>> scalars(std::int64_t runId, const std::string& key, std::int64_t afterStep = -1) const;
  Expected<std::map<std::string, LatestScalar>> latestScalars(std::int64_t runId) const;
  Expected<std::vector<std::string>> moeLayers(std::int64_t runId) const;
  Expected<std::vector<ExpertLoadRow>> expertLoad(std::int64_t runId) const;
  Expected<std::vector<RoutingRow>> routing(std::int64_t runId, std::int64_t step) const;
  Expected<std::vector<std::int64_t>> routingSteps(std::int64_t runId) const;
  Expected<std::vector<ProbeSample>> probeSamples(std::int64_t runId) const;
  Expected<std::vector<ExpertClassRow>> expertClass(std::int64_t runId) const;
  Expected<std::vector<EvalRow>> evals(std::int64_t runId) const;
  Expected<std::vector<ArtifactRow>> artifacts(std::int64_t runId) const;
  Expected<std::vector<std::int64_t>> studyRuns(std::int64_t studyId) const;
  // Jobs that never said they ended: running, or lost when their process is gone.
  Expected<std::vector<JobInfo>> openJobs() const;
  // True when the database or WAL file at this store's path is no longer the one this
  // connection reads: something deleted or replaced it under us. That happens when a process
  // that holds a connection also opens and closes the store's files some other way, which
  // drops its POSIX locks (sqlite.org/howtocorrupt.html, 2.2); the next writer then deletes
  // the WAL this reader still has open, and the reader sees no new commits. Readers that
  // keep a connection call this each poll and reopen when it says so. Two stat() calls.
  bool filesReplaced() const;
  // Changes whenever another connection commits (PRAGMA data_version): cheap polling.
  Expected<std::int64_t> dataVersion() const;

 private:
  RunStore(sqlite3* db, std::string path, Mode mode);
  struct Impl;
  std::string m_path;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace vimoe::store
