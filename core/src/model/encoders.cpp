#include "vimoe/model/encoders.h"

namespace vimoe::model {
namespace {

bool towerHasMoe(const config::MoeConfig& moe, const char* tower) {
  return moe.towers == "both" || moe.towers == tower;
}

std::vector<TransformerBlock> makeBlocks(torch::nn::Module& owner, const config::TowerConfig& tower,
                                         const config::ArchitectureConfig& arch, const config::MoeConfig& moe,
                                         bool towerSelected) {
  std::vector<TransformerBlock> blocks;
  // A ModuleList gives the parameters OpenCLIP-like names: blocks.0.attn.qkv.weight.
  auto list = owner.register_module("blocks", torch::nn::ModuleList());
  const auto mask = moeBlockMask(moe, tower.depth, towerSelected);
  const BlockShape shape = blockShape(tower, arch);
  for (int i = 0; i < tower.depth; ++i) {
    blocks.emplace_back(shape, mask[static_cast<std::size_t>(i)] ? &moe : nullptr);
    list->push_back(blocks.back());
  }
  return blocks;
}

// Mean and std of the pixel normalisation each family was trained with.
std::pair<torch::Tensor, torch::Tensor> pixelStatistics(const std::string& norm) {
  if (norm == "siglip") return {torch::full({3}, 0.5f), torch::full({3}, 0.5f)};
  if (norm == "imagenet")
    return {torch::tensor({0.485f, 0.456f, 0.406f}), torch::tensor({0.229f, 0.224f, 0.225f})};
  return {torch::tensor({0.48145466f, 0.4578275f, 0.40821073f}), torch::tensor({0.26862954f, 0.26130258f, 0.27577711f})};
}

}  // namespace

ImagePooling imagePoolingFromName(const std::string& name) {
  if (name == "mean") return ImagePooling::Mean;
  if (name == "map") return ImagePooling::AttentionPool;
  return ImagePooling::ClassToken;
}

TextPooling textPoolingFromName(const std::string& name) {
  if (name == "eot") return TextPooling::EndOfText;
  if (name == "last") return TextPooling::Last;
  return TextPooling::Mean;
}

torch::Tensor textKeyMask(const torch::Tensor& ids, TextPooling pooling) {
  return pooling == TextPooling::Mean ? ids.ne(0) : torch::Tensor();
}

torch::Tensor poolText(const torch::Tensor& x, const torch::Tensor& ids, TextPooling pooling) {
  switch (pooling) {
    case TextPooling::EndOfText:  // OpenAI's convention: the end-of-text token has the largest id
      return x.index({torch::arange(x.size(0), ids.options()), ids.argmax(1)});
    case TextPooling::Last:
      return x.select(1, x.size(1) - 1);
    case TextPooling::Mean:
      break;
  }
  const auto weights = ids.ne(0).to(x.scalar_type()).unsqueeze(-1);
  return (x * weights).sum(1) / weights.sum(1).clamp_min(1.0);
}

VisionEncoderImpl::VisionEncoderImpl(const config::ExperimentConfig& cfg)
    : m_pooling(imagePoolingFromName(cfg.model.arch.image_pool)) {
  const auto& tower = cfg.model.image;
  const auto& arch = cfg.model.arch;
  const int patch = cfg.model.patch_size;
  const int grid = cfg.data.image_size / patch;
  m_patchEmbed = register_module(
      "patch_embed", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, tower.width, patch).stride(patch).bias(arch.patch_bias)));
  const int classTokens = hasClassToken() ? 1 : 0;
  if (classTokens) m_classToken = register_parameter("class_token", torch::randn({1, 1, tower.width}) * 0.02);
  m_positions = register_parameter("positions", torch::randn({1, grid * grid + classTokens, tower.width}) * 0.02);
  // Buffers, so the normalisation travels with the weights.
  const auto [mean, std] = pixelStatistics(arch.pixel_norm);
  m_mean = register_buffer("pixel_mean", mean.view({1, 3, 1, 1}));
  m_std = register_buffer("pixel_std", std.view({1, 3, 1, 1}));
  if (arch.pre_norm) m_normPre = register_module("norm_pre", layerNorm(tower.width, arch.norm_eps));
  // A shared tower carries the MoE layers whenever any tower is selected.
  m_blocks = makeBlocks(*this, tower, arch, cfg.moe, cfg.model.shared_tower || towerHasMoe(cfg.moe, "image"));
  m_normPost = register_module("norm_post", layerNorm(tower.width, arch.norm_eps));
  if (m_pooling == ImagePooling::AttentionPool) m_pool = register_module("pool", AttentionPool(blockShape(tower, arch)));
  m_proj = register_module(
      "proj", torch::nn::Linear(torch::nn::LinearOptions(tower.width, cfg.model.embed_dim).bias(arch.proj_bias)));
}

