#include "vimoe/robust/attack_target.h"

#include <stdexcept>

namespace vimoe::robust {

const char* attackLossName(AttackLoss loss) { return loss == AttackLoss::Dlr ? "dlr" : "ce"; }

torch::Tensor dlrLoss(const torch::Tensor& logits, const torch::Tensor& labels) {
  if (logits.size(1) < 3) throw std::invalid_argument("the DLR loss needs at least three classes");
  const auto sorted = std::get<0>(logits.sort(/*dim=*/1, /*descending=*/true));
  const auto trueLogit = logits.gather(1, labels.unsqueeze(1)).squeeze(1);
  // The best other class: the top logit unless it is the true one, then the second.
  const auto topIsTrue = logits.argmax(1).eq(labels);
  const auto bestOther = torch::where(topIsTrue, sorted.select(1, 1), sorted.select(1, 0));
  const auto scale = sorted.select(1, 0) - sorted.select(1, 2) + 1e-12;
  return -(trueLogit - bestOther) / scale;
}

torch::Tensor attackObjective(const TargetOutput& out, const torch::Tensor& labels, AttackLoss loss, double auxWeight) {
  torch::Tensor task;
  if (out.logits.defined()) {
    task = loss == AttackLoss::Dlr ? dlrLoss(out.logits, labels)
                                   : torch::nn::functional::cross_entropy(
                                         out.logits, labels,
                                         torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kNone));
  } else {
    if (!out.sampleLoss.defined()) throw std::invalid_argument("the attack target returned neither logits nor a loss");
    task = out.sampleLoss;
  }
  if (auxWeight != 0 && out.auxLoss.defined()) task = task + auxWeight * out.auxLoss;
  return task;
}

torch::Tensor misclassified(const TargetOutput& out, const torch::Tensor& labels) {
  if (!out.logits.defined()) return torch::zeros({labels.size(0)}, torch::kBool);
  return out.logits.argmax(1).ne(labels).cpu();
}

}  // namespace vimoe::robust
