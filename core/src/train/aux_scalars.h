// Per-layer router losses as store scalars, normalised so the balanced value is obvious:
//   moe/<layer>/load_balance            Switch loss, 1.0 = balanced (E when one expert takes all)
//   moe/<layer>/importance_cv2          0 = balanced
//   moe/<layer>/load_cv2                0 = balanced (noisy_top_k only)
//   moe/<layer>/z_loss                  raw mean logsumexp^2
//   moe/<layer>/entropy_local/<mod>     mean token entropy / log E: 0 = one expert per token, 1 = uniform
//   moe/<layer>/entropy_global/<mod>    entropy of the mean routing / log E: 1 = all experts used equally
// plus the means over layers as train/load_balance, train/importance_cv2, ... for the curves.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "vimoe/model/aux_losses.h"

namespace vimoe::train {

void appendAuxScalars(const model::AuxLosses& aux, const std::vector<std::string>& layerNames, int experts,
                      std::vector<std::pair<std::string, double>>& out);

}  // namespace vimoe::train
