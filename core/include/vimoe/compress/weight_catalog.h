// The weight matrices of a model that compression may factorise: every 2-D Linear weight
// (attention qkv and proj, FFN fc1 and fc2, shared experts, the towers' output projections)
// and each expert's slice of the stacked MoE tensors w1 [E, W, H] and w2 [E, H, W]. Routers
// (tiny, and every token depends on them), embeddings and the patch convolution stay dense.
// Every matrix is handled in the [out, in] orientation of a Linear weight: expert slices are
// transposed on the way in and out, so "columns" always index the input features.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace vimoe::compress {

enum class SlotKind { AttnQkv, AttnProj, FfnFc1, FfnFc2, ExpertW1, ExpertW2, HeadProj, Linear };
constexpr int kSlotKindCount = 8;
const char* slotKindName(SlotKind kind);  // "attn_qkv", "attn_proj", "ffn_fc1", ...

struct WeightSlot {
  std::string name;       // "image.blocks.0.attn.qkv.weight", experts "image.blocks.1.moe.w1[2]"
  std::string parameter;  // the state-dict name of the tensor holding it
  int expert = -1;        // slice index of a stacked expert tensor, -1 otherwise
  SlotKind kind = SlotKind::Linear;
  std::string tower;      // "image" | "text" | "" (first name component)
  int block = -1;         // transformer block, -1 outside the blocks
  int towerDepth = 0;     // blocks in that tower
  std::int64_t rows = 0, cols = 0;  // [out, in]
};

// Matrices with both sides >= minSide, in state-dict order (image tower first).
std::vector<WeightSlot> catalogWeights(torch::nn::Module& model, std::int64_t minSide = 8);

// A copy of the slot's matrix as [out, in].
torch::Tensor readMatrix(torch::nn::Module& model, const WeightSlot& slot);
// Writes an [out, in] matrix into the model's tensor (no autograd).
void writeMatrix(torch::nn::Module& model, const WeightSlot& slot, const torch::Tensor& outIn);

}  // namespace vimoe::compress