torch::Tensor VisionEncoderImpl::tokens(const torch::Tensor& pixels, AuxLosses& aux) {
  auto x = m_patchEmbed->forward((pixels - m_mean) / m_std);  // [B, W, g, g]
  x = x.flatten(2).transpose(1, 2);                           // [B, P, W]
  if (hasClassToken()) x = torch::cat({m_classToken.expand({x.size(0), 1, x.size(2)}), x}, 1);
  x = x + m_positions;
  if (!m_normPre.is_empty()) x = m_normPre->forward(x);
  for (auto& block : m_blocks) x = block->forward(x, torch::Tensor(), Modality::Image, aux);
  return m_normPost->forward(x);
}

torch::Tensor VisionEncoderImpl::pooled(const torch::Tensor& pixels, AuxLosses& aux) { return pool(tokens(pixels, aux)); }

torch::Tensor VisionEncoderImpl::pool(const torch::Tensor& x) {
  switch (m_pooling) {
    case ImagePooling::Mean:
      return x.mean(1);
    case ImagePooling::AttentionPool:
      return m_pool->forward(x);
    case ImagePooling::ClassToken:
      break;
  }
  return x.select(1, 0);
}

torch::Tensor VisionEncoderImpl::forward(const torch::Tensor& pixels, AuxLosses& aux) {
  return m_proj->forward(pooled(pixels, aux));
}

TextEncoderImpl::TextEncoderImpl(const config::ExperimentConfig& cfg, const std::vector<TransformerBlock>* sharedBlocks)
    : m_sharedBlocks(sharedBlocks != nullptr),
      m_pooling(textPoolingFromName(cfg.model.arch.text_pool)),
      m_causal(cfg.model.arch.text_causal) {
  const auto& tower = sharedBlocks ? cfg.model.image : cfg.model.text;
  m_tokens = register_module("token_embed", torch::nn::Embedding(cfg.data.vocab_size, tower.width));
  {
    torch::NoGradGuard noGrad;
    m_tokens->weight.normal_(0.0, 0.02);
  }
  m_positions = register_parameter("positions", torch::randn({1, cfg.data.max_text_tokens, tower.width}) * 0.01);
  const auto arch = config::textTowerArch(cfg.model.arch);
  m_blocks = sharedBlocks ? *sharedBlocks : makeBlocks(*this, tower, arch, cfg.moe, towerHasMoe(cfg.moe, "text"));
  m_normFinal = register_module("norm_final", layerNorm(tower.width, arch.norm_eps));
  m_proj = register_module("proj", torch::nn::Linear(torch::nn::LinearOptions(tower.width, cfg.model.embed_dim)
                                                         .bias(cfg.model.arch.proj_bias)));
}

torch::Tensor TextEncoderImpl::forward(const torch::Tensor& ids, AuxLosses& aux) {
  const auto valid = textKeyMask(ids, m_pooling);
  auto x = m_tokens->forward(ids) + m_positions.narrow(1, 0, ids.size(1));
  for (auto& block : m_blocks) x = block->forward(x, valid, Modality::Text, aux, m_causal);
  return m_proj->forward(poolText(m_normFinal->forward(x), ids, m_pooling));
}

}  // namespace vimoe::model
