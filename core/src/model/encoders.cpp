#include "vimoe/model/encoders.h"

namespace vimoe::model {
namespace {

int hiddenUnits(const config::TowerConfig& tower) { return static_cast<int>(tower.width * tower.mlp_ratio + 0.5); }

bool towerHasMoe(const config::MoeConfig& moe, const char* tower) {
  return moe.towers == "both" || moe.towers == tower;
}

std::vector<TransformerBlock> makeBlocks(torch::nn::Module& owner, const config::TowerConfig& tower,
                                         const config::MoeConfig& moe, bool towerSelected) {
  std::vector<TransformerBlock> blocks;
  // A ModuleList gives the parameters OpenCLIP-like names: blocks.0.attn.qkv.weight.
  auto list = owner.register_module("blocks", torch::nn::ModuleList());
  const auto mask = moeBlockMask(moe, tower.depth, towerSelected);
  for (int i = 0; i < tower.depth; ++i) {
    const config::MoeConfig* moeForBlock = mask[static_cast<std::size_t>(i)] ? &moe : nullptr;
    blocks.emplace_back(tower.width, tower.heads, hiddenUnits(tower), moeForBlock);
    list->push_back(blocks.back());
  }
  return blocks;
}

}  // namespace

VisionEncoderImpl::VisionEncoderImpl(const config::ExperimentConfig& cfg) {
  const auto& tower = cfg.model.image;
  const int patch = cfg.model.patch_size;
  const int grid = cfg.data.image_size / patch;
  m_patchEmbed = register_module(
      "patch_embed", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, tower.width, patch).stride(patch).bias(false)));
  m_classToken = register_parameter("class_token", torch::randn({1, 1, tower.width}) * 0.02);
  m_positions = register_parameter("positions", torch::randn({1, grid * grid + 1, tower.width}) * 0.02);
  // CLIP's normalisation constants, as buffers so they travel with the weights.
  m_mean = register_buffer("pixel_mean", torch::tensor({0.48145466f, 0.4578275f, 0.40821073f}).view({1, 3, 1, 1}));
  m_std = register_buffer("pixel_std", torch::tensor({0.26862954f, 0.26130258f, 0.27577711f}).view({1, 3, 1, 1}));
  // A shared tower carries the MoE layers whenever any tower is selected.
  m_blocks = makeBlocks(*this, tower, cfg.moe, cfg.model.shared_tower || towerHasMoe(cfg.moe, "image"));
  m_normPost = register_module("norm_post", torch::nn::LayerNorm(torch::nn::LayerNormOptions({tower.width})));
  m_proj = register_module("proj", torch::nn::Linear(torch::nn::LinearOptions(tower.width, cfg.model.embed_dim).bias(false)));
}

torch::Tensor VisionEncoderImpl::tokens(const torch::Tensor& pixels, AuxLosses& aux) {
  auto x = m_patchEmbed->forward((pixels - m_mean) / m_std);  // [B, W, g, g]
  x = x.flatten(2).transpose(1, 2);                           // [B, P, W]
  x = torch::cat({m_classToken.expand({x.size(0), 1, x.size(2)}), x}, 1) + m_positions;
  for (auto& block : m_blocks) x = block->forward(x, torch::Tensor(), Modality::Image, aux);
  return m_normPost->forward(x);
}

torch::Tensor VisionEncoderImpl::forward(const torch::Tensor& pixels, AuxLosses& aux) {
  return m_proj->forward(tokens(pixels, aux).select(1, 0));
}

TextEncoderImpl::TextEncoderImpl(const config::ExperimentConfig& cfg, const std::vector<TransformerBlock>* sharedBlocks)
    : m_sharedBlocks(sharedBlocks != nullptr) {
  const auto& tower = sharedBlocks ? cfg.model.image : cfg.model.text;
  m_tokens = register_module("token_embed", torch::nn::Embedding(cfg.data.vocab_size, tower.width));
  {
    torch::NoGradGuard noGrad;
    m_tokens->weight.normal_(0.0, 0.02);
  }
  m_positions = register_parameter("positions", torch::randn({1, cfg.data.max_text_tokens, tower.width}) * 0.01);
  m_blocks = sharedBlocks ? *sharedBlocks : makeBlocks(*this, tower, cfg.moe, towerHasMoe(cfg.moe, "text"));
  m_normFinal = register_module("norm_final", torch::nn::LayerNorm(torch::nn::LayerNormOptions({tower.width})));
  m_proj = register_module("proj", torch::nn::Linear(torch::nn::LinearOptions(tower.width, cfg.model.embed_dim).bias(false)));
}

torch::Tensor TextEncoderImpl::forward(const torch::Tensor& ids, AuxLosses& aux) {
  const auto valid = ids.ne(0);
  auto x = m_tokens->forward(ids) + m_positions.narrow(1, 0, ids.size(1));
  for (auto& block : m_blocks) x = block->forward(x, valid, Modality::Text, aux);
  x = m_normFinal->forward(x);
  const auto weights = valid.to(x.scalar_type()).unsqueeze(-1);
  const auto pooled = (x * weights).sum(1) / weights.sum(1).clamp_min(1.0);
  return m_proj->forward(pooled);
}

}  // namespace vimoe::model
