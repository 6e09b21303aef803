#include "vimoe/compress/agent.h"

#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>

#include "vimoe/compress/categorical.h"

namespace vimoe::compress {
namespace {

class PolicyNetImpl : public torch::nn::Module {
 public:
  PolicyNetImpl(int features, int methods, int ratios, int hidden) : m_methods(methods) {
    m_fc1 = register_module("fc1", torch::nn::Linear(features, hidden));
    m_fc2 = register_module("fc2", torch::nn::Linear(hidden, hidden));
    m_method = register_module("method", torch::nn::Linear(hidden, methods));
    m_ratio = register_module("ratio", torch::nn::Linear(hidden + methods, ratios));
    m_value = register_module("value", torch::nn::Linear(hidden, 1));
  }
  void initialize(std::uint64_t seed) {
    torch::NoGradGuard noGrad;
    auto gen = at::detail::createCPUGenerator(seed);
    for (auto& item : named_parameters()) {
      auto& p = item.value();
      if (p.dim() == 2) {
        const double bound = std::sqrt(6.0 / double(p.size(0) + p.size(1)));
        p.uniform_(-bound, bound, gen);
      } else {
        p.zero_();
      }
    }
    // Small output layers: the first policy is close to uniform.
    m_method->weight.mul_(0.1);
    m_ratio->weight.mul_(0.1);
  }
  torch::Tensor trunk(const torch::Tensor& x) { return torch::tanh(m_fc2->forward(torch::tanh(m_fc1->forward(x)))); }
  torch::Tensor methodLogits(const torch::Tensor& h) { return m_method->forward(h); }
  torch::Tensor ratioLogits(const torch::Tensor& h, const torch::Tensor& methods) {
    return m_ratio->forward(torch::cat({h, torch::one_hot(methods, m_methods).to(h.scalar_type())}, -1));
  }
  torch::Tensor value(const torch::Tensor& h) { return m_value->forward(h).squeeze(-1); }

