#include "vimoe/model/model_info.h"

#include "vimoe/model/transformer_block.h"

namespace vimoe::model {
namespace {

using Count = std::int64_t;

// The same rounding and tower selection as encoders.cpp; the parameter-count test against a
// built ClipModel fails if the two drift apart.
Count hiddenUnits(const config::TowerConfig& tower) {
  return static_cast<int>(tower.width * tower.mlp_ratio + 0.5);
}
bool towerHasMoe(const config::MoeConfig& moe, const std::string& tower) {
  return moe.towers == "both" || moe.towers == tower;
}

Count layerNormParams(Count width) {
  return 2 * width;
}
Count linearParams(Count in, Count out, bool bias) {
  return in * out + (bias ? out : 0);
}
Count expertParams(Count width, Count hidden) {
  return linearParams(width, hidden, true) + linearParams(hidden, width, true);
}

// Blocks, final norm and projection: everything but the tower's input embedding. With a LIMoE
// shared tower the text side runs the image tower's blocks: their FLOPs count for both, their
// parameters once (blockParameters false for the text side).
void addBlocks(TowerInfo& info, const config::ExperimentConfig& cfg, bool blockParameters) {
  const bool shared = cfg.model.shared_tower;
  const config::TowerConfig& tower = shared ? cfg.model.image : (info.name == "image" ? cfg.model.image : cfg.model.text);
  const config::MoeConfig& moe = cfg.moe;
  const int embedDim = cfg.model.embed_dim;
  const Count w = tower.width, h = hiddenUnits(tower), s = info.tokens;
  const auto mask = moeBlockMask(moe, tower.depth, shared || towerHasMoe(moe, info.name));
  const Count before = info.parameters, activeBefore = info.activeParameters;
  for (int i = 0; i < tower.depth; ++i) {
    const Count attention = 2 * layerNormParams(w) + linearParams(w, 3 * w, true) + linearParams(w, w, true);
    info.parameters += attention;
    info.activeParameters += attention;
    info.flops.qkv += 2 * s * w * (3 * w);
    info.flops.attention += 2 * s * s * w + 2 * s * s * w;  // heads x (S x Dh x S) twice; heads x Dh = W
    info.flops.projection += 2 * s * w * w;
    if (mask[static_cast<std::size_t>(i)]) {
      const Count e = moe.num_experts, k = moe.top_k;
      const Count router = linearParams(w, e, false);
      info.parameters += router + e * expertParams(w, h);
      info.activeParameters += router + k * expertParams(w, h);
      info.flops.ffn += 2 * s * w * e + k * (2 * s * w * h + 2 * s * h * w);
      if (moe.shared_expert) {  // an always-on dense FFN beside the routed experts
        info.parameters += expertParams(w, h);
        info.activeParameters += expertParams(w, h);
        info.flops.ffn += 2 * s * w * h + 2 * s * h * w;
      }
      if (blockParameters) info.moeLayers.push_back((shared ? "shared" : info.name) + ".blocks." + std::to_string(i));
    } else {
      info.parameters += expertParams(w, h);
      info.activeParameters += expertParams(w, h);
      info.flops.ffn += 2 * s * w * h + 2 * s * h * w;
    }
  }
  if (!blockParameters) {
    info.parameters = before;
    info.activeParameters = activeBefore;
  }
  Count head = layerNormParams(w) + linearParams(w, embedDim, cfg.model.arch.proj_bias);
  info.flops.head = 2 * w * embedDim;  // one pooled vector per sample
  if (info.name == "image" && cfg.model.arch.image_pool == "map") {
    // SigLIP's attention-pooling head: probe, q / kv / out projections, norm, FFN; one query.
    head += w + linearParams(w, w, true) + linearParams(w, 2 * w, true) + linearParams(w, w, true) + layerNormParams(w) +
            expertParams(w, h);
    info.flops.head += 2 * w * w + 2 * s * w * (2 * w) + 2 * s * w + 2 * s * w + 2 * w * w + 4 * w * h;
  }
  info.parameters += head;
  info.activeParameters += head;
}

TowerInfo imageTower(const config::ExperimentConfig& cfg) {
  const config::TowerConfig& tower = cfg.model.image;
  const Count w = tower.width, patch = cfg.model.patch_size;
  const Count patches =
      Count(cfg.data.image_size / cfg.model.patch_size) * (cfg.data.image_size / cfg.model.patch_size);
  TowerInfo info;
  info.name = "image";
  const Count classTokens = cfg.model.arch.image_pool == "class" ? 1 : 0;
  info.tokens = static_cast<int>(patches + classTokens);
  // Patch embedding (bias per model.arch), class token, positions, the pre-norm of CLIP.
  const Count embed = 3 * patch * patch * w + (cfg.model.arch.patch_bias ? w : 0) + classTokens * w +
                      (patches + classTokens) * w + (cfg.model.arch.pre_norm ? layerNormParams(w) : 0);
  info.parameters = info.activeParameters = embed;
  info.flops.embedding = 2 * patches * (3 * patch * patch) * w;
  addBlocks(info, cfg, /*blockParameters=*/true);
  return info;
}

TowerInfo textTower(const config::ExperimentConfig& cfg) {
  const config::TowerConfig& tower = cfg.model.shared_tower ? cfg.model.image : cfg.model.text;
  TowerInfo info;
  info.name = "text";
  info.tokens = cfg.data.max_text_tokens;  // batches are padded to this length
  // Token embedding and positions; a lookup, so no FLOPs.
  const Count embed = Count(cfg.data.vocab_size) * tower.width + Count(cfg.data.max_text_tokens) * tower.width;
  info.parameters = info.activeParameters = embed;
  addBlocks(info, cfg, /*blockParameters=*/!cfg.model.shared_tower);
  return info;
}

}  // namespace

ModelInfo describeModel(const config::ExperimentConfig& cfg) {
  ModelInfo info;
  info.preset = cfg.model.preset;
  info.image = imageTower(cfg);
  info.text = textTower(cfg);
  info.sharedParameters = cfg.loss.contrastive == "siglip" ? 2 : 1;  // logit_scale (+ SigLIP's logit_bias)
  return info;
}

std::string costCountedText() {
  return "FLOPs: forward, per sample, 2*m*n*k per matrix product: patch embedding, qkv, attention scores and "
         "weighted sum, attention output projection, FFN (MoE: router + k experts per token, no capacity padding, "
         "no drops), final projections. Not counted: layer norms, softmax, GELU, embedding lookups, the B x B "
         "contrastive logits. Text at its full padded length (data.max_text_tokens). Training step ~ 3x forward.";
}

}  // namespace vimoe::model
