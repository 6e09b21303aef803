#include "vimoe/compress/activation_stats.h"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "vimoe/model/encoders.h"

namespace vimoe::compress {
namespace {

template <typename Impl>
Impl& child(torch::nn::Module& parent, const std::string& name) {
  for (const auto& item : parent.named_children())
    if (item.key() == name)
      if (auto* impl = item.value()->template as<Impl>()) return *impl;
  throw std::invalid_argument("the model has no module '" + name + "' of the expected type");
}

torch::Tensor namedTensor(torch::nn::Module& m, const std::string& name) {
  if (const auto* p = m.named_parameters(false).find(name)) return *p;
  if (const auto* b = m.named_buffers(false).find(name)) return *b;
  throw std::invalid_argument("the model has no tensor '" + name + "'");
}

class Accumulator {
 public:
  explicit Accumulator(InputStatistics& out) : m_out(out) {}
  // x [T, in]; weight [T] (token weights; validity and routing probabilities).
  void add(const std::string& slot, const torch::Tensor& x, const torch::Tensor& weight) {
    auto sum = (x.abs() * weight.unsqueeze(1)).sum(0);
    auto& s = m_sums[slot];
    s.first = s.first.defined() ? s.first + sum : sum;
    s.second += weight.sum().item<double>();
  }
  void finish() {
    for (auto& [slot, s] : m_sums) m_out.meanAbs[slot] = s.first / std::max(s.second, 1e-12);
  }