 private:
  int m_methods;
  torch::nn::Linear m_fc1{nullptr}, m_fc2{nullptr}, m_method{nullptr}, m_ratio{nullptr}, m_value{nullptr};
};
TORCH_MODULE(PolicyNet);

// Everything an update needs about the steps of a batch of episodes.
struct StepBatch {
  std::vector<torch::Tensor> features;
  std::vector<std::int64_t> methods, ratios;
  std::vector<std::vector<bool>> masks;
  std::vector<std::vector<float>> priors;
  std::vector<double> returns, oldLogProbs;
};

struct Rollout {
  std::vector<Action> actions;
  std::vector<torch::Tensor> features;
  std::vector<std::vector<bool>> masks;
  std::vector<std::vector<float>> priors;
  std::vector<double> logProbs;
  double meanValue = 0;
};

torch::Tensor maskTensor(const std::vector<std::vector<bool>>& masks) {
  const auto n = static_cast<std::int64_t>(masks.size()), r = static_cast<std::int64_t>(masks.front().size());
  auto t = torch::zeros({n, r}, torch::kBool);
  auto a = t.accessor<bool, 2>();
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < r; ++j) a[i][j] = masks[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
  return t;
}

Rollout rollout(Environment& env, PolicyNet& policy, std::mt19937_64* rng) {
  torch::NoGradGuard noGrad;
  Rollout r;
  double valueSum = 0;
  for (int t = 0; t < env.stepCount(); ++t) {
    const auto f = env.features(t, r.actions);
    const auto h = policy->trunk(f.unsqueeze(0));
    const auto methodLp = categoricalLogProbs(policy->methodLogits(h).squeeze(0));
    const int m = rng ? sampleCategorical(methodLp, uniform01(*rng)) : argmaxCategorical(methodLp);
    const auto mask = env.allowedRatios(t, m, r.actions);
    auto prior = env.ratioPrior(t, r.actions);
    if (prior.empty()) prior.assign(env.actions().ratios.size(), 0.0f);
    const auto ratioLp = categoricalLogProbs(
        maskLogits(policy->ratioLogits(h, torch::tensor({std::int64_t(m)})).squeeze(0) + torch::tensor(prior), mask));
    const int k = rng ? sampleCategorical(ratioLp, uniform01(*rng)) : argmaxCategorical(ratioLp);
    r.logProbs.push_back(methodLp[m].item<double>() + ratioLp[k].item<double>());
    valueSum += policy->value(h).item<double>();
    r.features.push_back(f);
    r.masks.push_back(mask);
    r.priors.push_back(std::move(prior));
    r.actions.push_back({m, k});
  }
  r.meanValue = env.stepCount() ? valueSum / env.stepCount() : 0.0;
  return r;
}

struct Evaluated {
  torch::Tensor logProbs, entropy, values;
};

Evaluated evaluateSteps(PolicyNet& policy, const StepBatch& batch, const torch::Tensor& x, const torch::Tensor& masks,
                        const torch::Tensor& priors) {
  const auto methods = torch::tensor(batch.methods, torch::kLong), ratios = torch::tensor(batch.ratios, torch::kLong);
  const auto h = policy->trunk(x);
  const auto methodLp = torch::log_softmax(policy->methodLogits(h), -1);
  const auto ratioLp = torch::log_softmax(
      (policy->ratioLogits(h, methods) + priors).masked_fill(masks.logical_not(), -std::numeric_limits<float>::infinity()), -1);
  Evaluated e;
  e.logProbs = methodLp.gather(1, methods.unsqueeze(1)).squeeze(1) + ratioLp.gather(1, ratios.unsqueeze(1)).squeeze(1);
  e.entropy = categoricalEntropy(methodLp) + categoricalEntropy(ratioLp);
  e.values = policy->value(h);
  return e;
}

}  // namespace

std::vector<Action> randomActions(Environment& env, std::mt19937_64& rng) {
  std::vector<Action> actions;
  const int methods = static_cast<int>(env.actions().methods.size());
  for (int t = 0; t < env.stepCount(); ++t) {
    const int m = static_cast<int>(uniform01(rng) * methods);
    const auto mask = env.allowedRatios(t, m, actions);
    std::vector<int> allowed;
    for (std::size_t i = 0; i < mask.size(); ++i)
      if (mask[i]) allowed.push_back(static_cast<int>(i));
    actions.push_back({m, allowed[static_cast<std::size_t>(uniform01(rng) * allowed.size())]});
  }
  return actions;
}

AgentResult trainAgent(Environment& env, const AgentOptions& options, const EpisodeObserver& observer, const CancelToken* cancel) {
  const bool ppo = options.algorithm == "ppo";
  if (!ppo && options.algorithm != "reinforce") throw std::invalid_argument("unknown agent '" + options.algorithm + "'");
  if (options.episodes < 1) throw std::invalid_argument("the agent needs at least one episode");
  // The caller may evaluate models under a NoGradGuard; the policy needs gradients.
  torch::AutoGradMode gradients(true);
  PolicyNet policy(env.featureCount(), static_cast<int>(env.actions().methods.size()),
                   static_cast<int>(env.actions().ratios.size()), options.hidden);
  policy->initialize(options.seed);
  torch::optim::Adam optimizer(policy->parameters(), torch::optim::AdamOptions(options.learningRate));
  std::mt19937_64 rng(options.seed * 0x9E3779B97F4A7C15ULL + 1);

  AgentResult result;
  result.best.outcome.reward = -std::numeric_limits<double>::infinity();
  double baseline = 0, spread = 0;  // REINFORCE: moving mean and mean absolute deviation
  bool baselineSet = false;
  StepBatch batch;
  int inBatch = 0;
  for (int episode = 0; episode < options.episodes; ++episode) {
    if (cancel && cancel->cancelled()) {
      result.cancelled = true;
      break;
    }
    auto r = rollout(env, policy, &rng);
    EpisodeRecord record;
    record.episode = episode;
    record.actions = r.actions;
    record.outcome = env.evaluate(r.actions);
    record.baseline = ppo ? r.meanValue : baseline;
    for (std::size_t t = 0; t < r.actions.size(); ++t) {
      batch.features.push_back(r.features[t]);
      batch.methods.push_back(r.actions[t].method);
      batch.ratios.push_back(r.actions[t].ratio);
      batch.masks.push_back(r.masks[t]);
      batch.priors.push_back(r.priors[t]);
      batch.returns.push_back(record.outcome.reward);  // AMC: every step gets the final reward
      batch.oldLogProbs.push_back(r.logProbs[t]);
    }
    if (record.outcome.reward > result.best.outcome.reward) result.best = record;
    result.episodes.push_back(record);
    if (observer) observer(record, result.best);

    if (++inBatch < options.batchEpisodes && episode + 1 < options.episodes) continue;
    // --- policy update on the batch
    const auto x = torch::stack(batch.features);
    const auto masks = maskTensor(batch.masks);
    std::vector<torch::Tensor> priorRows;
    for (const auto& p : batch.priors) priorRows.push_back(torch::tensor(p));
    const auto priors = torch::stack(priorRows);
    const auto returns = torch::tensor(batch.returns, torch::kFloat32);
    if (ppo) {
      const auto oldLp = torch::tensor(batch.oldLogProbs, torch::kFloat32);
      torch::Tensor advantages;
      {
        torch::NoGradGuard noGrad;
        advantages = returns - policy->value(policy->trunk(x));
        const auto sd = advantages.std(/*unbiased=*/false).item<double>();
        if (sd > 1e-8) advantages = (advantages - advantages.mean()) / sd;
      }
      for (int epoch = 0; epoch < options.ppoEpochs; ++epoch) {
        const auto e = evaluateSteps(policy, batch, x, masks, priors);
        const auto ratio = (e.logProbs - oldLp).exp();
        const auto clipped = ratio.clamp(1.0 - options.ppoClip, 1.0 + options.ppoClip);
        const auto policyLoss = -torch::min(ratio * advantages, clipped * advantages).mean();
        const auto valueLoss = (e.values - returns).square().mean();
        const auto loss = policyLoss + options.valueWeight * valueLoss - options.entropyWeight * e.entropy.mean();
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
      }
    } else {
      double mean = returns.mean().item<double>();
      if (!baselineSet) {
        baseline = mean;
        spread = (returns - mean).abs().mean().item<double>();
        baselineSet = true;
      }
      const double scale = spread > 1e-8 ? spread : 1.0;
      const auto advantages = (returns - baseline) / scale;
      const auto e = evaluateSteps(policy, batch, x, masks, priors);
      const auto loss = -(advantages * e.logProbs).mean() - options.entropyWeight * e.entropy.mean();
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
      // The baseline moves after the update, so an episode is never judged against itself.
      spread = options.baselineMomentum * spread + (1 - options.baselineMomentum) * (returns - baseline).abs().mean().item<double>();
      baseline = options.baselineMomentum * baseline + (1 - options.baselineMomentum) * mean;
    }
    batch = StepBatch{};
    inBatch = 0;
  }
  auto greedy = rollout(env, policy, nullptr);
  result.greedy.episode = -1;
  result.greedy.actions = greedy.actions;
  result.greedy.outcome = env.evaluate(greedy.actions);
  result.greedy.baseline = ppo ? greedy.meanValue : baseline;
  if (result.greedy.outcome.reward > result.best.outcome.reward) result.best = result.greedy;
  return result;
}

}  // namespace vimoe::compress
