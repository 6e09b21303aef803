#include "vimoe/robust/attack_run.h"

#include <filesystem>
#include <memory>

#include "vimoe/cli/version.h"
#include "vimoe/config/project.h"
#include "vimoe/store/run_store.h"
#include "vimoe/train/checkpoint.h"

namespace vimoe::robust {
namespace fs = std::filesystem;
namespace {

nlohmann::ordered_json specJson(const AttackRunOptions& o) {
  const auto& s = o.spec;
  return {{"checkpoint", o.checkpointDir}, {"target", o.target},   {"samples", o.samples},
          {"attack", s.attack},            {"eps", s.epsText},     {"steps", s.steps},
          {"step_size", s.stepSize},       {"random_start", s.randomStart}, {"loss", attackLossName(s.loss)},
          {"restarts", s.restarts},        {"aux_loss", s.auxLoss}, {"aux_weight", s.auxWeight},
          {"seed", s.seed},                {"lipschitz", o.lipschitz}};
}

// The run that wrote the checkpoint, when the store really holds it (run ids are per store).
std::optional<store::RunInfo> attackedRun(store::RunStore& store, const std::string& dir) {
  auto state = train::readTrainingState(dir);
  if (!state || state->runId <= 0) return std::nullopt;
  auto run = store.run(state->runId);
  std::error_code ec;
  if (!run || !fs::exists(run->checkpointDir) || !fs::equivalent(run->checkpointDir, dir, ec)) return std::nullopt;
  return *run;
}

std::vector<store::EvalRow> evalRows(const SweepResult& sweep, const std::optional<LipschitzReport>& lipschitz) {
  std::vector<store::EvalRow> rows;
  for (const auto& r : sweep.rows) {
    const std::string details = nlohmann::json{{"eps", r.eps}, {"metric", sweep.metric}, {"task", sweep.task}}.dump();
    auto add = [&](const std::string& metric, double value) { rows.push_back({r.epsText, metric, value, details}); };
    add("attack/clean", r.cleanMetric);
    add("attack/adversarial", r.adversarialMetric);
    add("attack/prediction_change", r.predictionChange);
    add("attack/clean_loss", r.cleanLoss);
    add("attack/adversarial_loss", r.adversarialLoss);
    add("attack/clean_aux", r.cleanAux);
    add("attack/adversarial_aux", r.adversarialAux);
    if (!r.routing.empty()) add("attack/routing_change", r.meanRoutingChange);
    for (const auto& layer : r.routing) add("attack/routing_change/" + layer.layer, layer.rate);
  }
  if (lipschitz) {
    const std::string details = nlohmann::json{{"radius", lipschitz->local.radius}}.dump();
    auto add = [&](const std::string& metric, double value) { rows.push_back({"lipschitz", metric, value, details}); };
    add("lipschitz/local_l2_mean", lipschitz->local.meanL2);
    add("lipschitz/local_l2_max", lipschitz->local.maxL2);
    add("lipschitz/local_l1_mean", lipschitz->local.meanL1);
    add("lipschitz/local_l1_max", lipschitz->local.maxL1);
    for (const auto& s : lipschitz->spectral)
      add("lipschitz/ffn_bound/" + s.layer + (s.expert >= 0 ? "/" + std::to_string(s.expert) : ""), s.bound());
    for (const auto& t : lipschitz->lemma1) {
      add("lipschitz/lemma1_expert/" + t.layer, t.maxExpertLipschitz);
      add("lipschitz/lemma1_router/" + t.layer, t.routerTermMax);
    }
  }
  return rows;
}

}  // namespace

Expected<AttackRunResult> runAttackOnCheckpoint(const AttackRunOptions& options, LogSink& log, ProgressObserver& progress,
                                                const CancelToken& cancel) {
  auto set = loadAttackSet(options.checkpointDir, options.target, options.samples, log);
  if (!set) return set.error();

  AttackRunResult result;
  const auto projectDir = config::findProjectDir(options.checkpointDir);
  std::string storePath = options.storePath;
  if (storePath.empty() && projectDir)
    if (auto project = config::loadProject(*projectDir)) storePath = project->storePath();
  std::unique_ptr<store::RunStore> store;
  std::int64_t runId = 0;
  if (!storePath.empty() && storePath != "none") {
    auto opened = store::RunStore::open(storePath);
    if (!opened) return opened.error();
    store = std::move(*opened);
    store::NewRun run;
    const auto parent = attackedRun(*store, options.checkpointDir);
    if (parent) {
      run.parentRunId = parent->id;
      result.parentRunId = parent->id;
      result.parentName = parent->name;
    }
    run.name = "attack " + options.spec.attack + (options.spec.auxLoss ? "+aux" : "") + " of " +
               (parent ? parent->name : fs::path(options.checkpointDir).filename().string());
    run.kind = "attack";
    run.configJson = specJson(options).dump();
    run.seed = static_cast<std::int64_t>(options.spec.seed);
    run.totalSteps = static_cast<std::int64_t>(options.spec.eps.size());
    run.gitRevision = cli::gitRevision();
    run.versions = cli::libraryVersions();
    auto id = store->createRun(run);
    if (!id) return id.error();
    runId = *id;
    if (auto s = store->setRunStatus(runId, store::RunStatus::Running); !s) return s.error();
    if (options.studyId)
      if (auto s = store->addStudyRun(*options.studyId, runId, options.studyRole); !s) return s.error();
    if (set->isMoe()) {
      std::vector<std::string> names;
      for (const auto& [name, layer] : set->moeLayers) names.push_back(name);
      (void)store->setMoeLayers(runId, names);
    }
  }
  auto fail = [&](const Error& error) -> Expected<AttackRunResult> {
    if (store && runId > 0) (void)store->setRunStatus(runId, store::RunStatus::Failed);
    return error;
  };

  auto sweep = runAttackSweep(*set, options.spec, progress, cancel);
  if (!sweep) return fail(sweep.error());
  result.sweep = std::move(*sweep);
  if (options.lipschitz && !result.sweep.cancelled) {
    LipschitzReport report;
    const double radius = options.spec.eps.back();
    report.local = localLipschitz(*set, radius, 10, 4, options.spec.seed, options.spec.batchSize);
    report.spectral = ffnSpectralNorms(*set);
    report.lemma1 = lemma1Terms(*set);
    result.lipschitz = std::move(report);
  }

  result.storePath = store ? storePath : "";
  result.runId = runId;
  result.reportDir = options.outDir;
  if (result.reportDir.empty() && runId > 0 && projectDir)
    result.reportDir = (fs::path(*projectDir) / "attacks" / std::to_string(runId)).string();
  if (!result.reportDir.empty()) {
    nlohmann::ordered_json extra = {{"options", specJson(options)}, {"run_id", runId}, {"parent_run_id", result.parentRunId}};
    if (auto s = writeAttackReport(result.reportDir, result.sweep, result.lipschitz, extra); !s) return fail(s.error());
  }
  if (store && runId > 0) {
    if (auto s = store->beginBatch(); !s) return fail(s.error());
    for (const auto& row : evalRows(result.sweep, result.lipschitz))
      if (auto s = store->writeEval(runId, row); !s) return fail(s.error());
    if (auto s = store->commitBatch(); !s) return fail(s.error());
    if (!result.reportDir.empty()) {
      (void)store->setCheckpointDir(runId, result.reportDir);
      (void)store->addArtifact(runId, "report", (fs::path(result.reportDir) / "report.json").string(), "");
    }
    (void)store->setRunProgress(runId, static_cast<std::int64_t>(result.sweep.rows.size()));
    (void)store->setRunStatus(runId, result.sweep.cancelled ? store::RunStatus::Cancelled : store::RunStatus::Finished);
  }
  return result;
}

}  // namespace vimoe::robust
