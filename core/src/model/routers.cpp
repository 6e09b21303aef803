#include <cmath>
#include <stdexcept>

#include "vimoe/model/routing.h"

namespace vimoe::model {
namespace {

torch::Tensor longOptionsLike(const torch::Tensor& like, std::int64_t n) {
  return torch::arange(n, like.options().dtype(torch::kLong));
}

RoutingPlan routeTokenChoice(RouterKind kind, const RoutingRequest& r) {
  const auto n = r.logits.size(0);
  const auto experts = r.logits.size(1);
  const int k = r.topK;
  RoutingPlan plan;
  plan.probs = torch::softmax(r.logits, -1);
  plan.noisyLogits = r.noiseStd > 0 ? r.logits + torch::randn_like(r.logits) * r.noiseStd : r.logits;
  // Shazeer's noisy gating takes the gates from the noisy logits; the clean probabilities feed
  // the balancing losses.
  const auto gateProbs = r.noiseStd > 0 ? torch::softmax(plan.noisyLogits, -1) : plan.probs;
  // The aux-loss-free bias steers which experts are chosen, never the gate values (DeepSeek-V3).
  const auto selection = r.selectionBias.defined() ? plan.noisyLogits + r.selectionBias : plan.noisyLogits;
  const auto topExpert = std::get<1>(selection.detach().topk(k, -1));  // [N, k]
  auto topGate = gateProbs.gather(1, topExpert);
  // BPR's priority is the router's own confidence, before any renormalisation (which makes
  // every top-1 gate 1.0).
  const auto priority = topGate.select(1, 0).detach();
  if (r.renormalize) topGate = topGate / topGate.sum(-1, /*keepdim=*/true);
  plan.firstChoice = topExpert.select(1, 0);

  // Service order within each choice: token order, or by falling top gate for BPR.
  const auto order = kind == RouterKind::BatchPriority ? priority.argsort(0, /*descending=*/true)
                                                       : longOptionsLike(r.logits, n);
  const auto pairExpert = topExpert.index_select(0, order).t().reshape({-1});  // [kN], choice-major
  const auto pairToken = order.repeat({k});
  const auto pairValid = r.valid.index_select(0, pairToken);
  const auto oneHot = torch::one_hot(pairExpert, experts) * pairValid.unsqueeze(1).to(torch::kLong);
  const auto position = ((oneHot.cumsum(0) - 1) * oneHot).sum(-1);
  const auto requested = oneHot.sum(0);
  plan.capacity = expertCapacity(kind, r.capacityFactor, k, pairValid.sum().item<std::int64_t>() / k,
                                 static_cast<int>(experts), requested.max().item<std::int64_t>());
  const auto keep = pairValid & (position < plan.capacity);
  const auto keptIdx = keep.nonzero().squeeze(1);
  plan.token = pairToken.index_select(0, keptIdx);
  plan.expert = pairExpert.index_select(0, keptIdx);
  plan.slot = plan.expert * plan.capacity + position.index_select(0, keptIdx);
  plan.gate = topGate.index_select(0, order).t().reshape({-1}).index_select(0, keptIdx);
  plan.requested = requested.to(torch::kFloat64);
  plan.kept = torch::bincount(plan.expert, {}, experts).to(torch::kFloat64);
  plan.droppedByChoice = (pairValid & ~keep).view({k, n}).sum(1).to(torch::kFloat64);
  plan.tokenExperts = topExpert;
  plan.tokenGates = topGate.detach();
  plan.tokenKept = torch::zeros({n, k}, keep.options()).index_copy(0, order, keep.view({k, n}).t());
  return plan;
}

RoutingPlan routeExpertChoice(const RoutingRequest& r) {
  const auto n = r.logits.size(0);
  const auto experts = r.logits.size(1);
  RoutingPlan plan;
  plan.probs = torch::softmax(r.logits, -1);
  plan.noisyLogits = r.logits;
  plan.firstChoice = plan.probs.detach().argmax(1);
  const auto realTokens = r.valid.sum().item<std::int64_t>();
  plan.capacity = std::min<std::int64_t>(n, expertCapacity(RouterKind::ExpertChoice, r.capacityFactor, r.topK, realTokens,
                                                           static_cast<int>(experts), 0));
  // Padding scores -1 so an expert only takes padding when it has run out of real tokens; those
  // picks are then discarded.
  const auto scores = torch::where(r.valid.unsqueeze(1), plan.probs.detach(), torch::full_like(plan.probs, -1.0));
  auto [topScore, topToken] = scores.t().topk(plan.capacity, 1);  // [E, C]
  const auto keep = (topScore >= 0).reshape({-1});
  const auto keptIdx = keep.nonzero().squeeze(1);
  const auto cap = plan.capacity;
  plan.token = topToken.reshape({-1}).index_select(0, keptIdx);
  plan.expert = (keptIdx / cap).to(torch::kLong);
  plan.slot = keptIdx;  // expert * C + rank: the buffer row is the flat index itself
  plan.gate = plan.probs.index({plan.token, plan.expert});
  plan.kept = torch::bincount(plan.expert, {}, experts).to(torch::kFloat64);
  plan.requested = plan.kept;
  auto assigned = torch::zeros({n, experts}, r.valid.options());
  assigned.index_put_({plan.token, plan.expert}, true);
  const auto unrouted = (r.valid & ~assigned.any(1)).sum().to(torch::kFloat64);
  plan.droppedByChoice = unrouted.reshape({1});
  const int k = std::min<int>(r.topK, static_cast<int>(experts));
  auto [gates, choices] = plan.probs.detach().topk(k, -1);
  plan.tokenExperts = choices;
  plan.tokenGates = gates;
  plan.tokenKept = assigned.gather(1, choices);
  return plan;
}

}  // namespace

RouterKind routerKindFromName(const std::string& name) {
  if (name == "top_k") return RouterKind::TopK;
  if (name == "noisy_top_k") return RouterKind::NoisyTopK;
  if (name == "batch_priority") return RouterKind::BatchPriority;
  if (name == "expert_choice") return RouterKind::ExpertChoice;
  throw std::invalid_argument("unknown router '" + name + "'");  // config validation rules this out
}

bool isTokenChoice(RouterKind kind) { return kind != RouterKind::ExpertChoice; }

std::int64_t expertCapacity(RouterKind kind, double factor, int topK, std::int64_t tokens, int experts,
                            std::int64_t largestLoad) {
  if (kind == RouterKind::ExpertChoice) {
    const double f = factor > 0 ? factor : double(topK);
    return std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(f * double(tokens) / experts)));
  }
  if (factor <= 0) return std::max<std::int64_t>(largestLoad, 1);
  return std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(factor * topK * double(tokens) / experts)));
}

RoutingPlan route(RouterKind kind, const RoutingRequest& request) {
  return isTokenChoice(kind) ? routeTokenChoice(kind, request) : routeExpertChoice(request);
}

}  // namespace vimoe::model