 private:
  InputStatistics& m_out;
  std::map<std::string, std::pair<torch::Tensor, double>> m_sums;
};

// The attention context (the input of attn.proj), as SelfAttention computes it.
torch::Tensor attentionContext(torch::nn::LinearImpl& qkvLinear, const torch::Tensor& x, const torch::Tensor& valid, int heads,
                               bool causal) {
  const auto batch = x.size(0), seq = x.size(1), width = x.size(2);
  auto qkv = qkvLinear.forward(x).view({batch, seq, 3, heads, width / heads}).permute({2, 0, 3, 1, 4});
  auto scores = torch::matmul(qkv[0], qkv[1].transpose(-2, -1)) * (1.0 / std::sqrt(double(width / heads)));
  if (valid.defined())
    scores = scores.masked_fill(valid.logical_not().view({batch, 1, 1, seq}), -std::numeric_limits<float>::infinity());
  if (causal)
    scores = scores.masked_fill(torch::ones({seq, seq}, x.options().dtype(torch::kBool)).triu(1),
                                -std::numeric_limits<float>::infinity());
  const auto ctx = torch::matmul(torch::softmax(scores, -1), qkv[2]);
  return ctx.transpose(1, 2).reshape({batch, seq, width});
}

// How a tower's blocks compute (model.arch): what walkBlock must reproduce.
struct TowerWalk {
  int heads = 1;
  bool causal = false;
  model::Activation activation = model::Activation::Gelu;
};

// Runs one block on x [B, S, W], adding the inputs of its matrices; returns the block output.
torch::Tensor walkBlock(model::TransformerBlock& block, const std::string& prefix, const torch::Tensor& x,
                        const torch::Tensor& valid, model::Modality modality, const TowerWalk& walk, Accumulator& acc) {
  const int heads = walk.heads;
  const auto act = [&](const torch::Tensor& t) { return model::activate(t, walk.activation); };
  const auto width = x.size(2);
  const auto tokenWeight = valid.defined() ? valid.reshape({-1}).to(x.scalar_type()) : torch::ones({x.size(0) * x.size(1)});
  const auto flat = [&](const torch::Tensor& t) { return t.reshape({-1, t.size(-1)}); };
  auto& norm1 = child<torch::nn::LayerNormImpl>(*block, "norm1");
  auto& attn = child<model::SelfAttentionImpl>(*block, "attn");
  auto& qkv = child<torch::nn::LinearImpl>(attn, "qkv");
  const auto n1 = norm1.forward(x);
  acc.add(prefix + "attn.qkv.weight", flat(n1), tokenWeight);
  acc.add(prefix + "attn.proj.weight", flat(attentionContext(qkv, n1, valid, heads, walk.causal)), tokenWeight);
  const auto h = x + attn.forward(n1, valid, walk.causal);
  const auto n2 = flat(child<torch::nn::LayerNormImpl>(*block, "norm2").forward(h));
  if (block->isMoe()) {
    auto moe = block->moeLayer();
    const auto probs = torch::softmax(moe->router->forward(n2), -1);  // [T, E]
    for (int e = 0; e < moe->experts(); ++e) {
      const auto w = tokenWeight * probs.select(1, e);
      acc.add(prefix + "moe.w1[" + std::to_string(e) + "]", n2, w);
      const auto hidden = act(torch::addmm(moe->b1[e], n2, moe->w1[e]));
      acc.add(prefix + "moe.w2[" + std::to_string(e) + "]", hidden, w);
    }
    if (moe->hasSharedExpert()) {
      acc.add(prefix + "moe.shared_expert.fc1.weight", n2, tokenWeight);
      acc.add(prefix + "moe.shared_expert.fc2.weight", act(moe->shared->fc1->forward(n2)), tokenWeight);
    }
  } else {
    auto& mlp = child<model::FeedForwardImpl>(*block, "mlp");
    acc.add(prefix + "mlp.fc1.weight", n2, tokenWeight);
    acc.add(prefix + "mlp.fc2.weight", act(mlp.fc1->forward(n2)), tokenWeight);
  }
  (void)width;
  model::AuxLosses aux;
  return block->forward(x, valid, modality, aux, walk.causal);  // the exact output, routing included
}

}  // namespace

InputStatistics collectInputStatistics(model::ClipModel& model, const config::ExperimentConfig& cfg,
                                       const torch::Tensor& pixels, const torch::Tensor& ids) {
  torch::NoGradGuard noGrad;
  const bool wasTraining = model->is_training();
  model->eval();
  InputStatistics out;
  Accumulator acc(out);
  auto& vision = child<model::VisionEncoderImpl>(*model, "image");
  auto& text = child<model::TextEncoderImpl>(*model, "text");

  // Image tower, as VisionEncoder::tokens and forward.
  auto& patch = child<torch::nn::Conv2dImpl>(vision, "patch_embed");
  auto x = patch.forward((pixels - namedTensor(vision, "pixel_mean")) / namedTensor(vision, "pixel_std"));
  x = x.flatten(2).transpose(1, 2);
  if (vision.hasClassToken()) x = torch::cat({namedTensor(vision, "class_token").expand({x.size(0), 1, x.size(2)}), x}, 1);
  x = x + namedTensor(vision, "positions");
  if (cfg.model.arch.pre_norm) x = child<torch::nn::LayerNormImpl>(vision, "norm_pre").forward(x);
  const auto activation = model::activationFromName(cfg.model.arch.activation);
  auto& imageBlocks = vision.blocks();
  for (std::size_t b = 0; b < imageBlocks.size(); ++b)
    x = walkBlock(imageBlocks[b], "image.blocks." + std::to_string(b) + ".", x, torch::Tensor(), model::Modality::Image,
                  {cfg.model.image.heads, false, activation}, acc);
  const auto pooledImage = vision.pool(child<torch::nn::LayerNormImpl>(vision, "norm_post").forward(x));
  acc.add("image.proj.weight", pooledImage, torch::ones({pooledImage.size(0)}));
  out.imageEmbeddings =
      torch::nn::functional::normalize(child<torch::nn::LinearImpl>(vision, "proj").forward(pooledImage),
                                       torch::nn::functional::NormalizeFuncOptions().dim(-1));

  // Text tower, as TextEncoder::forward (a shared tower runs the image blocks under their names).
  const auto valid = model::textKeyMask(ids, text.pooling());
  auto t = child<torch::nn::EmbeddingImpl>(text, "token_embed").forward(ids) +
           namedTensor(text, "positions").narrow(1, 0, ids.size(1));
  auto& textBlocks = text.sharesBlocks() ? vision.blocks() : text.blocks();
  const std::string textPrefix = text.sharesBlocks() ? "image.blocks." : "text.blocks.";
  const int textHeads = text.sharesBlocks() ? cfg.model.image.heads : cfg.model.text.heads;
  for (std::size_t b = 0; b < textBlocks.size(); ++b)
    t = walkBlock(textBlocks[b], textPrefix + std::to_string(b) + ".", t, valid, model::Modality::Text,
                  {textHeads, text.causal(), activation}, acc);
  const auto pooledText = model::poolText(child<torch::nn::LayerNormImpl>(text, "norm_final").forward(t), ids, text.pooling());
  acc.add("text.proj.weight", pooledText, torch::ones({pooledText.size(0)}));
  out.textEmbeddings =
      torch::nn::functional::normalize(child<torch::nn::LinearImpl>(text, "proj").forward(pooledText),
                                       torch::nn::functional::NormalizeFuncOptions().dim(-1));
  acc.finish();
  if (wasTraining) model->train();
  return out;
}

}  // namespace vimoe::compress
