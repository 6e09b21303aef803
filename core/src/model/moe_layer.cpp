#include "vimoe/model/moe_layer.h"

#include <cmath>

namespace vimoe::model {
namespace {

// Below this share of filled buffer slots the grouped path does less work than the padded one.
constexpr double kPaddedFillThreshold = 0.95;

}  // namespace

void ExpertLoadAccumulator::reset(int experts, int choices) {
  auto opts = torch::TensorOptions().dtype(torch::kFloat64);
  routed = torch::zeros({experts}, opts);
  kept = torch::zeros({experts}, opts);
  gateSum = torch::zeros({experts}, opts);
  byModality = torch::zeros({2, experts}, opts);
  droppedByChoice = torch::zeros({choices}, opts);
  entropySum = 0;
  tokens = 0;
}

MoeLayerImpl::MoeLayerImpl(int width, int hidden, const config::MoeConfig& moe, Activation activation)
    : m_activation(activation),
      m_experts(moe.num_experts),
      m_topK(moe.top_k),
      m_router(routerKindFromName(moe.router)),
      m_renormalize(moe.gate_norm == "renormalize" || (moe.gate_norm == "auto" && moe.top_k > 1)),
      m_capacityTrain(moe.capacity_factor_train),
      m_capacityEval(moe.capacity_factor_eval),
      // V-MoE's default noise for noisy top-k is 1/E.
      m_noiseStd(moe.router == "noisy_top_k" ? (moe.noise_std > 0 ? moe.noise_std : 1.0 / moe.num_experts) : 0.0),
      m_biasRate(moe.bias_update_rate) {
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
  if (m_biasRate > 0) selectionBias = register_buffer("selection_bias", torch::zeros({m_experts}));
  if (moe.shared_expert) shared = register_module("shared_expert", FeedForward(width, hidden, activation));
  m_stats.reset(m_experts, isTokenChoice(m_router) ? m_topK : 1);
}

std::int64_t MoeLayerImpl::capacity(std::int64_t tokens, std::int64_t maxLoad) const {
  return expertCapacity(m_router, is_training() ? m_capacityTrain : m_capacityEval, m_topK, tokens, m_experts, maxLoad);
}

std::int64_t MoeLayerImpl::parametersPerExpert() const {
  return (w1.numel() + b1.numel() + w2.numel() + b2.numel()) / m_experts;
}

// Two ways to run the experts, both loop-free over tokens:
//  - padded: gather into an [E, C, W] buffer and run two batched matmuls. Simple and one kernel
//    per matmul, but every empty slot of the buffer is computed too (C is the largest load in
//    dropless mode, cf x fair share otherwise).
//  - grouped: sort the kept assignments by expert and run one matmul per expert on exactly its
//    rows, so the work is exactly k x T tokens whatever the imbalance.
// Grouped wins as soon as the buffer is noticeably emptier than full; both give the same result
// (tests/core/model/moe_layer_test.cpp).
namespace {

// Sums the gated expert outputs back into token order. Under autocast the experts' matmuls come
// out in bf16 / fp16 while the tokens are fp32: the sum takes the outputs' type.
torch::Tensor combine(const torch::Tensor& flat, const torch::Tensor& tokens, const torch::Tensor& gatedOutputs) {
  return torch::zeros({flat.size(0), flat.size(1)}, gatedOutputs.options()).index_add(0, tokens, gatedOutputs);
}

}  // namespace

torch::Tensor MoeLayerImpl::runExperts(const torch::Tensor& flat, const RoutingPlan& plan) const {
  const auto width = flat.size(1);
  const auto cap = plan.capacity;
  const auto assignments = plan.token.numel();
  if (assignments == 0) return torch::zeros_like(flat);
  if (assignments >= kPaddedFillThreshold * double(m_experts * cap)) {
    auto buffer = torch::zeros({m_experts * cap, width}, flat.options())
                      .index_copy(0, plan.slot, flat.index_select(0, plan.token));
    auto hidden = activate(torch::baddbmm(b1.unsqueeze(1), buffer.view({m_experts, cap, width}), w1), m_activation);
    auto out = torch::baddbmm(b2.unsqueeze(1), hidden, w2).view({m_experts * cap, width});
    return combine(flat, plan.token, out.index_select(0, plan.slot) * plan.gate.unsqueeze(1));
  }
  // Slots are expert-major, so sorting by slot groups the assignments by expert.
  const auto order = plan.slot.argsort();
  const auto tokens = plan.token.index_select(0, order);
  const auto counts = plan.kept.to(torch::kLong).cpu();  // one host sync: the split sizes
  const auto rows = flat.index_select(0, tokens).split_with_sizes(
      c10::IntArrayRef(counts.data_ptr<std::int64_t>(), static_cast<std::size_t>(m_experts)));
  std::vector<torch::Tensor> outputs;
  outputs.reserve(static_cast<std::size_t>(m_experts));
  for (int e = 0; e < m_experts; ++e) {
    const auto& x = rows[static_cast<std::size_t>(e)];
    if (x.size(0) == 0) continue;
    outputs.push_back(torch::addmm(b2[e], activate(torch::addmm(b1[e], x, w1[e]), m_activation), w2[e]));
  }
  const auto gates = plan.gate.index_select(0, order).unsqueeze(1);
  return combine(flat, tokens, torch::cat(outputs) * gates);
}

// DeepSeek-V3's aux-loss-free balancing: nudge under-loaded experts up and over-loaded ones
// down by a fixed step, outside autograd, so selection balances without a gradient term.
void MoeLayerImpl::updateSelectionBias(const RoutingPlan& plan) {
  torch::NoGradGuard noGrad;
  const auto load = plan.requested.to(selectionBias.scalar_type());
  selectionBias.add_(m_biasRate * torch::sign(load.mean() - load));
}

void MoeLayerImpl::accumulate(const RoutingPlan& plan, const torch::Tensor& validF, Modality modality,
                              double realTokens) {
  torch::NoGradGuard noGrad;
  const auto probs = plan.probs.detach();
  m_stats.routed += plan.requested.cpu();
  m_stats.kept += plan.kept.cpu();
  m_stats.gateSum += (probs * validF.unsqueeze(1)).sum(0).to(torch::kFloat64).cpu();
  m_stats.byModality[static_cast<int>(modality)] += plan.requested.cpu();
  m_stats.droppedByChoice += plan.droppedByChoice.cpu();
  m_stats.entropySum += localEntropy(probs, validF).item<double>() * realTokens;
  m_stats.tokens += realTokens;
}

torch::Tensor MoeLayerImpl::forward(const torch::Tensor& x, const torch::Tensor& valid, Modality modality,
                                    AuxLosses& aux) {
  const auto width = x.size(-1);
  const auto flat = x.reshape({-1, width});
  const auto n = flat.size(0);
  const auto validMask = valid.defined() ? valid.reshape({n}) : torch::ones({n}, flat.options().dtype(torch::kBool));
  const auto validF = validMask.to(flat.scalar_type());
  const double realTokens = std::max(1.0, validF.sum().item<double>());

  RoutingRequest request;
  request.logits = router->forward(flat);
  request.valid = validMask;
  request.selectionBias = selectionBias;
  request.topK = m_topK;
  request.capacityFactor = is_training() ? m_capacityTrain : m_capacityEval;
  request.renormalize = m_renormalize;
  request.noiseStd = is_training() ? m_noiseStd : 0.0;
  const auto plan = route(m_router, request);

  auto out = runExperts(flat, plan);
  if (hasSharedExpert()) out = out + shared->forward(flat);

  LayerAux losses;
  losses.layer = m_layerIndex;
  losses.modality = modality;
  losses.loadBalance = switchLoadBalanceLoss(plan.probs, plan.firstChoice, validF);
  losses.importance = importanceLoss(plan.probs, validF);
  if (request.noiseStd > 0)
    losses.load = noisyLoadLoss(request.logits, plan.noisyLogits, m_topK, request.noiseStd, validF);
  losses.zLoss = routerZLoss(request.logits, validF);
  losses.entropyLocal = localEntropy(plan.probs, validF);
  losses.entropyGlobal = globalEntropy(plan.probs, validF);
  aux.add(std::move(losses));

  if (is_training()) {
    accumulate(plan, validF, modality, realTokens);
    if (selectionBias.defined()) updateSelectionBias(plan);
  }
  if (m_capture) {
    RoutingCapture capture;
    capture.layer = m_layerIndex;
    capture.modality = modality;
    capture.shape = {x.numel() / width / x.size(-2), x.size(-2)};
    capture.experts = plan.tokenExperts.cpu();
    capture.gates = plan.tokenGates.cpu();
    capture.kept = plan.tokenKept.cpu();
    if (m_captureInputs) {
      capture.inputs = flat.detach().cpu();
      capture.probs = plan.probs.detach().cpu();
    }
    m_capture->push_back(std::move(capture));
  }
  return out.view(x.sizes());
}

}  // namespace vimoe::model
