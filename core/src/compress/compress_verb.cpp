// `vimoe compress`: load a contrastive checkpoint, run the compression session (baselines and
// the agent at one budget), write the compressed checkpoint folder, and record a "compress"
// run in the checkpoint's project store. Formats: docs/compression.md.
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "cli/inference_common.h"
#include "compress/compress_output.h"
#include "vimoe/cli/verbs.h"
#include "vimoe/cli/version.h"
#include "vimoe/config/project.h"
#include "vimoe/eval/trained_model.h"
#include "vimoe/train/checkpoint.h"
#include "vimoe/train/project_data.h"
#include "vimoe/util/atomic_file.h"
#include "vimoe/util/sha256.h"

namespace vimoe::cli {
namespace fs = std::filesystem;
namespace {

using compress::CompressSessionResult;

std::string budgetText(double budget) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", budget);
  return b;
}

Expected<std::vector<compress::Method>> parseMethods(const std::string& list) {
  std::vector<compress::Method> methods;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (item.empty()) continue;
    auto m = compress::parseMethod(item);
    if (!m || *m == compress::Method::Dense)
      return Error{"--methods: unknown method '" + item + "' (use svd, asvd, rsvd, cur, nmf)"};
    methods.push_back(*m);
  }
  if (methods.empty()) return Error{"--methods: no method given"};
  return methods;
}

std::string sha256Of(const std::string& path) {
  auto digest = sha256File(path);
  return digest ? *digest : std::string();
}

nlohmann::json optionsJson(const CompressCliOptions& o, const std::string& checkpoint) {
  return {{"checkpoint", checkpoint}, {"budget", o.budget},   {"agent", o.agent},
          {"episodes", o.episodes},   {"seed", o.seed},       {"methods", o.methods},
          {"ranking_images", o.rankingImages}};
}

// Stderr progress, and the per-episode scalars of the run.
class VerbObserver : public compress::CompressObserver {
 public:
  VerbObserver(store::RunStore* store, std::int64_t runId) : m_store(store), m_runId(runId) {}
  void stage(const std::string& what) override { std::fprintf(stderr, "compress: %s\n", what.c_str()); }
  void episode(const compress::EpisodeRecord& e, const compress::EpisodeRecord& best, int total) override {
    const int every = std::max(1, total / 20);
    if ((e.episode + 1) % every == 0 || e.episode + 1 == total || e.episode == 0)
      std::fprintf(stderr, "episode %d/%d reward %.4f metric %.4f size %.3f | best %.4f (episode %d)\n", e.episode + 1, total,
                   e.outcome.reward, e.outcome.metric, e.outcome.sizeRatio, best.outcome.reward, best.episode + 1);
    if (!m_store) return;
    const auto s = m_store->logScalars(m_runId, e.episode,
                                       {{"rl/reward", e.outcome.reward},
                                        {"rl/metric", e.outcome.metric},
                                        {"rl/size_ratio", e.outcome.sizeRatio},
                                        {"rl/baseline", e.baseline},
                                        {"rl/best_reward", best.outcome.reward}});
    if (s) (void)m_store->setRunProgress(m_runId, e.episode + 1);
    else if (!m_warned) {
      std::fprintf(stderr, "warning: %s\n", s.error().message.c_str());
      m_warned = true;
    }
  }

 private:
  store::RunStore* m_store;
  std::int64_t m_runId;
  bool m_warned = false;
};

void printTable(const CompressSessionResult& r) {
  std::printf("%-10s %8s %8s %8s %8s %10s %10s\n", "plan", "metric", "report", "size", "model", "params", "MACs/tok");
  auto line = [](const compress::PlanSummary& p, bool chosen) {
    std::printf("%-10s %8.4f %8.4f %8.3f %8.3f %10lld %10lld%s\n", p.name.c_str(), p.ranking.metric(), p.report.metric(),
                p.sizeRatio, p.modelSizeRatio, static_cast<long long>(p.compressed.params),
                static_cast<long long>(p.compressed.macs), chosen ? "  <- written" : "");
  };
  line(r.dense, false);
  for (std::size_t i = 0; i < r.plans.size(); ++i) line(r.plans[i], static_cast<int>(i) == r.chosen);
  std::printf("metric = mean(R@1, R@5) both directions; 'metric' on the %lld-image ranking set (the reward), "
              "'report' on the %lld held-out images; size = factorisable parameters kept\n",
              static_cast<long long>(r.rankingImages), static_cast<long long>(r.reportImages));
}

struct StoreContext {
  std::unique_ptr<store::RunStore> store;
  std::string path;
  std::optional<std::int64_t> parentRunId;
  std::string parentName;
};

