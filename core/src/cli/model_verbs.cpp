// `vimoe model info`: size and cost of the model a config describes, from model_info.h.
#include <fmt/format.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "vimoe/cli/verbs.h"
#include "vimoe/config/config_io.h"
#include "vimoe/model/model_info.h"

namespace vimoe::cli {
namespace {

std::string millions(std::int64_t n) {
  return fmt::format("{:.3f} M", double(n) / 1e6);
}
std::string mflops(std::int64_t n) {
  return fmt::format("{:.2f}", double(n) / 1e6);
}

int hiddenUnits(const config::TowerConfig& tower) {
  return static_cast<int>(tower.width * tower.mlp_ratio + 0.5);
}

nlohmann::json towerJson(const model::TowerInfo& t, const config::TowerConfig& shape) {
  const model::FlopBreakdown& f = t.flops;
  return {{"width", shape.width},
          {"depth", shape.depth},
          {"heads", shape.heads},
          {"hidden", hiddenUnits(shape)},
          {"tokens", t.tokens},
          {"parameters", t.parameters},
          {"active_parameters", t.activeParameters},
          {"flops",
           {{"embedding", f.embedding},
            {"qkv", f.qkv},
            {"attention", f.attention},
            {"projection", f.projection},
            {"ffn", f.ffn},
            {"head", f.head},
            {"total", f.total()}}},
          {"moe_layers", t.moeLayers}};
}

nlohmann::json infoJson(const config::ExperimentConfig& cfg, const model::ModelInfo& info) {
  return {
      {"preset", info.preset},
      {"embed_dim", cfg.model.embed_dim},
      {"moe",
       {{"enabled", cfg.moe.enabled},
        {"num_experts", cfg.moe.num_experts},
        {"top_k", cfg.moe.top_k},
        {"towers", cfg.moe.towers},
        {"placement", cfg.moe.placement},
        {"placement_n", cfg.moe.placement_n}}},
      {"towers", {{"image", towerJson(info.image, cfg.model.image)}, {"text", towerJson(info.text, cfg.model.text)}}},
      {"shared_parameters", info.sharedParameters},
      {"total",
       {{"parameters", info.parameters()}, {"active_parameters", info.activeParameters()}, {"flops", info.flops()}}},
      {"flops_counted", model::costCountedText()}};
}

void printTowerRow(const model::TowerInfo& t, const config::TowerConfig& shape) {
  std::printf("%-7s %6d %6d %6d %7d %7d %12s %12s %12s\n", t.name.c_str(), shape.width, shape.depth, shape.heads,
              hiddenUnits(shape), t.tokens, millions(t.parameters).c_str(), millions(t.activeParameters).c_str(),
              mflops(t.flops.total()).c_str());
}

void printBreakdownRow(const model::TowerInfo& t) {
  const model::FlopBreakdown& f = t.flops;
  std::printf("%-7s %10s %10s %10s %10s %10s %10s\n", t.name.c_str(), mflops(f.embedding).c_str(),
              mflops(f.qkv).c_str(), mflops(f.attention).c_str(), mflops(f.projection).c_str(), mflops(f.ffn).c_str(),
              mflops(f.head).c_str());
}

void printInfo(const config::ExperimentConfig& cfg, const model::ModelInfo& info) {
  std::printf("model: preset %s, embed_dim %d, image %d px / patch %d, text %d tokens, vocab %d\n", info.preset.c_str(),
              cfg.model.embed_dim, cfg.data.image_size, cfg.model.patch_size, cfg.data.max_text_tokens,
              cfg.data.vocab_size);
  std::vector<std::string> layers = info.image.moeLayers;
  layers.insert(layers.end(), info.text.moeLayers.begin(), info.text.moeLayers.end());
  if (layers.empty()) {
    std::printf("moe:   none (dense)\n");
  } else {
    std::printf("moe:   E=%d, top-%d, towers %s, placement %s n=%d; %zu MoE layers:", cfg.moe.num_experts,
                cfg.moe.top_k, cfg.moe.towers.c_str(), cfg.moe.placement.c_str(), cfg.moe.placement_n, layers.size());
    for (const auto& name : layers) std::printf(" %s", name.c_str());
    std::printf("\n");
  }
  std::printf("\n%-7s %6s %6s %6s %7s %7s %12s %12s %12s\n", "tower", "width", "depth", "heads", "hidden", "tokens",
              "params", "active/tok", "MFLOPs/smp");
  printTowerRow(info.image, cfg.model.image);
  printTowerRow(info.text, cfg.model.text);
  std::printf("%-7s %36s %12s %12s\n", "shared", "", std::to_string(info.sharedParameters).c_str(),
              std::to_string(info.sharedParameters).c_str());
  std::printf("%-7s %36s %12s %12s %12s\n", "total", "", millions(info.parameters()).c_str(),
              millions(info.activeParameters()).c_str(), mflops(info.flops()).c_str());
  std::printf("        exact: %lld parameters, %lld active per token, %lld FLOPs per sample\n",
              static_cast<long long>(info.parameters()), static_cast<long long>(info.activeParameters()),
              static_cast<long long>(info.flops()));
  std::printf("\nforward MFLOPs per sample by product:\n%-7s %10s %10s %10s %10s %10s %10s\n", "tower", "embedding",
              "qkv", "attention", "proj", "ffn/moe", "head");
  printBreakdownRow(info.image);
  printBreakdownRow(info.text);
  std::printf("\n%s\n", model::costCountedText().c_str());
}

}  // namespace

int runModelInfo(const ModelInfoOptions& options) {
  auto cfg = config::loadExperimentConfig(options.configFile, options.overrides);
  if (!cfg) {
    std::fprintf(stderr, "%s\n", cfg.error().message.c_str());
    return kExitBadInput;
  }
  const model::ModelInfo info = model::describeModel(*cfg);
  if (options.json)
    std::printf("%s\n", infoJson(*cfg, info).dump(2).c_str());
  else
    printInfo(*cfg, info);
  return kExitOk;
}

}  // namespace vimoe::cli
