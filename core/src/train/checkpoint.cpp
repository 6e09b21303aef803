#include "vimoe/train/checkpoint.h"

#include <filesystem>

#include "vimoe/config/config_io.h"
#include "vimoe/model/tensor_io.h"
#include "vimoe/util/atomic_file.h"
#include "vimoe/util/atomic_folder.h"
#include "vimoe/util/json_read.h"
#include "vimoe/util/safetensors.h"

namespace vimoe::train {
namespace fs = std::filesystem;

namespace {

Status checkStep(const SafetensorsFile& file, const std::string& path, std::int64_t step) {
  auto it = file.metadata.find("step");
  if (it == file.metadata.end() || it->second != std::to_string(step))
    return Error::at(path, "belongs to step " + (it == file.metadata.end() ? std::string("?") : it->second) +
                               " but state.json says step " + std::to_string(step) +
                               ": the folder mixes files of two saves; use an earlier checkpoint");
  return okStatus();
}

}  // namespace

Status saveCheckpoint(const std::string& dir, torch::nn::Module& model, const AdamW* optimizer,
                      const config::ExperimentConfig& cfg, const TrainingState& state) {
  auto weights = model::moduleToSafetensors(model);
  weights.metadata["step"] = std::to_string(state.step);
  weights.metadata["format"] = "pt";
  return replaceFolderAtomically(dir, [&](const std::string& staging) -> Status {
    if (auto s = saveSafetensors((fs::path(staging) / "model.safetensors").string(), weights); !s) return s;
    if (optimizer) {
      auto opt = optimizer->state();
      opt.metadata["step"] = std::to_string(state.step);
      if (auto s = saveSafetensors((fs::path(staging) / "optimizer.safetensors").string(), opt); !s) return s;
    }
    const auto configText = config::experimentToJson(cfg).dump(2) + "\n";
    if (auto s = writeFileAtomically((fs::path(staging) / "config.json").string(), configText); !s) return s;
    nlohmann::json stateJson = {
        {"step", state.step}, {"run_id", state.runId}, {"seed", state.seed}, {"metrics", state.metrics}};
    return writeFileAtomically((fs::path(staging) / "state.json").string(), stateJson.dump(2) + "\n");
  });
}

namespace {

Status copyFileOnce(const std::string& from, const fs::path& to) {
  if (fs::exists(to)) return okStatus();
  auto bytes = readWholeFile(from);
  if (!bytes) return bytes.error();
  std::error_code ec;
  fs::create_directories(to.parent_path(), ec);
  return writeFileAtomically(to.string(), *bytes);
}

}  // namespace

Status copyTokenizerIntoCheckpoint(const std::string& tokenizerModel, const std::string& dir) {
  if (fs::path(tokenizerModel).extension() != ".json") return copyFileOnce(tokenizerModel, fs::path(dir) / "tokenizer.model");
  // merges.txt first: a reader that finds vocab.json finds its merges.
  if (auto s = copyFileOnce((fs::path(tokenizerModel).parent_path() / "merges.txt").string(), fs::path(dir) / "merges.txt"); !s)
    return s;
  return copyFileOnce(tokenizerModel, fs::path(dir) / "vocab.json");
}

Expected<text::Tokenizer> loadCheckpointTokenizer(const std::string& dir, const config::ExperimentConfig& cfg) {
  auto path = checkpointTokenizerPath(dir);
  if (!path) return path.error();
  return text::loadTokenizer(*path, cfg.data.text_format);
}

Expected<std::string> checkpointTokenizerPath(const std::string& dir) {
  for (const char* own : {"tokenizer.model", "vocab.json"})
    if (fs::exists(fs::path(dir) / own)) return (fs::path(dir) / own).string();
  auto cfg = readCheckpointConfig(dir);
  if (!cfg) return cfg.error();
  for (fs::path folder = fs::absolute(dir); !folder.empty() && folder != folder.root_path(); folder = folder.parent_path()) {
    if (!fs::exists(folder / "vimoe-project.json")) continue;
    const fs::path project = folder / cfg->data.tokenizer;
    if (fs::exists(project)) return project.string();
    break;
  }
  return Error::at(dir, "no tokenizer.model in the checkpoint and none found through its project");
}

Expected<TrainingState> readTrainingState(const std::string& dir) {
  if (auto s = recoverInterruptedFolderReplace(dir); !s) return s.error();
  const std::string path = (fs::path(dir) / "state.json").string();
  auto text = readWholeFile(path);
  if (!text) return text.error();
  auto parsed = parseJson(path, *text);
  if (!parsed) return parsed.error();
  const nlohmann::json& doc = *parsed;
  if (!doc.is_object()) return Error::at(path, "expected a JSON object {\"step\": ..., ...}");
  TrainingState state;
  if (!doc.contains("step") || !doc["step"].is_number_integer()) return Error::at(path, "field 'step' must be an integer");
  state.step = doc["step"].get<std::int64_t>();
  if (doc.contains("run_id") && doc["run_id"].is_number_integer()) state.runId = doc["run_id"].get<std::int64_t>();
  if (doc.contains("seed") && doc["seed"].is_number_unsigned()) state.seed = doc["seed"].get<std::uint64_t>();
  if (doc.contains("metrics")) state.metrics = doc["metrics"];
  return state;
}

Expected<config::ExperimentConfig> readCheckpointConfig(const std::string& dir) {
  if (auto s = recoverInterruptedFolderReplace(dir); !s) return s.error();
  return config::loadExperimentConfig((fs::path(dir) / "config.json").string());
}

Status loadCheckpoint(const std::string& dir, torch::nn::Module& model, AdamW* optimizer, const TrainingState& state) {
  const std::string weightsPath = (fs::path(dir) / "model.safetensors").string();
  auto weights = loadSafetensors(weightsPath);
  if (!weights) return weights.error();
  if (auto s = checkStep(*weights, weightsPath, state.step); !s) return s;
  if (optimizer) {
    const std::string optPath = (fs::path(dir) / "optimizer.safetensors").string();
    auto opt = loadSafetensors(optPath);
    if (!opt) return opt.error();
    if (auto s = checkStep(*opt, optPath, state.step); !s) return s;
    if (auto s = optimizer->loadState(*opt, optPath); !s) return s;
  }
  return model::loadModuleFromSafetensors(model, *weights, weightsPath);
}

}  // namespace vimoe::train
