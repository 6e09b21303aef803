#include "vimoe/model/moe_layer.h"

#include <cmath>

namespace vimoe::model {

void AuxLosses::add(const torch::Tensor& lb, const torch::Tensor& z) {
  loadBalance = loadBalance.defined() ? loadBalance + lb : lb;
  zLoss = zLoss.defined() ? zLoss + z : z;
  ++layers;
}

torch::Tensor AuxLosses::meanLoadBalance() const {
  return layers == 0 ? torch::zeros({}) : loadBalance / double(layers);
}

torch::Tensor AuxLosses::meanZLoss() const { return layers == 0 ? torch::zeros({}) : zLoss / double(layers); }

void ExpertLoadAccumulator::reset(int experts) {
  auto opts = torch::TensorOptions().dtype(torch::kFloat64);
  routed = torch::zeros({experts}, opts);
  kept = torch::zeros({experts}, opts);
  gateSum = torch::zeros({experts}, opts);
  byModality = torch::zeros({2, experts}, opts);
  tokens = 0;
}

MoeLayerImpl::MoeLayerImpl(int width, int hidden, const config::MoeConfig& moe, Modality modality)
    : m_experts(moe.num_experts),
      m_topK(moe.top_k),
      m_renormalize(moe.gate_norm == "renormalize" || (moe.gate_norm == "auto" && moe.top_k > 1)),
      m_capacityTrain(moe.capacity_factor_train),
      m_capacityEval(moe.capacity_factor_eval),
      m_modality(modality) {
  router = register_module("router", torch::nn::Linear(torch::nn::LinearOptions(width, m_experts).bias(false)));
  // Fresh routers start near uniform (N(0, 0.02), as HF/Flax Switch) so no expert wins by luck.
  torch::NoGradGuard noGrad;
  router->weight.normal_(0.0, moe.router_init_std);
  // Experts start as independent copies of a default nn.Linear initialisation.
  const double bound1 = 1.0 / std::sqrt(double(width)), bound2 = 1.0 / std::sqrt(double(hidden));
  w1 = register_parameter("w1", torch::empty({m_experts, width, hidden}).uniform_(-bound1, bound1));
  b1 = register_parameter("b1", torch::empty({m_experts, hidden}).uniform_(-bound1, bound1));
  w2 = register_parameter("w2", torch::empty({m_experts, hidden, width}).uniform_(-bound2, bound2));
  b2 = register_parameter("b2", torch::empty({m_experts, width}).uniform_(-bound2, bound2));
  m_stats.reset(m_experts);
}

std::int64_t MoeLayerImpl::capacity(std::int64_t tokens, std::int64_t maxLoad) const {
  const double factor = is_training() ? m_capacityTrain : m_capacityEval;
  if (factor <= 0) return std::max<std::int64_t>(maxLoad, 1);
  return std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(factor * m_topK * double(tokens) / m_experts)));
}

torch::Tensor MoeLayerImpl::forward(const torch::Tensor& x, const torch::Tensor& valid, AuxLosses& aux) {
  const auto width = x.size(-1);
  const auto flat = x.reshape({-1, width});
  const auto n = flat.size(0);
  const auto validMask = valid.defined() ? valid.reshape({n}) : torch::ones({n}, torch::kBool);
  const auto validF = validMask.to(flat.scalar_type());
  const double realTokens = std::max(1.0, validF.sum().item<double>());

  const auto logits = router->forward(flat);  // [N, E]
  const auto probs = torch::softmax(logits, -1);
  auto [topGate, topExpert] = probs.topk(m_topK, -1);  // [N, k]
  if (m_renormalize) topGate = topGate / topGate.sum(-1, /*keepdim=*/true);

  // Slot of each (choice, token) pair in its expert, choice-major so first choices win.
  const auto choiceOneHot =
      torch::one_hot(topExpert.t().reshape({-1}), m_experts) * validMask.repeat({m_topK}).unsqueeze(1).to(torch::kLong);
  const auto positionInExpert = (choiceOneHot.cumsum(0) - 1) * choiceOneHot;
  const auto slotPosition = positionInExpert.sum(-1);                  // [kN]
  const auto isRouted = choiceOneHot.sum(-1) > 0;                      // padding tokens are not routed
  const auto routedPerExpert = choiceOneHot.sum(0);                    // [E]
  const auto cap = capacity(static_cast<std::int64_t>(realTokens), routedPerExpert.max().item<std::int64_t>());
  const auto keep = isRouted & (slotPosition < cap);

  const auto expertOfPair = topExpert.t().reshape({-1});
  const auto tokenOfPair = torch::arange(n, torch::kLong).repeat({m_topK});
  const auto gateOfPair = topGate.t().reshape({-1});
  const auto keptIdx = keep.nonzero().squeeze(1);
  const auto keptTokens = tokenOfPair.index_select(0, keptIdx);
  const auto keptSlots = expertOfPair.index_select(0, keptIdx) * cap + slotPosition.index_select(0, keptIdx);
  const auto keptGates = gateOfPair.index_select(0, keptIdx);

  auto buffer = torch::zeros({m_experts * cap, width}, flat.options()).index_copy(0, keptSlots, flat.index_select(0, keptTokens));
  auto hidden = torch::gelu(torch::baddbmm(b1.unsqueeze(1), buffer.view({m_experts, cap, width}), w1));
  auto expertOut = torch::baddbmm(b2.unsqueeze(1), hidden, w2).view({m_experts * cap, width});
  auto combined = torch::zeros_like(flat).index_add(0, keptTokens, expertOut.index_select(0, keptSlots) * keptGates.unsqueeze(1));

  // Switch load balance over real tokens: f_i from top-1 choices (no gradient), P_i mean probability.
  const auto top1Share = (torch::one_hot(topExpert.select(1, 0), m_experts).to(flat.scalar_type()) * validF.unsqueeze(1)).sum(0) / realTokens;
  const auto meanProb = (probs * validF.unsqueeze(1)).sum(0) / realTokens;
  const auto loadBalance = double(m_experts) * (top1Share.detach() * meanProb).sum();
  const auto zLoss = (torch::logsumexp(logits, -1).pow(2) * validF).sum() / realTokens;
  aux.add(loadBalance, zLoss);

  if (is_training()) {
    torch::NoGradGuard noGrad;
    const auto routed = routedPerExpert.to(torch::kFloat64);
    m_stats.routed += routed;
    m_stats.kept += torch::one_hot(expertOfPair.index_select(0, keptIdx), m_experts).sum(0).to(torch::kFloat64);
    m_stats.gateSum += (probs.detach() * validF.unsqueeze(1)).sum(0).to(torch::kFloat64);
    m_stats.byModality[static_cast<int>(m_modality)] += routed;
    m_stats.tokens += realTokens;
  }
  return combined.view(x.sizes());
}

}  // namespace vimoe::model
