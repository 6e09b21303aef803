#include "vimoe/model/import/import_plan.h"

#include <fmt/format.h>

#include <cmath>

#include "vimoe/config/config_io.h"

namespace vimoe::model::import {
namespace {

using Shape = std::vector<std::int64_t>;

bool has(const SourceCheckpoint& source, const std::string& name) { return source.tensors.count(name) > 0; }

Expected<Shape> shapeOf(const SourceCheckpoint& source, const std::string& name, std::size_t rank) {
  const auto it = source.tensors.find(name);
  if (it == source.tensors.end()) return Error::at(source.path, "tensor '" + name + "' is missing");
  if (it->second.shape.size() != rank)
    return Error::at(source.tensorFile.at(name), "tensor '" + name + "' has " + std::to_string(it->second.shape.size()) +
                                                     " dimensions, expected " + std::to_string(rank));
  return it->second.shape;
}

// Blocks numbered 0, 1, ... under `prefix` ("vision_model.encoder.layers.").
int countBlocks(const SourceCheckpoint& source, const std::string& prefix) {
  for (int n = 0;; ++n) {
    const std::string block = prefix + std::to_string(n) + ".";
    const auto it = source.tensors.lower_bound(block);
    if (it == source.tensors.end() || it->first.compare(0, block.size(), block) != 0) return n;
  }
}

// One transformer block's module names in a source layout.
struct BlockLayout {
  std::string norm1, norm2;
  // q, k, v Linear modules, or one nn.MultiheadAttention whose fused tensors are
  // <name>_weight and <name>_bias (OpenCLIP, torchvision).
  std::vector<std::string> qkv;
  std::string out, fc1, fc2;
};

const BlockLayout kHfBlock{"layer_norm1", "layer_norm2", {"self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj"},
                           "self_attn.out_proj", "mlp.fc1", "mlp.fc2"};
const BlockLayout kOpenClipBlock{"ln_1", "ln_2", {"attn.in_proj"}, "attn.out_proj", "mlp.c_fc", "mlp.c_proj"};

void addModule(std::vector<TensorRule>& rules, const std::string& target, const std::string& source) {
  rules.push_back({target + ".weight", {source + ".weight"}});
  rules.push_back({target + ".bias", {source + ".bias"}});
}

void addBlockRules(std::vector<TensorRule>& rules, const std::string& target, const std::string& source,
                   const BlockLayout& block) {
  addModule(rules, target + "norm1", source + block.norm1);
  for (const char* kind : {"weight", "bias"}) {
    TensorRule rule{target + "attn.qkv." + kind, {}, block.qkv.size() == 1 ? Transform::Copy : Transform::Concat};
    for (const auto& module : block.qkv)
      rule.sources.push_back(source + module + (block.qkv.size() == 1 ? "_" : ".") + kind);
    rules.push_back(rule);
  }
  addModule(rules, target + "attn.proj", source + block.out);
  addModule(rules, target + "norm2", source + block.norm2);
  addModule(rules, target + "mlp.fc1", source + block.fc1);
  addModule(rules, target + "mlp.fc2", source + block.fc2);
}

void addTowerBlocks(std::vector<TensorRule>& rules, const std::string& target, const std::string& source, int depth,
                    const BlockLayout& block) {
  for (int i = 0; i < depth; ++i)
    addBlockRules(rules, target + "blocks." + std::to_string(i) + ".", source + std::to_string(i) + ".", block);
}

// Width, depth and FFN ratio from block 0's first FFN matrix (Linear layout [hidden, width]).
Expected<config::TowerConfig> towerShape(const SourceCheckpoint& source, const std::string& fc1Weight, int depth) {
  auto fc1 = shapeOf(source, fc1Weight, 2);
  if (!fc1) return fc1.error();
  config::TowerConfig tower;
  tower.width = static_cast<int>((*fc1)[1]);
  tower.depth = depth;
  tower.mlp_ratio = double((*fc1)[0]) / double((*fc1)[1]);
  return tower;
}

// Heads are not in any tensor: --heads, else the side file, else width / 64, the head width of
// every published CLIP, SigLIP and ViT.
void chooseHeads(config::TowerConfig& tower, int given, const nlohmann::json& fromFile, const std::string& fileName,
                 const std::string& towerName, std::vector<std::string>& decisions) {
  if (given > 0) {
    tower.heads = given;
    decisions.push_back(towerName + " heads " + std::to_string(given) + ": given on the command line");
  } else if (fromFile.is_number_integer()) {
    tower.heads = fromFile.get<int>();
    decisions.push_back(towerName + " heads " + std::to_string(tower.heads) + ": " + fileName);
  } else {
    tower.heads = std::max(1, tower.width / 64);
    decisions.push_back(towerName + " heads " + std::to_string(tower.heads) + ": width / 64 (no " + fileName +
                        " value; give --" + towerName + "-heads if the source used another head width)");
  }
}

Expected<std::string> activationFromHf(const std::string& name) {
  if (name == "quick_gelu") return std::string("quick_gelu");
  if (name == "gelu") return std::string("gelu");
  if (name == "gelu_pytorch_tanh" || name == "gelu_new" || name == "gelu_fast") return std::string("gelu_tanh");
  return Error{"activation '" + name + "' is not one vimoe computes (gelu, gelu_tanh, quick_gelu)"};
}

const nlohmann::json& field(const nlohmann::json& json, const char* a, const char* b) {
  static const nlohmann::json kNull;
  if (!json.is_object() || !json.contains(a) || !json[a].is_object() || !json[a].contains(b)) return kNull;
  return json[a][b];
}

// Image side: patch size, grid and image size from the patch embedding and positions.
Status setImageGeometry(const SourceCheckpoint& source, const std::string& patchWeight, const std::string& positions,
                        bool classToken, config::ExperimentConfig& cfg) {
  auto patch = shapeOf(source, patchWeight, 4);
  if (!patch) return patch.error();
  auto pos = shapeOf(source, positions, source.tensors.at(positions).shape.size() == 3 ? 3 : 2);
  if (!pos) return pos.error();
  const auto rows = (*pos)[pos->size() - 2] - (classToken ? 1 : 0);
  const auto grid = static_cast<std::int64_t>(std::llround(std::sqrt(double(rows))));
  if (grid * grid != rows)
    return Error::at(source.tensorFile.at(positions), "tensor '" + positions + "' has " + std::to_string(rows) +
                                                          " patch positions, not a square grid");
  cfg.model.patch_size = static_cast<int>((*patch)[2]);
  cfg.data.image_size = static_cast<int>(grid * (*patch)[2]);
  return okStatus();
}

Status setTextGeometry(const SourceCheckpoint& source, const std::string& tokens, const std::string& positions,
                       config::ExperimentConfig& cfg) {
  auto vocab = shapeOf(source, tokens, 2);
  if (!vocab) return vocab.error();
  auto pos = shapeOf(source, positions, 2);
  if (!pos) return pos.error();
  cfg.data.vocab_size = static_cast<int>((*vocab)[0]);
  cfg.data.max_text_tokens = static_cast<int>((*pos)[0]);
  return okStatus();
}

// Hugging Face CLIPModel and SiglipModel share the encoder layout (modeling_clip.py, modeling_siglip.py).
Status planHf(const SourceCheckpoint& source, const ImportOptions& options, ImportPlan& plan) {
  const bool siglip = plan.format == SourceFormat::HfSiglip;
  auto& cfg = plan.config;
  auto& rules = plan.rules;
  const std::string v = "vision_model.", t = "text_model.";
  const int imageDepth = countBlocks(source, v + "encoder.layers."), textDepth = countBlocks(source, t + "encoder.layers.");
  auto image = towerShape(source, v + "encoder.layers.0.mlp.fc1.weight", imageDepth);
  if (!image) return image.error();
  auto text = towerShape(source, t + "encoder.layers.0.mlp.fc1.weight", textDepth);
  if (!text) return text.error();
  cfg.model.image = *image;
  cfg.model.text = *text;
  const nlohmann::json& hf = source.hfConfig;
  chooseHeads(cfg.model.image, options.imageHeads, field(hf, "vision_config", "num_attention_heads"),
              "config.json vision_config.num_attention_heads", "image", plan.decisions);
  chooseHeads(cfg.model.text, options.textHeads, field(hf, "text_config", "num_attention_heads"),
              "config.json text_config.num_attention_heads", "text", plan.decisions);

  auto& arch = cfg.model.arch;
  const auto& act = field(hf, "vision_config", "hidden_act");
  const std::string hfActivation = act.is_string() ? act.get<std::string>() : (siglip ? "gelu_pytorch_tanh" : "quick_gelu");
  auto activation = activationFromHf(hfActivation);
  if (!activation) return Error::at(source.path, "config.json vision_config.hidden_act: " + activation.error().message);
  arch.activation = *activation;
  const auto& eps = field(hf, "vision_config", "layer_norm_eps");
  arch.norm_eps = eps.is_number() ? eps.get<double>() : (siglip ? 1e-6 : 1e-5);
  plan.decisions.push_back(fmt::format("activation {}, LayerNorm eps {:g}: {}", arch.activation, arch.norm_eps,
                                       act.is_string() ? "config.json" : "the family's default (no config.json value)"));
  arch.image_pool = siglip ? "map" : "class";
  arch.text_pool = siglip ? "last" : "eot";
  arch.text_causal = !siglip;
  arch.patch_bias = siglip;
  arch.pre_norm = !siglip;
  arch.proj_bias = siglip;
  arch.pixel_norm = siglip ? "siglip" : "clip";
  cfg.loss.contrastive = siglip ? "siglip" : "clip";

  const std::string patchWeight = v + "embeddings.patch_embedding.weight";
  const std::string imagePositions = v + "embeddings.position_embedding.weight";
  if (auto s = setImageGeometry(source, patchWeight, imagePositions, !siglip, cfg); !s) return s;
  if (auto s = setTextGeometry(source, t + "embeddings.token_embedding.weight", t + "embeddings.position_embedding.weight", cfg); !s)
    return s;

  rules.push_back({"image.patch_embed.weight", {patchWeight}});
  if (siglip) rules.push_back({"image.patch_embed.bias", {v + "embeddings.patch_embedding.bias"}});
  if (!siglip) rules.push_back({"image.class_token", {v + "embeddings.class_embedding"}, Transform::Reshape});
  rules.push_back({"image.positions", {imagePositions}, Transform::Reshape});
  if (!siglip) addModule(rules, "image.norm_pre", v + "pre_layrnorm");  // sic: the real files' spelling
  addTowerBlocks(rules, "image.", v + "encoder.layers.", imageDepth, kHfBlock);
  addModule(rules, "image.norm_post", v + "post_layernorm");
  rules.push_back({"text.token_embed.weight", {t + "embeddings.token_embedding.weight"}});
  rules.push_back({"text.positions", {t + "embeddings.position_embedding.weight"}, Transform::Reshape});
  addTowerBlocks(rules, "text.", t + "encoder.layers.", textDepth, kHfBlock);
  addModule(rules, "text.norm_final", t + "final_layer_norm");
  rules.push_back({"logit_scale", {"logit_scale"}, Transform::Reshape});
  if (!siglip) {
    auto projection = shapeOf(source, "visual_projection.weight", 2);
    if (!projection) return projection.error();
    cfg.model.embed_dim = static_cast<int>((*projection)[0]);
    rules.push_back({"image.proj.weight", {"visual_projection.weight"}});
    rules.push_back({"text.proj.weight", {"text_projection.weight"}});
    return okStatus();
  }
  // SigLIP: the attention-pooling head's fused in-projection splits into the probe's query
  // and the tokens' keys and values; the image feature is the pooled vector itself.
  const std::string head = v + "head.";
  const std::int64_t w = cfg.model.image.width;
  rules.push_back({"image.pool.probe", {head + "probe"}});
  rules.push_back({"image.pool.attn.q.weight", {head + "attention.in_proj_weight"}, Transform::Rows, 0, w});
  rules.push_back({"image.pool.attn.q.bias", {head + "attention.in_proj_bias"}, Transform::Rows, 0, w});
  rules.push_back({"image.pool.attn.kv.weight", {head + "attention.in_proj_weight"}, Transform::Rows, w, 3 * w});
  rules.push_back({"image.pool.attn.kv.bias", {head + "attention.in_proj_bias"}, Transform::Rows, w, 3 * w});
  addModule(rules, "image.pool.attn.proj", head + "attention.out_proj");
  addModule(rules, "image.pool.norm", head + "layernorm");
  addModule(rules, "image.pool.mlp.fc1", head + "mlp.fc1");
  addModule(rules, "image.pool.mlp.fc2", head + "mlp.fc2");
  rules.push_back({"image.proj.weight", {}, Transform::Identity});
  rules.push_back({"image.proj.bias", {}, Transform::Zeros});
  addModule(rules, "text.proj", t + "head");
  rules.push_back({"logit_bias", {"logit_bias"}, Transform::Reshape});
  auto textHead = shapeOf(source, t + "head.weight", 2);
  if (!textHead) return textHead.error();
  cfg.model.embed_dim = static_cast<int>((*textHead)[0]);
  if (cfg.model.embed_dim != cfg.model.image.width)
    return Error::at(source.tensorFile.at(t + "head.weight"),
                     "text head maps to " + std::to_string(cfg.model.embed_dim) + " features but the image tower's " +
                         "pooled feature has " + std::to_string(cfg.model.image.width) + "; SigLIP needs them equal");
  return okStatus();
}

}  // namespace

std::vector<TensorRule> openClipRules(int imageDepth, int textDepth) {
  const std::string v = "visual.";
  std::vector<TensorRule> rules;
  rules.push_back({"image.patch_embed.weight", {v + "conv1.weight"}});
  rules.push_back({"image.class_token", {v + "class_embedding"}, Transform::Reshape});
  rules.push_back({"image.positions", {v + "positional_embedding"}, Transform::Reshape});
  addModule(rules, "image.norm_pre", v + "ln_pre");
  addTowerBlocks(rules, "image.", v + "transformer.resblocks.", imageDepth, kOpenClipBlock);
  addModule(rules, "image.norm_post", v + "ln_post");
  rules.push_back({"image.proj.weight", {v + "proj"}, Transform::Transpose});
  rules.push_back({"text.token_embed.weight", {"token_embedding.weight"}});
  rules.push_back({"text.positions", {"positional_embedding"}, Transform::Reshape});
  addTowerBlocks(rules, "text.", "transformer.resblocks.", textDepth, kOpenClipBlock);
  addModule(rules, "text.norm_final", "ln_final");
  rules.push_back({"text.proj.weight", {"text_projection"}, Transform::Transpose});
  rules.push_back({"logit_scale", {"logit_scale"}, Transform::Reshape});
  return rules;
}

namespace {

// OpenCLIP / OpenAI CLIP state dicts (open_clip/transformer.py VisionTransformer, TextTransformer).
Status planOpenClip(const SourceCheckpoint& source, const ImportOptions& options, ImportPlan& plan) {
  auto& cfg = plan.config;
  auto& rules = plan.rules;
  const std::string v = "visual.";
  const int imageDepth = countBlocks(source, v + "transformer.resblocks."), textDepth = countBlocks(source, "transformer.resblocks.");
  auto image = towerShape(source, v + "transformer.resblocks.0.mlp.c_fc.weight", imageDepth);
  if (!image) return image.error();
  auto text = towerShape(source, "transformer.resblocks.0.mlp.c_fc.weight", textDepth);
  if (!text) return text.error();
  cfg.model.image = *image;
  cfg.model.text = *text;
  const nlohmann::json& model = source.openClipConfig.is_object() && source.openClipConfig.contains("model_cfg")
                                    ? source.openClipConfig["model_cfg"] : nlohmann::json();
  nlohmann::json imageHeads;
  const auto& headWidth = field(model, "vision_cfg", "head_width");
  if (field(model, "vision_cfg", "width").is_number_integer())
    imageHeads = cfg.model.image.width / (headWidth.is_number_integer() ? headWidth.get<int>() : 64);
  chooseHeads(cfg.model.image, options.imageHeads, imageHeads, "open_clip_config.json vision_cfg", "image", plan.decisions);
  chooseHeads(cfg.model.text, options.textHeads, field(model, "text_cfg", "heads"), "open_clip_config.json text_cfg.heads",
              "text", plan.decisions);
  auto& arch = cfg.model.arch;
  const bool quick = model.is_object() && model.value("quick_gelu", false);
  arch.activation = quick ? "quick_gelu" : "gelu";
  plan.decisions.push_back(std::string("activation ") + arch.activation + ": " +
                           (model.is_object() ? "open_clip_config.json quick_gelu"
                                              : "OpenCLIP's default; OpenAI's own weights need --activation quick_gelu"));
  arch.image_pool = "class";
  arch.text_pool = "eot";
  arch.text_causal = true;
  arch.pre_norm = true;
  arch.pixel_norm = "clip";
  if (auto s = setImageGeometry(source, v + "conv1.weight", v + "positional_embedding", true, cfg); !s) return s;
  if (auto s = setTextGeometry(source, "token_embedding.weight", "positional_embedding", cfg); !s) return s;
  auto projection = shapeOf(source, v + "proj", 2);
  if (!projection) return projection.error();
  cfg.model.embed_dim = static_cast<int>((*projection)[1]);

  rules = openClipRules(imageDepth, textDepth);
  return okStatus();
}

// torchvision.models.VisionTransformer: an image tower only (its classifier is left unused).
// Its feature is the class token after the final norm, so the image projection starts as the
// identity (the embedding is that feature until training moves it); the text tower starts
// fresh, width-matched as the vit presets are.
Status planTorchvision(const SourceCheckpoint& source, const ImportOptions& options, ImportPlan& plan) {
  auto& cfg = plan.config;
  const std::string prefix = "encoder.layers.encoder_layer_";
  const int depth = countBlocks(source, prefix);
  // torchvision >= 0.13 names the FFN mlp.0 / mlp.3; older files mlp.linear_1 / linear_2.
  const bool numbered = has(source, prefix + "0.mlp.0.weight");
  const BlockLayout block{"ln_1", "ln_2", {"self_attention.in_proj"}, "self_attention.out_proj",
                          numbered ? "mlp.0" : "mlp.linear_1", numbered ? "mlp.3" : "mlp.linear_2"};
  auto image = towerShape(source, prefix + "0." + block.fc1 + ".weight", depth);
  if (!image) return image.error();
  cfg.model.image = *image;
  chooseHeads(cfg.model.image, options.imageHeads, nlohmann::json(), "torchvision checkpoint", "image", plan.decisions);
  cfg.model.text = cfg.model.image;
  cfg.model.embed_dim = cfg.model.image.width;
  plan.decisions.push_back("text tower: none in the source; a fresh one shaped like the image tower");
  auto& arch = cfg.model.arch;
  arch.activation = "gelu";
  arch.norm_eps = 1e-6;
  arch.patch_bias = true;
  arch.pixel_norm = "imagenet";
  if (auto s = setImageGeometry(source, "conv_proj.weight", "encoder.pos_embedding", true, cfg); !s) return s;
  auto& rules = plan.rules;
  addModule(rules, "image.patch_embed", "conv_proj");
  rules.push_back({"image.class_token", {"class_token"}});
  rules.push_back({"image.positions", {"encoder.pos_embedding"}});
  addTowerBlocks(rules, "image.", prefix, depth, block);
  addModule(rules, "image.norm_post", "encoder.ln");
  rules.push_back({"image.proj.weight", {}, Transform::Identity});
  return okStatus();
}

}  // namespace

std::string formatName(SourceFormat format) {
  switch (format) {
    case SourceFormat::HfSiglip:
      return "hf-siglip";
    case SourceFormat::OpenClip:
      return "open-clip";
    case SourceFormat::TorchvisionVit:
      return "torchvision-vit";
    case SourceFormat::HfClip:
      break;
  }
  return "hf-clip";
}

Expected<SourceFormat> formatFromName(const std::string& name) {
  for (auto format : {SourceFormat::HfClip, SourceFormat::HfSiglip, SourceFormat::OpenClip, SourceFormat::TorchvisionVit})
    if (formatName(format) == name) return format;
  return Error{"--format '" + name + "' is not one of hf-clip, hf-siglip, open-clip, torchvision-vit"};
}

Expected<SourceFormat> detectFormat(const SourceCheckpoint& source) {
  if (has(source, "vision_model.embeddings.class_embedding")) return SourceFormat::HfClip;
  if (has(source, "vision_model.head.probe") || has(source, "vision_model.embeddings.patch_embedding.bias"))
    return SourceFormat::HfSiglip;
  if (has(source, "visual.conv1.weight")) return SourceFormat::OpenClip;
  if (has(source, "conv_proj.weight") && has(source, "encoder.pos_embedding")) return SourceFormat::TorchvisionVit;
  std::string first = source.tensors.empty() ? "none" : source.tensors.begin()->first;
  return Error::at(source.path,
                   "unknown checkpoint layout (first tensor: '" + first + "'); looked for vision_model.embeddings.class_embedding "
                   "(hf-clip), vision_model.head.probe (hf-siglip), visual.conv1.weight (open-clip), conv_proj.weight + "
                   "encoder.pos_embedding (torchvision-vit); give --format if the names are one of these with a prefix");
}

Expected<ImportPlan> planImport(const SourceCheckpoint& source, const ImportOptions& options) {
  ImportPlan plan;
  auto format = options.format.empty() ? detectFormat(source) : formatFromName(options.format);
  if (!format) return format.error();
  plan.format = *format;
  plan.config.model.preset = "custom";
  plan.config.run.name = "imported-" + formatName(plan.format);
  Status planned = plan.format == SourceFormat::OpenClip         ? planOpenClip(source, options, plan)
                   : plan.format == SourceFormat::TorchvisionVit ? planTorchvision(source, options, plan)
                                                                 : planHf(source, options, plan);
  if (!planned) return planned.error();
  if (!options.activation.empty()) {
    plan.config.model.arch.activation = options.activation;
    plan.decisions.push_back("activation " + options.activation + ": given on the command line");
  }
  const auto issues = config::validate(plan.config);
  if (!issues.empty())
    return Error::at(source.path, "the model these tensors describe is not one vimoe can build: " + issues.front().path +
                                      ": " + issues.front().message);
  return plan;
}

}  // namespace vimoe::model::import
