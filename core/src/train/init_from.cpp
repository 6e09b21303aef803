#include "vimoe/train/init_from.h"

#include <fmt/format.h>

#include <filesystem>
#include <tuple>
#include <vector>

#include "vimoe/config/config_io.h"
#include "vimoe/model/tensor_io.h"
#include "vimoe/train/checkpoint.h"
#include "vimoe/util/safetensors.h"

namespace vimoe::train {
namespace fs = std::filesystem;
namespace {

std::string weightsPath(const std::string& dir) { return (fs::path(dir) / "model.safetensors").string(); }

}  // namespace

Expected<bool> isDenseCheckpoint(const std::string& dir) {
  auto weights = loadSafetensors(weightsPath(dir));
  if (!weights) return weights.error();
  for (const auto& [name, blob] : weights->tensors)
    if (name.find(".moe.") != std::string::npos) return false;
  return true;
}

Status checkSameArchitecture(const std::string& what, const std::string& dir, const config::ArchitectureConfig& checkpoint,
                             const config::ArchitectureConfig& run, bool imageTowerOnly) {
  const auto flag = [](bool b) { return std::string(b ? "true" : "false"); };
  const auto number = [](double x) { return fmt::format("{:g}", x); };
  const std::vector<std::tuple<const char*, std::string, std::string, bool>> fields = {
      {"activation", checkpoint.activation, run.activation, false},
      {"norm_eps", number(checkpoint.norm_eps), number(run.norm_eps), false},
      {"image_pool", checkpoint.image_pool, run.image_pool, false},
      {"patch_bias", flag(checkpoint.patch_bias), flag(run.patch_bias), false},
      {"pre_norm", flag(checkpoint.pre_norm), flag(run.pre_norm), false},
      {"pixel_norm", checkpoint.pixel_norm, run.pixel_norm, false},
      {"proj_bias", flag(checkpoint.proj_bias), flag(run.proj_bias), true},
      {"text_pool", checkpoint.text_pool, run.text_pool, true},
      {"text_causal", flag(checkpoint.text_causal), flag(run.text_causal), true},
  };
  for (const auto& [field, had, has, textSide] : fields) {
    if (had == has || (textSide && imageTowerOnly)) continue;
    return Error{what + ": " + dir + " has model.arch." + field + " = " + had + " but this config has " + has +
                 "; a run computes as its checkpoint did: copy the checkpoint's model.arch (vimoe config --dump " + dir +
                 "/config.json shows it)"};
  }
  return okStatus();
}

Expected<model::UpcycleReport> initialiseFromCheckpoint(const std::string& dir, model::ClipModel& model,
                                                        const model::UpcycleOptions& options) {
  const auto path = weightsPath(dir);
  // An older checkpoint without config.json is checked by its tensors alone.
  if (fs::exists(fs::path(dir) / "config.json")) {
    auto from = readCheckpointConfig(dir);
    if (!from) return from.error();
    if (auto same = checkSameArchitecture("model.init_from", dir, from->model.arch, model->architecture(), false); !same)
      return same.error();
  }
  auto weights = loadSafetensors(path);
  if (!weights) return weights.error();
  bool dense = true;
  for (const auto& [name, blob] : weights->tensors) dense = dense && name.find(".moe.") == std::string::npos;
  if (dense && !model->moeLayers().empty()) return model::upcycleFromDense(*weights, model, options, path);
  if (auto s = model::loadModuleFromSafetensors(*model, *weights, path); !s) return s.error();
  return model::UpcycleReport{};
}

Expected<model::UpcycleReport> writeUpcycledCheckpoint(const std::string& from, const config::ExperimentConfig& moeCfg,
                                                       const std::string& out, const model::UpcycleOptions& options) {
  if (auto issues = config::validate(moeCfg); !issues.empty()) {
    std::string message = "the MoE config is invalid:";
    for (const auto& issue : issues) message += "\n  " + issue.toString();
    return Error{message};
  }
  if (!moeCfg.moe.enabled) return Error{"the MoE config has moe.enabled = false: nothing to upcycle into"};
  auto dense = isDenseCheckpoint(from);
  if (!dense) return dense.error();
  if (!*dense) return Error::at(weightsPath(from), "already an MoE checkpoint: upcycling needs a dense one");
  torch::manual_seed(moeCfg.run.seed);
  model::ClipModel model(moeCfg);
  auto report = initialiseFromCheckpoint(from, model, options);
  if (!report) return report.error();
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) return Error::at(out, "cannot create the output folder: " + ec.message());
  TrainingState state;
  state.seed = moeCfg.run.seed;
  state.metrics["upcycled_from"] = fs::absolute(from).string();
  if (auto s = saveCheckpoint(out, *model, nullptr, moeCfg, state); !s) return s.error();
  return report;
}

}  // namespace vimoe::train
