// Policy-gradient agents for the compression environment: a small MLP policy (two hidden tanh
// layers; a method head, a ratio head that also sees the chosen method, and a value head),
// trained by REINFORCE with a moving-average baseline or by PPO (clipped objective, value
// head as the baseline, a few epochs per batch of episodes). Sampling uses the hand-written
// categorical of categorical.h with a seeded generator, and the weights are initialised from
// the seed, so the same seed gives the same episodes and the same plan.
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "vimoe/compress/environment.h"
#include "vimoe/util/cancel.h"

namespace vimoe::compress {

struct AgentOptions {
  std::string algorithm = "ppo";  // ppo | reinforce
  int episodes = 200;
  int batchEpisodes = 5;          // episodes per policy update
  double learningRate = 0.01;
  double entropyWeight = 0.01;
  double baselineMomentum = 0.8;  // REINFORCE
  int ppoEpochs = 4;
  double ppoClip = 0.2;
  double valueWeight = 0.5;
  int hidden = 64;
  std::uint64_t seed = 1;
};

struct EpisodeRecord {
  int episode = 0;  // 0-based; the greedy plan at the end is recorded with episode = -1
  std::vector<Action> actions;
  EpisodeOutcome outcome;
  double baseline = 0;  // REINFORCE: the moving average; PPO: the mean value estimate
};

struct AgentResult {
  std::vector<EpisodeRecord> episodes;
  EpisodeRecord greedy;  // argmax actions of the final policy
  EpisodeRecord best;    // the highest reward of all episodes and the greedy plan
  bool cancelled = false;
};

using EpisodeObserver = std::function<void(const EpisodeRecord& episode, const EpisodeRecord& bestSoFar)>;

// Throws std::invalid_argument for an unknown algorithm or episodes < 1.
AgentResult trainAgent(Environment& env, const AgentOptions& options, const EpisodeObserver& observer = {},
                       const CancelToken* cancel = nullptr);

// One episode of uniformly random allowed actions (the reference a learner must beat).
std::vector<Action> randomActions(Environment& env, std::mt19937_64& rng);

}  // namespace vimoe::compress
