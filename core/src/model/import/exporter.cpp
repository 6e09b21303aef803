#include "vimoe/model/import/exporter.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "vimoe/model/clip_model.h"
#include "vimoe/model/import/import_plan.h"
#include "vimoe/model/tensor_io.h"
#include "vimoe/train/checkpoint.h"
#include "vimoe/util/atomic_file.h"
#include "vimoe/util/safetensors.h"

namespace vimoe::model::import {
namespace fs = std::filesystem;

std::vector<std::string> openClipExportProblems(const config::ExperimentConfig& cfg) {
  std::vector<std::string> problems;
  const auto& arch = cfg.model.arch;
  auto expect = [&](bool ok, const std::string& field, const std::string& value, const std::string& openClip) {
    if (!ok) problems.push_back(field + ": " + value + " (OpenCLIP: " + openClip + ")");
  };
  expect(cfg.run.kind == "contrastive", "run.kind", cfg.run.kind, "a contrastive model");
  expect(!cfg.moe.enabled, "moe.enabled", "true", "dense FFNs; export the dense model before upcycling");
  expect(!cfg.model.shared_tower, "model.shared_tower", "true", "two towers");
  expect(arch.activation == "gelu" || arch.activation == "quick_gelu", "model.arch.activation", arch.activation,
         "gelu or quick_gelu");
  expect(arch.text_activation.empty() || arch.text_activation == arch.activation, "model.arch.text_activation",
         arch.text_activation, "the image tower's");
  expect(arch.norm_eps == 1e-5 && (arch.text_norm_eps == 0 || arch.text_norm_eps == 1e-5), "model.arch.norm_eps",
         std::to_string(arch.norm_eps), "1e-5");
  expect(arch.image_pool == "class", "model.arch.image_pool", arch.image_pool, "class");
  expect(arch.text_pool == "eot", "model.arch.text_pool", arch.text_pool, "eot");
  expect(arch.text_causal, "model.arch.text_causal", "false", "true");
  expect(arch.pre_norm, "model.arch.pre_norm", "false", "true (ln_pre)");
  expect(!arch.patch_bias, "model.arch.patch_bias", "true", "false");
  expect(!arch.proj_bias, "model.arch.proj_bias", "true", "false");
  expect(arch.pixel_norm == "clip", "model.arch.pixel_norm", arch.pixel_norm, "clip");
  expect(cfg.loss.contrastive == "clip", "loss.contrastive", cfg.loss.contrastive, "clip (SigLIP's bias has no place)");
  return problems;
}

namespace {

// The import's Reshape only adds leading 1s (class_embedding [W] -> [1, 1, W], positional
// embeddings [N, W] -> [1, N, W]); its inverse drops them.
torch::Tensor dropLeadingOnes(torch::Tensor t) {
  while (t.dim() > 1 && t.size(0) == 1) t = t.squeeze(0);
  return t;
}

nlohmann::json openClipConfig(const config::ExperimentConfig& cfg) {
  const auto& image = cfg.model.image;
  const auto& text = cfg.model.text;
  return {{"model_cfg",
           {{"embed_dim", cfg.model.embed_dim},
            {"quick_gelu", cfg.model.arch.activation == "quick_gelu"},
            {"vision_cfg",
             {{"image_size", cfg.data.image_size},
              {"layers", image.depth},
              {"width", image.width},
              {"head_width", image.width / image.heads},
              {"mlp_ratio", image.mlp_ratio},
              {"patch_size", cfg.model.patch_size}}},
            {"text_cfg",
             {{"context_length", cfg.data.max_text_tokens},
              {"vocab_size", cfg.data.vocab_size},
              {"width", text.width},
              {"heads", text.heads},
              {"layers", text.depth},
              {"mlp_ratio", text.mlp_ratio}}}}},
          {"preprocess_cfg",
           {{"mean", {0.48145466, 0.4578275, 0.40821073}}, {"std", {0.26862954, 0.26130258, 0.27577711}}}},
          {"exported_by", "vimoe export"}};
}

}  // namespace

Status exportOpenClip(const std::string& checkpointDir, const std::string& outDir) {
  const fs::path weightsPath = fs::path(outDir) / "open_clip_model.safetensors";
  if (fs::exists(weightsPath)) return Error::at(outDir, "already holds open_clip_model.safetensors; choose another --out");
  auto cfg = train::readCheckpointConfig(checkpointDir);
  if (!cfg) return cfg.error();
  if (const auto problems = openClipExportProblems(*cfg); !problems.empty()) {
    std::string message = "cannot be written in the OpenCLIP layout:";
    for (const auto& p : problems) message += "\n  " + p;
    return Error::at(checkpointDir, message);
  }
  ClipModel model(*cfg);
  auto state = train::readTrainingState(checkpointDir);
  if (!state) return state.error();
  if (auto loaded = train::loadCheckpoint(checkpointDir, *model, nullptr, *state); !loaded) return loaded.error();

  std::map<std::string, torch::Tensor> ours;
  for (const auto& item : model->named_parameters()) ours[item.key()] = item.value();
  SafetensorsFile file;
  for (const auto& rule : openClipRules(cfg->model.image.depth, cfg->model.text.depth)) {
    const auto it = ours.find(rule.target);
    if (it == ours.end() || rule.sources.size() != 1)
      return Error{"internal: OpenCLIP rule for '" + rule.target + "' has no single tensor to export"};
    torch::Tensor value = it->second.detach().to(torch::kCPU, torch::kFloat32);
    if (rule.transform == Transform::Transpose) value = value.t();
    if (rule.transform == Transform::Reshape) value = dropLeadingOnes(value);
    file.tensors[rule.sources.front()] = tensorToBlob(value.contiguous());
  }
  file.metadata["format"] = "pt";
  std::error_code ec;
  fs::create_directories(outDir, ec);
  if (ec) return Error::at(outDir, "cannot create the folder: " + ec.message());
  if (auto s = writeFileAtomically((fs::path(outDir) / "open_clip_config.json").string(), openClipConfig(*cfg).dump(2) + "\n");
      !s)
    return s;
  // CLIP's BPE travels with the weights, as in OpenCLIP's hub folders, so the export is whole:
  // `vimoe import` of the folder finds it and the text tower reads the ids it was trained on.
  if (cfg->data.text_format == "clip") {
    auto tokenizer = train::checkpointTokenizerPath(checkpointDir);
    if (!tokenizer) return tokenizer.error();
    if (auto s = train::copyTokenizerIntoCheckpoint(*tokenizer, outDir); !s) return s;
  }
  return saveSafetensors(weightsPath.string(), file);
}

}  // namespace vimoe::model::import
