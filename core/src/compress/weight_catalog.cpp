#include "vimoe/compress/weight_catalog.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <stdexcept>

namespace vimoe::compress {
namespace {

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

SlotKind kindOf(const std::string& name) {
  if (endsWith(name, "attn.qkv.weight")) return SlotKind::AttnQkv;
  if (endsWith(name, "attn.proj.weight")) return SlotKind::AttnProj;
  if (endsWith(name, "fc1.weight")) return SlotKind::FfnFc1;
  if (endsWith(name, "fc2.weight")) return SlotKind::FfnFc2;
  if (endsWith(name, "moe.w1")) return SlotKind::ExpertW1;
  if (endsWith(name, "moe.w2")) return SlotKind::ExpertW2;
  if (name.find("blocks.") == std::string::npos && endsWith(name, "proj.weight")) return SlotKind::HeadProj;
  return SlotKind::Linear;
}

int blockOf(const std::string& name) {
  const auto at = name.find("blocks.");
  if (at == std::string::npos) return -1;
  return std::atoi(name.c_str() + at + 7);
}

torch::Tensor parameterOf(torch::nn::Module& model, const WeightSlot& slot) {
  auto params = model.named_parameters(true);
  if (const auto* p = params.find(slot.parameter)) return *p;
  throw std::invalid_argument("no parameter " + slot.parameter + " in the model");
}

}  // namespace

const char* slotKindName(SlotKind kind) {
  switch (kind) {
    case SlotKind::AttnQkv: return "attn_qkv";
    case SlotKind::AttnProj: return "attn_proj";
    case SlotKind::FfnFc1: return "ffn_fc1";
    case SlotKind::FfnFc2: return "ffn_fc2";
    case SlotKind::ExpertW1: return "expert_w1";
    case SlotKind::ExpertW2: return "expert_w2";
    case SlotKind::HeadProj: return "head_proj";
    case SlotKind::Linear: return "linear";
  }
  return "linear";
}

std::vector<WeightSlot> catalogWeights(torch::nn::Module& model, std::int64_t minSide) {
  std::vector<WeightSlot> slots;
  std::map<std::string, int> depth;  // tower -> blocks seen
  for (const auto& item : model.named_parameters(true)) {
    const std::string& name = item.key();
    const auto& t = item.value();
    const std::string tower = name.substr(0, name.find('.'));
    const int block = blockOf(name);
    if (block >= 0) depth[tower] = std::max(depth[tower], block + 1);
    if (name.find("router") != std::string::npos || name.find("embed") != std::string::npos) continue;
    const SlotKind kind = kindOf(name);
    const bool expert = kind == SlotKind::ExpertW1 || kind == SlotKind::ExpertW2;
    if (expert ? t.dim() != 3 : (t.dim() != 2 || !endsWith(name, ".weight"))) continue;
    const std::int64_t out = expert ? t.size(2) : t.size(0), in = expert ? t.size(1) : t.size(1);
    if (out < minSide || in < minSide) continue;
    for (std::int64_t e = 0; e < (expert ? t.size(0) : 1); ++e) {
      WeightSlot s;
      s.parameter = name;
      s.expert = expert ? static_cast<int>(e) : -1;
      s.name = expert ? name + "[" + std::to_string(e) + "]" : name;
      s.kind = kind;
      s.tower = tower;
      s.block = block;
      s.rows = out;
      s.cols = in;
      slots.push_back(std::move(s));
    }
  }
  for (auto& s : slots) s.towerDepth = depth.count(s.tower) ? depth[s.tower] : 0;
  return slots;
}

torch::Tensor readMatrix(torch::nn::Module& model, const WeightSlot& slot) {
  torch::NoGradGuard noGrad;
  const auto p = parameterOf(model, slot);
  return (slot.expert >= 0 ? p.select(0, slot.expert).t() : p).detach().clone().contiguous();
}

void writeMatrix(torch::nn::Module& model, const WeightSlot& slot, const torch::Tensor& outIn) {
  torch::NoGradGuard noGrad;
  auto p = parameterOf(model, slot);
  if (slot.expert >= 0)
    p.select(0, slot.expert).copy_(outIn.t());
  else
    p.copy_(outIn);
}

}  // namespace vimoe::compress
