// One compression job on a loaded contrastive model: catalogue its matrices, cut the
// validation split into a ranking set (the reward) and a report set, collect activation
// statistics on training images (ASVD), measure the baselines (uniform SVD, energy, ASVD) and
// run the agent (PPO or REINFORCE) at the same budget, and leave the model holding the chosen
// plan's weights for the caller to save. `vimoe compress` is a thin layer over this.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "vimoe/compress/agent.h"
#include "vimoe/compress/compression_env.h"
#include "vimoe/compress/model_compressor.h"
#include "vimoe/compress/ranking_eval.h"
#include "vimoe/config/experiment_config.h"
#include "vimoe/model/clip_model.h"
#include "vimoe/train/contrastive_data.h"
#include "vimoe/util/cancel.h"
#include "vimoe/util/expected.h"

namespace vimoe::compress {

struct CompressSessionOptions {
  double budget = 0.5;
  std::string agent = "ppo";  // ppo | reinforce | uniform | energy | asvd
  int episodes = 200;
  std::uint64_t seed = 1;
  std::vector<Method> methods{Method::Svd, Method::Cur, Method::Nmf};
  std::int64_t rankingImages = 128;     // at most half the validation images
  std::int64_t calibrationImages = 64;  // training images for the ASVD statistics
  AgentOptions agentOptions;            // episodes and seed are taken from above
};

struct PlanSummary {
  std::string name;  // dense | uniform | energy | asvd | ppo | reinforce
  Plan plan;
  RankingScores ranking;  // on the ranking set (what the agent was rewarded with)
  RankingScores report;   // on the held-out report set
  CostCounts dense, compressed;  // catalogued matrices
  double sizeRatio = 1;          // parameters kept, catalogued matrices
  double modelSizeRatio = 1;     // parameters kept, whole model
  double seconds = 0;            // time to find the plan (agent: training)
  nlohmann::json extra = nlohmann::json::object();
};

struct ParetoPoint {
  std::string source;  // "episode" | a baseline | the agent | "dense"
  int episode = -1;
  double sizeRatio = 1, metric = 0;
  bool onFront = false;  // no other point is at least as small and strictly better, or smaller and as good
};

struct CompressSessionResult {
  std::vector<WeightSlot> slots;
  std::vector<LayerOutcome> chosenLayers;
  std::vector<Factorization> chosenFactors;  // per slot (Dense for the kept ones)
  std::vector<double> sensitivity;
  PlanSummary dense;
  std::vector<PlanSummary> plans;  // baselines first, then the agent when it ran
  int chosen = 0;                  // index into plans
  std::optional<AgentResult> agent;
  std::vector<ParetoPoint> pareto;
  std::int64_t modelParams = 0;
  std::int64_t rankingImages = 0, reportImages = 0;
  std::size_t evaluations = 0;
  bool cancelled = false;
};

class CompressObserver {
 public:
  virtual ~CompressObserver() = default;
  virtual void stage(const std::string& /*what*/) {}
  virtual void episode(const EpisodeRecord& /*episode*/, const EpisodeRecord& /*best*/, int /*total*/) {}
};

// `calibration`: training images for ASVD (may be null: then the validation images past the
// ranking set are used). Bad input (a budget below the smallest reachable size, too few
// validation images) is an Error naming the option.
Expected<CompressSessionResult> runCompressSession(model::ClipModel& model, const config::ExperimentConfig& cfg,
                                                   const train::ContrastiveSplit& val, const train::ContrastiveSplit* calibration,
                                                   const CompressSessionOptions& options, CompressObserver& observer,
                                                   const CancelToken& cancel);

// Marks the non-dominated points (smaller size, higher metric).
void markParetoFront(std::vector<ParetoPoint>& points);

}  // namespace vimoe::compress
