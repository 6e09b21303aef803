#include "vimoe/model/aux_losses.h"

#include <cmath>
#include <limits>

namespace vimoe::model {
namespace {

// Mean over real tokens of a per-token [N] or [N, E] quantity.
torch::Tensor tokenMean(const torch::Tensor& perToken, const torch::Tensor& valid) {
  const auto count = valid.sum().clamp_min(1.0);
  if (perToken.dim() == 1) return (perToken * valid).sum() / count;
  return (perToken * valid.unsqueeze(1)).sum(0) / count;
}

// Squared coefficient of variation with the population std, as vmoe's `_cv_squared` (the
// epsilon keeps an all-zero vector finite).
torch::Tensor cvSquared(const torch::Tensor& v) {
  return v.var(/*unbiased=*/false) / (v.mean().pow(2) + 1e-10);
}

torch::Tensor entropyOf(const torch::Tensor& p) {
  // 0 * log 0 = 0: clamp inside the log only.
  return -(p * p.clamp_min(1e-12).log()).sum(-1);
}

}  // namespace

const char* modalityName(Modality modality) { return modality == Modality::Image ? "image" : "text"; }

torch::Tensor switchLoadBalanceLoss(const torch::Tensor& probs, const torch::Tensor& firstChoice,
                                    const torch::Tensor& valid) {
  const auto experts = probs.size(-1);
  const auto share = tokenMean(torch::one_hot(firstChoice, experts).to(probs.scalar_type()), valid).detach();
  return double(experts) * (share * tokenMean(probs, valid)).sum();
}

torch::Tensor importanceLoss(const torch::Tensor& probs, const torch::Tensor& valid) {
  return cvSquared((probs * valid.unsqueeze(1)).sum(0));
}

torch::Tensor noisyLoadLoss(const torch::Tensor& cleanLogits, const torch::Tensor& noisyLogits, int topK, double noiseStd,
                            const torch::Tensor& valid) {
  const auto experts = noisyLogits.size(-1);
  const auto top = std::get<0>(noisyLogits.topk(std::min<std::int64_t>(topK + 1, experts), -1));
  const auto kth = top.select(1, topK - 1).unsqueeze(1);
  // With k = E every expert is always selected: the "next" logit is -inf and P = 1.
  const auto next = topK < experts ? top.select(1, topK).unsqueeze(1)
                                   : torch::full_like(kth, -std::numeric_limits<double>::infinity());
  const auto selected = noisyLogits >= kth;
  const auto threshold = torch::where(selected, next, kth);
  const auto z = (cleanLogits - threshold) / noiseStd;
  const auto stayProbability = 0.5 * (1.0 + torch::erf(z / std::sqrt(2.0)));
  return cvSquared(tokenMean(stayProbability, valid));
}

torch::Tensor routerZLoss(const torch::Tensor& logits, const torch::Tensor& valid) {
  return tokenMean(torch::logsumexp(logits, -1).pow(2), valid);
}

torch::Tensor localEntropy(const torch::Tensor& probs, const torch::Tensor& valid) {
  return tokenMean(entropyOf(probs), valid);
}

torch::Tensor globalEntropy(const torch::Tensor& probs, const torch::Tensor& valid) {
  return entropyOf(tokenMean(probs, valid));
}

torch::Tensor globalEntropyLoss(const torch::Tensor& globalEntropyNats, double minExperts) {
  return (std::log(minExperts) - globalEntropyNats).clamp_min(0.0);
}

void AuxLosses::add(LayerAux entry) {
  entries.push_back(std::move(entry));
  layers = static_cast<int>(entries.size());
}

namespace {

template <class Pick>
torch::Tensor meanOver(const std::vector<LayerAux>& entries, Pick pick) {
  torch::Tensor sum;
  int count = 0;
  for (const auto& e : entries) {
    const torch::Tensor& v = pick(e);
    if (!v.defined()) continue;
    sum = sum.defined() ? sum + v : v;
    ++count;
  }
  return count == 0 ? torch::zeros({}) : sum / double(count);
}

}  // namespace

torch::Tensor AuxLosses::meanLoadBalance() const {
  return meanOver(entries, [](const LayerAux& e) -> const torch::Tensor& { return e.loadBalance; });
}

torch::Tensor AuxLosses::meanZLoss() const {
  return meanOver(entries, [](const LayerAux& e) -> const torch::Tensor& { return e.zLoss; });
}

torch::Tensor AuxLosses::weightedTotal(const config::LossConfig& w) const {
  if (entries.empty()) return torch::zeros({});
  auto total = w.load_balance_weight * meanLoadBalance() + w.z_loss_weight * meanZLoss();
  if (w.importance_weight > 0)
    total = total + w.importance_weight * meanOver(entries, [](const LayerAux& e) -> const torch::Tensor& { return e.importance; });
  if (w.load_weight > 0)
    total = total + w.load_weight * meanOver(entries, [](const LayerAux& e) -> const torch::Tensor& { return e.load; });
  if (w.entropy_local_weight > 0)
    total = total + w.entropy_local_weight *
                        meanOver(entries, [](const LayerAux& e) -> const torch::Tensor& { return e.entropyLocal; });
  if (w.entropy_global_weight > 0) {
    torch::Tensor sum;
    for (const auto& e : entries) {
      const auto l = globalEntropyLoss(e.entropyGlobal, w.entropy_global_min_experts);
      sum = sum.defined() ? sum + l : l;
    }
    total = total + w.entropy_global_weight * sum / double(entries.size());
  }
  return total;
}

}  // namespace vimoe::model
