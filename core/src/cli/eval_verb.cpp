// `vimoe eval --task caption|vqa|retrieval --checkpoint ...`: a whole split evaluated, printed
// next to the model-free baselines, and written to the run's eval table (per-sample details
// included) so the workbench shows the best and worst examples.
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "inference_common.h"
#include "train/contrastive_eval.h"
#include "vimoe/config/project.h"
#include "vimoe/eval/final_eval.h"
#include "vimoe/eval/trained_model.h"
#include "vimoe/store/run_store.h"
#include "vimoe/train/checkpoint.h"
#include "vimoe/train/project_data.h"
#include "vimoe/util/json_read.h"

namespace vimoe::cli {
namespace fs = std::filesystem;
namespace {

eval::SplitEvalOptions splitEvalOptions(const config::ExperimentConfig& cfg, const EvalCliOptions& options) {
  eval::SplitEvalOptions o;
  o.split = options.split;
  o.generation = generationFor(cfg, options.generation);
  o.tokenization = eval::metricTokenizationOf(cfg);
  o.maxSamples = options.maxSamples;
  return o;
}

struct SplitFiles {
  std::string projectDir;
  config::ExperimentConfig cfg;  // the checkpoint's, with data.root as --data says
  train::ProjectData data;
};

// Where the evaluated data lies: --data (a dataset folder in the checkpoint's data.format), else
// data.root of the checkpoint's config inside --project, else inside the project around the
// checkpoint. A checkpoint written outside any project (an upcycle or import into /tmp) needs one
// of the two options.
Expected<SplitFiles> locateData(const std::string& checkpointDir, const config::ExperimentConfig& cfg,
                                const EvalCliOptions& options) {
  SplitFiles files{"", cfg, {}};
  if (!options.dataRoot.empty()) {
    std::error_code ec;
    const fs::path root = fs::absolute(options.dataRoot, ec);
    if (!fs::is_directory(root, ec)) return Error::at(options.dataRoot, "--data: not a folder");
    files.cfg.data.root = root.lexically_normal().string();
  }
  if (!options.projectDir.empty()) {
    auto project = config::findProjectDir(options.projectDir);
    if (!project) return Error::at(options.projectDir, "--project: no vimoe-project.json in this folder or above it");
    files.projectDir = *project;
  } else if (auto project = config::findProjectDir(checkpointDir)) {
    files.projectDir = *project;
  } else if (!options.dataRoot.empty()) {
    files.projectDir = fs::current_path().string();  // data.root is absolute; only the config's other relative paths use it
  } else {
    return Error::at(checkpointDir, "no project (vimoe-project.json) around this checkpoint, so its data (data.root \"" +
                                        cfg.data.root + "\") cannot be found: give --project DIR or --data DATASET_DIR");
  }
  return files;
}

Expected<SplitFiles> projectDataFor(const std::string& checkpointDir, const config::ExperimentConfig& cfg,
                                    const EvalCliOptions& options, LogSink& log) {
  auto files = locateData(checkpointDir, cfg, options);
  if (!files) return files.error();
  NullProgressObserver progress;
  CancelToken cancel;
  auto data = train::prepareProjectData(files->cfg, files->projectDir, log, progress, cancel);
  if (!data) return data.error();
  files->data = std::move(*data);
  return files;
}

Expected<std::vector<store::EvalRow>> evaluateCaptionTask(const std::string& dir, const EvalCliOptions& options, LogSink& log) {
  auto loaded = eval::loadDownstreamModel(dir);
  if (!loaded) return loaded.error();
  if (loaded->cfg.run.kind != "caption") return Error::at(dir, "a " + loaded->cfg.run.kind + " checkpoint, not a caption one");
  const auto& cfg = loaded->cfg;
  auto files = projectDataFor(dir, cfg, options, log);
  if (!files) return files.error();
  auto train = train::buildContrastiveSplit(files->data.train, loaded->tokenizer, cfg.data.image_size, cfg.data.max_text_tokens, log,
                                            cfg.data.image_cache_mb);
  if (!train) return train.error();
  if (options.split == "train")
    return eval::evaluateCaptionSplit(loaded->model, *train, *train, loaded->tokenizer, splitEvalOptions(cfg, options));
  auto val = train::buildContrastiveSplit(files->data.val, loaded->tokenizer, cfg.data.image_size, cfg.data.max_text_tokens, log,
                                            cfg.data.image_cache_mb);
  if (!val) return val.error();
  return eval::evaluateCaptionSplit(loaded->model, *train, *val, loaded->tokenizer, splitEvalOptions(cfg, options));
}

Expected<std::vector<store::EvalRow>> evaluateVqaTask(const std::string& dir, const EvalCliOptions& options, LogSink& log) {
  auto loaded = eval::loadDownstreamModel(dir);
  if (!loaded) return loaded.error();
  if (loaded->cfg.run.kind != "vqa") return Error::at(dir, "a " + loaded->cfg.run.kind + " checkpoint, not a vqa one");
  const auto& cfg = loaded->cfg;
  auto files = locateData(dir, cfg, options);
  if (!files) return files.error();
  const std::string root = train::resolveProjectPath(files->projectDir, files->cfg.data.root);
  const std::string imageDir = (fs::path(root) / cfg.data.image_dir).string();
  const train::AnswerVocabulary vocabulary = loaded->vocabulary ? *loaded->vocabulary : train::AnswerVocabulary{};
  auto load = [&](const std::string& file) -> Expected<train::VqaSplit> {
    auto set = train::loadVqaFile((fs::path(root) / file).string(), imageDir, log);
    if (!set) return set.error();
    return train::buildVqaSplit(*set, loaded->tokenizer, vocabulary, cfg.data.image_size, cfg.data.max_text_tokens, log,
                                            cfg.data.image_cache_mb);
  };
  auto train = load(cfg.data.train_questions);
  if (!train) return train.error();
  const bool generative = !loaded->vocabulary;
  if (options.split == "train")
    return eval::evaluateVqaSplit(loaded->model, *train, *train, loaded->tokenizer, vocabulary, generative,
                                  cfg.data.max_text_tokens, splitEvalOptions(cfg, options));
  auto val = load(cfg.data.val_questions);
  if (!val) return val.error();
  return eval::evaluateVqaSplit(loaded->model, *train, *val, loaded->tokenizer, vocabulary, generative, cfg.data.max_text_tokens,
                                splitEvalOptions(cfg, options));
}

Expected<std::vector<store::EvalRow>> evaluateRetrievalTask(const std::string& dir, const EvalCliOptions& options, LogSink& log) {
  auto loaded = eval::loadContrastiveModel(dir);
  if (!loaded) return loaded.error();
  const auto& cfg = loaded->cfg;
  auto files = projectDataFor(dir, cfg, options, log);
  if (!files) return files.error();
  auto split = train::buildContrastiveSplit(options.split == "train" ? files->data.train : files->data.val, loaded->tokenizer,
                                            cfg.data.image_size, cfg.data.max_text_tokens, log,
                                            cfg.data.image_cache_mb);
  if (!split) return split.error();
  std::vector<store::EvalRow> rows;
  const std::string details = nlohmann::json{{"images", split->imageCount()}, {"captions", split->captionIds.size(0)}}.dump();
  for (const auto& [key, value] : train::evaluateContrastive(loaded->model, *split, cfg.optim.batch_size)) {
    const std::string name = key.rfind("val/", 0) == 0 ? key.substr(4) : key;
    rows.push_back({options.split, (name == "loss" ? std::string("retrieval/clip_loss") : "retrieval/" + name), value, details});
  }
  return rows;
}

void printRows(const std::vector<store::EvalRow>& rows, const std::string& dir) {
  std::string tokenization;
  for (const auto& row : rows) {
    const auto details = parseJson("eval details", row.detailsJson);
    if (!details || !details->is_object()) continue;
    if (const auto it = details->find("tokenization"); it != details->end() && it->is_string())
      tokenization = it->get<std::string>();
  }
  std::printf("%s (%s split%s)\n", dir.c_str(), rows.empty() ? "?" : rows.front().split.c_str(),
              tokenization.empty() ? "" : (", " + tokenization).c_str());
  for (const auto& row : rows) {
    if (row.metric.rfind("baseline/", 0) == 0) continue;
    std::printf("  %-28s %.4f\n", row.metric.c_str(), row.value);
  }
  bool header = false;
  for (const auto& row : rows) {
    if (row.metric.rfind("baseline/", 0) != 0 || std::count(row.metric.begin(), row.metric.end(), '/') > 2) continue;
    if (!header) std::printf("baselines\n");
    header = true;
    std::printf("  %-28s %.4f\n", row.metric.c_str(), row.value);
  }
}

}  // namespace

int runEval(const EvalCliOptions& options) {
  const std::string kind = options.task == "retrieval" ? "contrastive" : options.task;
  auto dir = eval::resolveCheckpoint(options.checkpoint, kind);
  if (!dir) return reportError(dir.error().message, kExitBadInput);
  StderrLogSink log;
  auto rows = options.task == "caption" ? evaluateCaptionTask(*dir, options, log)
              : options.task == "vqa"   ? evaluateVqaTask(*dir, options, log)
                                        : evaluateRetrievalTask(*dir, options, log);
  if (!rows) return reportError(rows.error().message, kExitBadInput);

  // Into the store of the run that wrote the checkpoint, unless told otherwise.
  std::string storePath = options.storePath;
  if (storePath.empty())
    if (auto project = config::findProjectDir(options.projectDir.empty() ? *dir : options.projectDir))
      if (auto loadedProject = config::loadProject(*project)) storePath = loadedProject->storePath();
  auto state = train::readTrainingState(*dir);
  std::string stored;
  if (storePath != "none" && !storePath.empty() && state && state->runId > 0) {
    auto store = store::RunStore::open(storePath);
    if (!store) return reportError(store.error().message, kExitFailed);
    // Run ids are per store: write only where the run really is the one that made this checkpoint.
    auto run = (*store)->run(state->runId);
    std::error_code ec;
    if (!run || !fs::exists(run->checkpointDir) || !fs::equivalent(run->checkpointDir, *dir, ec)) {
      std::fprintf(stderr, "warning: not stored: run %lld of %s did not write %s (name its store with --store)\n",
                   static_cast<long long>(state->runId), storePath.c_str(), dir->c_str());
    } else {
      if (auto s = (*store)->beginBatch(); !s) return reportError(s.error().message, kExitFailed);
      for (const auto& row : *rows)
        if (auto s = (*store)->writeEval(state->runId, row); !s) return reportError(s.error().message, kExitFailed);
      if (auto s = (*store)->commitBatch(); !s) return reportError(s.error().message, kExitFailed);
      stored = "run " + std::to_string(state->runId) + " in " + storePath;
    }
  }
  if (options.json) {
    nlohmann::ordered_json out = {{"checkpoint", *dir}, {"task", options.task}, {"split", options.split}, {"stored", stored}};
    nlohmann::ordered_json metrics = nlohmann::ordered_json::object();
    for (const auto& row : *rows) metrics[row.metric] = row.value;
    out["metrics"] = metrics;
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    printRows(*rows, *dir);
    if (!stored.empty()) std::printf("written to the eval table of %s\n", stored.c_str());
  }
  return kExitOk;
}

}  // namespace vimoe::cli
