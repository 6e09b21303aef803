// REINFORCE and PPO on a toy environment whose optimum is known: the reward is the mean over
// steps of a fixed per-step table entry, so the best plan takes each step's best cell. The
// learned plan must beat a random policy by far, come close to the optimum, and be the same
// for the same seed.
#include <gtest/gtest.h>

#include "vimoe/compress/agent.h"

using namespace vimoe::compress;

namespace {

class TableEnvironment : public Environment {
 public:
  TableEnvironment(int steps, int methods, int ratios, std::uint64_t seed) : m_steps(steps) {
    for (int m = 0; m < methods; ++m) m_space.methods.push_back("m" + std::to_string(m));
    for (int r = 0; r < ratios; ++r) m_space.ratios.push_back(double(r + 1) / ratios);
    auto gen = at::detail::createCPUGenerator(seed);
    m_table = torch::rand({steps, methods, ratios}, gen, torch::TensorOptions().dtype(torch::kFloat64));
  }
  int stepCount() const override { return m_steps; }
  int featureCount() const override { return m_steps; }
  const ActionSpace& actions() const override { return m_space; }
  torch::Tensor features(int step, const std::vector<Action>&) const override {
    auto f = torch::zeros({m_steps});
    f[step] = 1.0f;
    return f;
  }
  std::vector<bool> allowedRatios(int, int, const std::vector<Action>&) const override {
    return std::vector<bool>(m_space.ratios.size(), true);
  }
  EpisodeOutcome evaluate(const std::vector<Action>& actions) override {
    double sum = 0;
    for (int t = 0; t < m_steps; ++t)
      sum += m_table[t][actions[static_cast<std::size_t>(t)].method][actions[static_cast<std::size_t>(t)].ratio].item<double>();
    EpisodeOutcome o;
    o.reward = o.metric = sum / m_steps;
    return o;
  }
  double optimum() const { return m_table.flatten(1).amax(1).mean().item<double>(); }
  double randomMean() const { return m_table.mean().item<double>(); }

 private:
  int m_steps;
  ActionSpace m_space;
  torch::Tensor m_table;
};

AgentOptions toyOptions(const std::string& algorithm, std::uint64_t seed) {
  AgentOptions o;
  o.algorithm = algorithm;
  o.episodes = 400;
  o.batchEpisodes = 8;
  o.learningRate = 0.03;
  o.entropyWeight = 0.001;
  o.hidden = 32;
  o.seed = seed;
  return o;
}

}  // namespace

class CompressAgent : public ::testing::TestWithParam<std::string> {};

TEST_P(CompressAgent, BeatsARandomPolicyAndNearsTheKnownOptimum) {
  TableEnvironment env(5, 2, 4, 21);
  const double optimum = env.optimum(), random = env.randomMean();
  ASSERT_GT(optimum - random, 0.2);  // the table leaves room to learn
  const auto result = trainAgent(env, toyOptions(GetParam(), 7));
  ASSERT_EQ(result.episodes.size(), 400u);
  // A random policy, measured the same way.
  std::mt19937_64 rng(99);
  double randomSum = 0;
  for (int i = 0; i < 200; ++i) randomSum += env.evaluate(randomActions(env, rng)).reward;
  const double measuredRandom = randomSum / 200;
  EXPECT_NEAR(measuredRandom, random, 0.05);
  const double greedy = result.greedy.outcome.reward;
  EXPECT_GT(greedy, measuredRandom + 0.6 * (optimum - random)) << "greedy " << greedy << " optimum " << optimum;
  EXPECT_GE(result.best.outcome.reward, optimum - 0.05) << "best " << result.best.outcome.reward << " optimum " << optimum;
  // The last episodes sample better than the first ones.
  double first = 0, last = 0;
  for (int i = 0; i < 40; ++i) {
    first += result.episodes[static_cast<std::size_t>(i)].outcome.reward / 40;
    last += result.episodes[result.episodes.size() - 1 - static_cast<std::size_t>(i)].outcome.reward / 40;
  }
  EXPECT_GT(last, first + 0.1);
}

TEST_P(CompressAgent, SameSeedSamePlan) {
  TableEnvironment env(4, 2, 3, 5);
  auto options = toyOptions(GetParam(), 3);
  options.episodes = 40;
  const auto a = trainAgent(env, options);
  const auto b = trainAgent(env, options);
  EXPECT_EQ(a.best.actions, b.best.actions);
  EXPECT_EQ(a.greedy.actions, b.greedy.actions);
  for (std::size_t i = 0; i < a.episodes.size(); ++i) EXPECT_EQ(a.episodes[i].actions, b.episodes[i].actions) << i;
  options.seed = 4;
  const auto c = trainAgent(env, options);
  bool differs = false;
  for (std::size_t i = 0; i < a.episodes.size(); ++i) differs = differs || !(a.episodes[i].actions == c.episodes[i].actions);
  EXPECT_TRUE(differs);
}

INSTANTIATE_TEST_SUITE_P(Algorithms, CompressAgent, ::testing::Values("reinforce", "ppo"));

TEST(CompressAgentOptions, UnknownAlgorithmIsRejected) {
  TableEnvironment env(2, 1, 2, 1);
  AgentOptions o;
  o.algorithm = "dqn";
  EXPECT_THROW(trainAgent(env, o), std::invalid_argument);
}
