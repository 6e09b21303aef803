#include "vimoe/compress/compress_session.h"

#include <chrono>
#include <stdexcept>

#include "vimoe/compress/activation_stats.h"
#include "vimoe/compress/baselines.h"

namespace vimoe::compress {
namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::int64_t modelParameters(torch::nn::Module& model) {
  std::int64_t n = 0;
  for (const auto& p : model.parameters()) n += p.numel();
  return n;
}

}  // namespace

void markParetoFront(std::vector<ParetoPoint>& points) {
  for (auto& p : points) {
    p.onFront = true;
    for (const auto& q : points) {
      const bool noWorse = q.sizeRatio <= p.sizeRatio + 1e-12 && q.metric >= p.metric - 1e-12;
      const bool better = q.sizeRatio < p.sizeRatio - 1e-12 || q.metric > p.metric + 1e-12;
      if (noWorse && better) {
        p.onFront = false;
        break;
      }
    }
  }
}

Expected<CompressSessionResult> runCompressSession(model::ClipModel& model, const config::ExperimentConfig& cfg,
                                                   const train::ContrastiveSplit& val, const train::ContrastiveSplit* calibration,
                                                   const CompressSessionOptions& options, CompressObserver& observer,
                                                   const CancelToken& cancel) {
  if (!(options.budget > 0.0 && options.budget < 1.0))
    return Error{"--budget must be in (0, 1): the share of the factorisable parameters to keep, got " +
                 std::to_string(options.budget)};
  const std::int64_t n = val.imageCount();
  if (n < 4) return Error{"the validation split has " + std::to_string(n) + " images; compression needs at least 4"};
  torch::NoGradGuard noGrad;
  model->eval();
  CompressSessionResult result;
  result.modelParams = modelParameters(*model);
  result.slots = catalogWeights(*model);
  if (result.slots.empty()) return Error{"the model has no weight matrix to factorise"};
  FactorizeOptions factorizeOptions;
  factorizeOptions.seed = options.seed;
  ModelCompressor compressor(*model, result.slots, factorizeOptions);

  const std::int64_t rankingCount = std::max<std::int64_t>(2, std::min(options.rankingImages, n / 2));
  const RankingSet rankingSet = rankingSubset(val, 0, rankingCount);
  const RankingSet reportSet = rankingSubset(val, rankingCount, n - rankingCount);
  result.rankingImages = rankingSet.images();
  result.reportImages = reportSet.images();

  observer.stage("activation statistics for ASVD");
  {
    const auto& source = calibration && calibration->imageCount() > 0 ? *calibration : val;
    const std::int64_t first = &source == &val ? rankingCount : 0;
    const std::int64_t count = std::max<std::int64_t>(1, std::min(options.calibrationImages, source.imageCount() - first));
    const auto pixels = train::pixelsFromBytes(source.images.range(first, count));
    const auto ids = source.captionIds.index_select(0, source.firstCaption.narrow(0, first, count));
    compressor.setActivationScales(collectInputStatistics(model, cfg, pixels, ids).meanAbs);
  }

  observer.stage("dense metric and per-matrix sensitivity");
  CompressionEnvOptions envOptions;
  envOptions.budget = options.budget;
  envOptions.methods = options.methods;
  CompressionEnvironment env(compressor, [&] { return evaluateRanking(model, rankingSet).metric(); }, envOptions);
  if (!env.minimumReachable())
    return Error{"--budget " + std::to_string(options.budget).substr(0, 6) + " is below the smallest plan the ratio bins reach (" +
                 std::to_string(envOptions.ratios.front()).substr(0, 4) + " of every matrix)"};
  result.sensitivity = env.sensitivity();

  const CostCounts denseCost = compressor.denseCost();
  auto summarize = [&](const std::string& name, const Plan& plan, double seconds) {
    PlanSummary s;
    s.name = name;
    s.plan = plan;
    compressor.apply(plan);
    s.ranking = evaluateRanking(model, rankingSet);
    s.report = evaluateRanking(model, reportSet);
    compressor.restore();
    s.dense = denseCost;
    s.compressed = compressor.planCost(plan);
    s.sizeRatio = compressor.sizeRatio(plan);
    s.modelSizeRatio = double(result.modelParams - denseCost.params + s.compressed.params) / double(result.modelParams);
    s.seconds = seconds;
    return s;
  };
  result.dense = summarize("dense", compressor.densePlan(), 0.0);

  observer.stage("baselines: uniform, energy, asvd");
  auto start = std::chrono::steady_clock::now();
  result.plans.push_back(summarize("uniform", uniformPlan(compressor, Method::Svd, options.budget), secondsSince(start)));
  start = std::chrono::steady_clock::now();
  auto energy = energyPlan(compressor, options.budget);
  result.plans.push_back(summarize("energy", energy.plan, secondsSince(start)));
  result.plans.back().extra["tau"] = energy.tau;
  start = std::chrono::steady_clock::now();
  result.plans.push_back(summarize("asvd", uniformPlan(compressor, Method::Asvd, options.budget), secondsSince(start)));
  result.plans.back().extra["alpha"] = 0.5;

  result.chosen = options.agent == "uniform" ? 0 : options.agent == "energy" ? 1 : 2;
  if (options.agent == "ppo" || options.agent == "reinforce") {
    observer.stage(options.agent + " agent, " + std::to_string(options.episodes) + " episodes");
    AgentOptions agentOptions = options.agentOptions;
    agentOptions.algorithm = options.agent;
    agentOptions.episodes = options.episodes;
    agentOptions.seed = options.seed;
    start = std::chrono::steady_clock::now();
    auto run = trainAgent(
        env, agentOptions,
        [&](const EpisodeRecord& e, const EpisodeRecord& best) { observer.episode(e, best, options.episodes); }, &cancel);
    const double seconds = secondsSince(start);
    result.cancelled = run.cancelled;
    result.plans.push_back(summarize(options.agent, env.planOf(run.best.actions), seconds));
    auto& extra = result.plans.back().extra;
    extra["episodes"] = static_cast<int>(run.episodes.size());
    extra["best_episode"] = run.best.episode;
    extra["reward"] = run.best.outcome.reward;
    extra["greedy_reward"] = run.greedy.outcome.reward;
    for (const auto& e : run.episodes)
      result.pareto.push_back({"episode", e.episode, e.outcome.sizeRatio, e.outcome.metric, false});
    result.agent = std::move(run);
    result.chosen = static_cast<int>(result.plans.size()) - 1;
  } else if (options.agent != "uniform" && options.agent != "energy" && options.agent != "asvd") {
    return Error{"--agent must be ppo, reinforce, uniform, energy or asvd, got '" + options.agent + "'"};
  }
  result.pareto.push_back({"dense", -1, 1.0, result.dense.ranking.metric(), false});
  for (const auto& p : result.plans) result.pareto.push_back({p.name, -1, p.sizeRatio, p.ranking.metric(), false});
  markParetoFront(result.pareto);
  result.evaluations = env.evaluations();

  const auto& chosen = result.plans[static_cast<std::size_t>(result.chosen)];
  result.chosenLayers = compressor.describe(chosen.plan);
  for (std::size_t i = 0; i < chosen.plan.size(); ++i)
    result.chosenFactors.push_back(chosen.plan[i].dense() ? Factorization{} : compressor.factorization(i, chosen.plan[i]));
  compressor.apply(chosen.plan);  // the caller saves this
  return result;
}

}  // namespace vimoe::compress