// The checkpoint's project store and the run that wrote it (as `vimoe eval` finds them).
Expected<StoreContext> openStore(const CompressCliOptions& o, const std::string& dir, const train::TrainingState& state) {
  StoreContext ctx;
  ctx.path = o.storePath;
  if (ctx.path.empty())
    if (auto project = config::findProjectDir(dir))
      if (auto loaded = config::loadProject(*project)) ctx.path = loaded->storePath();
  if (ctx.path.empty() || ctx.path == "none") return ctx;
  auto store = store::RunStore::open(ctx.path);
  if (!store) return store.error();
  ctx.store = std::move(*store);
  if (state.runId > 0) {
    auto run = ctx.store->run(state.runId);
    std::error_code ec;
    if (run && fs::exists(run->checkpointDir) && fs::equivalent(run->checkpointDir, dir, ec)) {
      ctx.parentRunId = state.runId;
      ctx.parentName = run->name;
    }
  }
  return ctx;
}

}  // namespace

int runCompress(const CompressCliOptions& o) {
  if (!(o.budget > 0 && o.budget < 1)) return reportError("--budget must be in (0, 1), got " + budgetText(o.budget), kExitBadInput);
  if (o.episodes < 1) return reportError("--episodes must be >= 1", kExitBadInput);
  auto methods = parseMethods(o.methods);
  if (!methods) return reportError(methods.error().message, kExitBadInput);
  auto dir = eval::resolveCheckpoint(o.checkpoint, "contrastive");
  if (!dir) return reportError(dir.error().message, kExitBadInput);
  auto loaded = eval::loadContrastiveModel(*dir);
  if (!loaded) return reportError(loaded.error().message, kExitBadInput);
  auto state = train::readTrainingState(*dir);
  if (!state) return reportError(state.error().message, kExitBadInput);
  auto projectDir = config::findProjectDir(*dir);
  if (!projectDir)
    return reportError(*dir + ": no project (vimoe-project.json) around this checkpoint: its validation data cannot be found",
                       kExitBadInput);
  const auto& cfg = loaded->cfg;
  StderrLogSink log;
  NullProgressObserver progress;
  CancelToken cancel;
  cancelOnTerminationSignals(cancel);
  auto projectData = train::prepareProjectData(cfg, *projectDir, log, progress, cancel);
  if (!projectData) return reportError(projectData.error().message, kExitBadInput);
  auto val = train::buildContrastiveSplit(projectData->val, loaded->tokenizer, cfg.data.image_size, cfg.data.max_text_tokens, log,
                                            cfg.data.image_cache_mb);
  if (!val) return reportError(val.error().message, kExitBadInput);
  data::CaptionDataset calibrationSet = projectData->train;
  if (calibrationSet.images.size() > 64) calibrationSet.images.resize(64);
  auto calibration =
      train::buildContrastiveSplit(calibrationSet, loaded->tokenizer, cfg.data.image_size, cfg.data.max_text_tokens, log,
                                            cfg.data.image_cache_mb);

  auto ctx = openStore(o, *dir, *state);
  if (!ctx) return reportError(ctx.error().message, kExitFailed);
  if (ctx->store && !ctx->parentRunId)
    std::fprintf(stderr, "warning: run %lld of %s did not write %s: the compress run gets no parent\n",
                 static_cast<long long>(state->runId), ctx->path.c_str(), dir->c_str());
  const auto options = optionsJson(o, fs::absolute(*dir).string());
  std::int64_t runId = 0;
  if (ctx->store) {
    store::NewRun run;
    run.name = "compress " + o.agent + " " + budgetText(o.budget) + " of " + (ctx->parentName.empty() ? cfg.run.name : ctx->parentName);
    run.kind = "compress";
    run.configJson = options.dump();
    run.parentRunId = ctx->parentRunId;
    run.seed = static_cast<std::int64_t>(o.seed);
    run.totalSteps = (o.agent == "ppo" || o.agent == "reinforce") ? o.episodes : 0;
    run.versions = libraryVersions();
    run.gitRevision = gitRevision();
    auto created = ctx->store->createRun(run);
    if (!created) return reportError(created.error().message, kExitFailed);
    runId = *created;
    (void)ctx->store->setRunStatus(runId, store::RunStatus::Running);
  }
  const std::string out = !o.out.empty() ? o.out
                          : (fs::path(train::resolveProjectPath(*projectDir, cfg.run.checkpoint_dir)) /
                             ((runId > 0 ? std::to_string(runId) : std::string("local")) + "-compress-" + o.agent + "-" +
                              budgetText(o.budget)))
                                .string();
  auto fail = [&](const std::string& message, int code) {
    // Bad input leaves nothing behind; a failure after the work started stays as a failed run.
    if (ctx->store && runId > 0 && code == kExitBadInput) {
      (void)ctx->store->deleteRun(runId);
    } else if (ctx->store && runId > 0) {
      (void)ctx->store->setRunNotes(runId, message);
      (void)ctx->store->setRunStatus(runId, store::RunStatus::Failed);
    }
    return reportError(message, code);
  };
  if (fs::exists(fs::path(out) / "model.safetensors")) return fail(out + ": already holds a checkpoint; choose another --out", kExitBadInput);

  compress::CompressSessionOptions session;
  session.budget = o.budget;
  session.agent = o.agent;
  session.episodes = o.episodes;
  session.seed = o.seed;
  session.methods = *methods;
  session.rankingImages = o.rankingImages;
  VerbObserver observer(ctx->store.get(), runId);
  auto clip = loaded->model;
  auto result = compress::runCompressSession(clip, cfg, *val, calibration ? &*calibration : nullptr, session, observer, cancel);
  if (!result) return fail(result.error().message, kExitBadInput);

  // The compressed checkpoint: a normal contrastive checkpoint whose factorised matrices hold W_hat.
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) return fail(out + ": cannot create the folder: " + ec.message(), kExitFailed);
  config::ExperimentConfig outCfg = cfg;
  outCfg.run.name = cfg.run.name + "-compressed-" + o.agent + "-" + budgetText(o.budget);
  train::TrainingState outState = *state;
  outState.runId = runId;
  outState.metrics = {{"compress", {{"agent", o.agent}, {"budget", o.budget}, {"source", fs::absolute(*dir).string()}}}};
  if (auto s = train::saveCheckpoint(out, *clip, nullptr, outCfg, outState); !s) return fail(s.error().message, kExitFailed);
  if (auto tok = train::checkpointTokenizerPath(*dir))
    if (auto s = train::copyTokenizerIntoCheckpoint(*tok, out); !s) return fail(s.error().message, kExitFailed);
  auto factorBytes = compress::writeFactors((fs::path(out) / "factors.safetensors").string(), *result);
  if (!factorBytes) return fail(factorBytes.error().message, kExitFailed);
  auto report = compress::reportJson(*result, options);
  report["factors_file_bytes"] = *factorBytes;
  report["checkpoint"] = fs::absolute(out).string();
  report["run_id"] = runId;
  nlohmann::json plan = {{"format", "vimoe-compress-plan"},
                         {"source", fs::absolute(*dir).string()},
                         {"budget", o.budget},
                         {"plan", report["chosen"]},
                         {"weights", "model.safetensors holds W_hat = the product of each factorised matrix's factors"},
                         {"factors", "factors.safetensors"},
                         {"layers", report["layers"]}};
  const std::string reportPath = (fs::path(out) / "report.json").string();
  if (auto s = writeFileAtomically((fs::path(out) / "plan.json").string(), plan.dump(2) + "\n"); !s) return fail(s.error().message, kExitFailed);
  if (auto s = writeFileAtomically(reportPath, report.dump(2) + "\n"); !s) return fail(s.error().message, kExitFailed);

  if (ctx->store) {
    auto& st = *ctx->store;
    Status s = st.beginBatch();
    for (const auto& row : compress::compressEvalRows(*result))
      if (s) s = st.writeEval(runId, row);
    if (s) s = st.writeEval(runId, {"compress", "factors/file_bytes", double(*factorBytes), ""});
    if (s) s = st.commitBatch();
    if (s) s = st.addArtifact(runId, "checkpoint", fs::absolute(out).string(), "");
    const std::string factorsPath = fs::absolute(fs::path(out) / "factors.safetensors").string();
    if (s) s = st.addArtifact(runId, "report", fs::absolute(reportPath).string(), sha256Of(reportPath));
    if (s) s = st.addArtifact(runId, "factors", factorsPath, sha256Of(factorsPath));
    if (s) s = st.setCheckpointDir(runId, fs::absolute(out).string());
    if (s) s = st.setRunStatus(runId, result->cancelled ? store::RunStatus::Cancelled : store::RunStatus::Finished);
    if (!s) return reportError(s.error().message, kExitFailed);
  }
  if (o.json) {
    std::printf("%s\n", report.dump(2).c_str());
  } else {
    printTable(*result);
    std::printf("compressed checkpoint: %s (factors %lld bytes)\n", out.c_str(), static_cast<long long>(*factorBytes));
    if (runId > 0) std::printf("stored as run %lld in %s\n", static_cast<long long>(runId), ctx->path.c_str());
  }
  return result->cancelled ? kExitFailed : kExitOk;
}

}  // namespace vimoe::cli
