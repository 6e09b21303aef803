#include "vimoe/train/init_from.h"

#include <filesystem>

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

Expected<model::UpcycleReport> initialiseFromCheckpoint(const std::string& dir, model::ClipModel& model,
                                                        const model::UpcycleOptions& options) {
  const auto path = weightsPath(dir);
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
