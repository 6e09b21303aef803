#include "vimoe/robust/lipschitz.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <map>

#include "vimoe/robust/attacks.h"

namespace vimoe::robust {
namespace {

std::string layerPrefix(const std::string& name, const std::string& suffix) {
  return name.substr(0, name.size() - suffix.size());
}

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Margin of the true class over the best other one, per sample (the NLL for captions).
torch::Tensor margin(const TargetOutput& out, const torch::Tensor& labels) {
  if (!out.logits.defined()) return out.sampleLoss;
  const auto trueLogit = out.logits.gather(1, labels.unsqueeze(1)).squeeze(1);
  const auto others = out.logits.scatter(1, labels.unsqueeze(1), -1e9);
  return trueLogit - std::get<0>(others.max(1));
}

// Gradient of the margin at x, per sample.
torch::Tensor marginGradient(const Target& target, const torch::Tensor& x, const torch::Tensor& labels) {
  auto input = x.detach().clone().requires_grad_(true);
  const auto m = margin(target(input), labels);
  return torch::autograd::grad({m.sum()}, {input})[0].detach();
}

// Lipschitz bound of one expert i's FFN, keyed by (layer, expert).
std::map<std::pair<std::string, int>, double> boundsByExpert(const std::vector<FfnSpectral>& norms) {
  std::map<std::pair<std::string, int>, double> out;
  for (const auto& n : norms) out[{n.layer, n.expert}] = n.bound();
  return out;
}

}  // namespace

double spectralNorm(const torch::Tensor& weight, int iterations, std::uint64_t seed) {
  torch::NoGradGuard noGrad;
  const auto w = weight.detach().to(torch::kFloat64).cpu();
  auto generator = at::detail::createCPUGenerator(seed);
  auto v = torch::randn({w.size(1)}, generator, torch::TensorOptions().dtype(torch::kFloat64));
  v = v / v.norm();
  double sigma = 0;
  for (int i = 0; i < iterations; ++i) {
    auto u = w.mv(v);
    const double un = u.norm().item<double>();
    if (un == 0) return 0;
    u = u / un;
    v = w.t().mv(u);
    sigma = v.norm().item<double>();
    if (sigma == 0) return 0;
    v = v / sigma;
  }
  return sigma;
}

std::vector<FfnSpectral> ffnSpectralNorms(const AttackSet& set, int iterations) {
  std::vector<FfnSpectral> out;
  if (set.module) {
    const auto parameters = set.module->named_parameters();
    for (const auto& item : parameters) {
      const std::string name = item.key();
      if (!endsWith(name, ".mlp.fc1.weight")) continue;
      const std::string layer = layerPrefix(name, ".mlp.fc1.weight");
      const auto* fc2 = parameters.find(layer + ".mlp.fc2.weight");
      if (!fc2) continue;
      out.push_back({layer, -1, spectralNorm(item.value(), iterations), spectralNorm(*fc2, iterations)});
    }
  }
  for (const auto& [name, layer] : set.moeLayers)
    for (int e = 0; e < layer->experts(); ++e)
      out.push_back({name, e, spectralNorm(layer->w1[e], iterations), spectralNorm(layer->w2[e], iterations)});
  return out;
}

LocalLipschitz localLipschitz(const AttackSet& set, double radius, int searchSteps, int randomPoints, std::uint64_t seed,
                              int batchSize) {
  LocalLipschitz result;
  result.radius = radius;
  const auto n = set.size();
  std::vector<double> l2(static_cast<std::size_t>(n), 0.0), l1(static_cast<std::size_t>(n), 0.0);
  for (std::int64_t start = 0; start < n; start += batchSize) {
    const auto size = std::min<std::int64_t>(batchSize, n - start);
    const auto rows = torch::arange(start, start + size, torch::kLong);
    const auto labels = set.labels.index_select(0, rows).to(set.device);
    const auto x = attackPixels(set, rows);
    const Target target = set.targetFor(rows);
    auto l2Best = torch::zeros({size}, torch::kFloat64), l1Best = torch::zeros({size}, torch::kFloat64);
    auto visit = [&](const torch::Tensor& point) {
      const auto g = marginGradient(target, point, labels).flatten(1).to(torch::kFloat64).cpu();
      l2Best = torch::max(l2Best, g.norm(2, {1}));
      l1Best = torch::max(l1Best, g.abs().sum(1));
      return g;
    };
    visit(x);
    for (int r = 0; r < randomPoints; ++r) visit(uniformBallStart(x, radius, seed + static_cast<std::uint64_t>(start * 31 + r)));
    // Descend the margin: the attack's path crosses the regions where the margin moves fastest.
    auto point = x.clone();
    const double step = radius / std::max(1, searchSteps) * 2.5;
    for (int s = 0; s < searchSteps; ++s) {
      const auto g = marginGradient(target, point, labels);
      point = projectLinf(point - step * g.sign(), x, radius);
      visit(point);
    }
    for (std::int64_t i = 0; i < size; ++i) {
      l2[static_cast<std::size_t>(start + i)] = l2Best[i].item<double>();
      l1[static_cast<std::size_t>(start + i)] = l1Best[i].item<double>();
    }
  }
  result.samples = n;
  if (n > 0) {
    for (std::size_t i = 0; i < l2.size(); ++i) {
      result.meanL2 += l2[i] / static_cast<double>(n);
      result.meanL1 += l1[i] / static_cast<double>(n);
    }
    result.maxL2 = *std::max_element(l2.begin(), l2.end());
    result.maxL1 = *std::max_element(l1.begin(), l1.end());
  }
  return result;
}

std::vector<Lemma1Terms> lemma1Terms(const AttackSet& set, int maxTokens, int iterations) {
  std::vector<Lemma1Terms> out;
  if (set.moeLayers.empty()) return out;
  std::vector<model::RoutingCapture> captures;
  {
    torch::NoGradGuard noGrad;
    for (auto [name, layer] : set.moeLayers) layer->setCapture(&captures, /*withInputs=*/true);
    const auto n = std::min<std::int64_t>(set.size(), 64);
    const auto rows = torch::arange(n, torch::kLong);
    set.targetFor(rows)(attackPixels(set, rows));
    for (auto [name, layer] : set.moeLayers) layer->setCapture(nullptr);
  }
  const auto bounds = boundsByExpert(ffnSpectralNorms(set, iterations));
  for (std::size_t l = 0; l < set.moeLayers.size(); ++l) {
    const auto& [name, layer] = set.moeLayers[l];
    Lemma1Terms terms;
    terms.layer = name;
    for (int e = 0; e < layer->experts(); ++e) terms.maxExpertLipschitz = std::max(terms.maxExpertLipschitz, bounds.at({name, e}));
    std::vector<torch::Tensor> inputs, probs;
    for (const auto& c : captures)
      if (c.layer == static_cast<int>(l)) {
        inputs.push_back(c.inputs);
        probs.push_back(c.probs);
      }
    if (inputs.empty()) continue;  // a layer the attacked input never reaches (the text tower of zero-shot)
    torch::NoGradGuard noGrad;
    auto x = torch::cat(inputs).to(torch::kFloat64);
    auto p = torch::cat(probs).to(torch::kFloat64);
    if (x.size(0) > maxTokens) {
      x = x.narrow(0, 0, maxTokens);
      p = p.narrow(0, 0, maxTokens);
    }
    p = p / p.sum(1, /*keepdim=*/true);  // float32 probabilities sum to 1 only to ~1e-7
    const auto w1 = layer->w1.detach().cpu().to(torch::kFloat64), b1 = layer->b1.detach().cpu().to(torch::kFloat64);
    const auto w2 = layer->w2.detach().cpu().to(torch::kFloat64), b2 = layer->b2.detach().cpu().to(torch::kFloat64);
    // f_i(x) for every expert: [E, T, W].
    const auto hidden = torch::gelu(torch::baddbmm(b1.unsqueeze(1), x.unsqueeze(0).expand({w1.size(0), -1, -1}), w1));
    const auto f = torch::baddbmm(b2.unsqueeze(1), hidden, w2);
    const auto r = layer->router->weight.detach().cpu().to(torch::kFloat64);  // [E, W]
    const auto rBar = p.matmul(r);                                            // [T, W]
    // M(x) = sum_i p_i f_i (r_i - r_bar)^T = F^T diag(p) R - (F^T p) r_bar^T, per token.
    const auto fp = f.permute({1, 2, 0}) * p.unsqueeze(1);  // [T, W, E]
    const auto m = fp.matmul(r) - fp.sum(2).unsqueeze(2) * rBar.unsqueeze(1);
    const auto norms = torch::linalg_matrix_norm(m, 2);
    terms.routerTermMax = norms.max().item<double>();
    terms.routerTermMean = norms.mean().item<double>();
    terms.tokens = norms.size(0);
    out.push_back(terms);
  }
  return out;
}

}  // namespace vimoe::robust
