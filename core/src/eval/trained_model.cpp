#include "vimoe/eval/trained_model.h"

#include <filesystem>

#include "vimoe/config/project.h"
#include "vimoe/store/run_store.h"
#include "vimoe/train/checkpoint.h"

namespace vimoe::eval {
namespace fs = std::filesystem;
namespace {

struct LoadedParts {
  config::ExperimentConfig cfg;
  train::TrainingState state;
  std::string tokenizerPath;
};

Expected<LoadedParts> readParts(const std::string& dir) {
  if (!fs::exists(fs::path(dir) / "model.safetensors")) return Error::at(dir, "not a checkpoint folder (no model.safetensors)");
  LoadedParts parts;
  auto cfg = train::readCheckpointConfig(dir);
  if (!cfg) return cfg.error();
  parts.cfg = *cfg;
  auto state = train::readTrainingState(dir);
  if (!state) return state.error();
  parts.state = *state;
  auto tokenizer = train::checkpointTokenizerPath(dir);
  if (!tokenizer) return tokenizer.error();
  parts.tokenizerPath = *tokenizer;
  return parts;
}

}  // namespace

Expected<std::string> resolveCheckpoint(const std::string& path, const std::string& kind) {
  if (fs::exists(fs::path(path) / "model.safetensors")) return path;
  if (!fs::exists(fs::path(path) / config::kProjectFileName))
    return Error::at(path, "neither a checkpoint folder (model.safetensors) nor a project folder (" +
                               std::string(config::kProjectFileName) + ")");
  auto project = config::loadProject(path);
  if (!project) return project.error();
  auto store = store::RunStore::open(project->storePath(), store::RunStore::Mode::ReadOnly);
  if (!store) return store.error();
  auto runs = (*store)->listRuns();
  if (!runs) return runs.error();
  const store::RunInfo* newest = nullptr;
  for (const auto& run : *runs)
    if (run.kind == kind && run.status == store::RunStatus::Finished && fs::exists(fs::path(run.checkpointDir) / "model.safetensors"))
      if (!newest || run.id > newest->id) newest = &run;
  if (!newest)
    return Error::at(project->storePath(), "no finished " + kind + " run with a checkpoint; train one first (see README)");
  return newest->checkpointDir;
}

Expected<DownstreamModel> loadDownstreamModel(const std::string& dir) {
  auto parts = readParts(dir);
  if (!parts) return parts.error();
  const auto& cfg = parts->cfg;
  if (cfg.run.kind != "caption" && cfg.run.kind != "vqa")
    return Error::at(dir, "a " + cfg.run.kind + " checkpoint; this needs a caption or vqa one");
  std::optional<train::AnswerVocabulary> vocabulary;
  if (cfg.run.kind == "vqa" && cfg.task.vqa_head == "classify") {
    auto read = train::readAnswerVocabulary(dir);
    if (!read) return read.error();
    vocabulary = std::move(*read);
  }
  auto tokenizer = text::loadTokenizer(parts->tokenizerPath, parts->cfg.data.text_format);
  if (!tokenizer) return tokenizer.error();
  model::VisionLanguageModel model(cfg, vocabulary ? static_cast<int>(vocabulary->answers.size()) : 0);
  if (auto s = train::loadCheckpoint(dir, *model, nullptr, parts->state); !s) return s.error();
  model->eval();
  return DownstreamModel{dir, cfg, std::move(*tokenizer), model, std::move(vocabulary)};
}

Expected<ContrastiveModel> loadContrastiveModel(const std::string& dir) {
  auto parts = readParts(dir);
  if (!parts) return parts.error();
  if (parts->cfg.run.kind != "contrastive")
    return Error::at(dir, "a " + parts->cfg.run.kind + " checkpoint; retrieval needs a contrastive one");
  auto tokenizer = text::loadTokenizer(parts->tokenizerPath, parts->cfg.data.text_format);
  if (!tokenizer) return tokenizer.error();
  model::ClipModel model(parts->cfg);
  if (auto s = train::loadCheckpoint(dir, *model, nullptr, parts->state); !s) return s.error();
  model->eval();
  return ContrastiveModel{dir, parts->cfg, std::move(*tokenizer), model};
}

}  // namespace vimoe::eval
