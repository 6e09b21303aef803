#include "vimoe/robust/attack_targets.h"

#include <filesystem>

#include "vimoe/config/project.h"
#include "vimoe/eval/trained_model.h"
#include "vimoe/train/checkpoint.h"
#include "vimoe/train/contrastive_data.h"
#include "vimoe/train/project_data.h"
#include "vimoe/train/vqa_data.h"

namespace vimoe::robust {
namespace fs = std::filesystem;
namespace {

struct ProjectFiles {
  std::string projectDir;
  train::ProjectData data;
};

Expected<ProjectFiles> projectFiles(const std::string& dir, const config::ExperimentConfig& cfg, LogSink& log) {
  auto projectDir = config::findProjectDir(dir);
  if (!projectDir) return Error::at(dir, "no project (vimoe-project.json) around this checkpoint: its data cannot be found");
  NullProgressObserver progress;
  CancelToken cancel;
  auto data = train::prepareProjectData(cfg, *projectDir, log, progress, cancel);
  if (!data) return data.error();
  return ProjectFiles{*projectDir, std::move(*data)};
}

torch::Tensor firstRows(std::int64_t available, int samples) {
  return torch::arange(std::min<std::int64_t>(available, samples), torch::kLong);
}

// Mean load-balancing loss of a pass: what the aux-loss attack adds (0-dim zero when dense).
torch::Tensor auxOf(const model::AuxLosses& aux, const torch::Tensor& like) {
  return aux.entries.empty() ? torch::zeros({}, like.options()) : aux.meanLoadBalance();
}

// Both contrastive targets score an image against fixed text embeddings, computed once clean:
// zero-shot against one prompt per class (labels = the image's class), retrieval against the
// first captions of every attacked image (labels = the image's own caption, so accuracy is
// R@1 image -> text within the set).
Expected<AttackSet> contrastiveSet(const std::string& dir, int samples, bool retrieval, LogSink& log) {
  auto loaded = eval::loadContrastiveModel(dir);
  if (!loaded) return loaded.error();
  auto files = projectFiles(dir, loaded->cfg, log);
  if (!files) return files.error();
  auto split = train::buildContrastiveSplit(files->data.val, loaded->tokenizer, loaded->cfg.data.image_size,
                                            loaded->cfg.data.max_text_tokens, log, loaded->cfg.data.image_cache_mb);
  if (!split) return split.error();
  const auto rows = firstRows(split->imageCount(), samples);
  if (!retrieval && split->classNames.empty())
    return Error::at(dir, "zero-shot attack: the validation images carry fewer than two class labels");
  if (retrieval && rows.size(0) < 2) return Error::at(dir, "retrieval attack: needs at least two validation images");
  auto owner = std::make_shared<eval::ContrastiveModel>(std::move(*loaded));
  auto& m = owner->model;
  m->eval();
  AttackSet set;
  set.checkpointDir = dir;
  set.task = retrieval ? "retrieval" : "zero_shot";
  set.device = m->parameters().front().device();
  set.images = split->images.gather(rows);
  set.labels = retrieval ? torch::arange(rows.size(0), torch::kLong) : split->labelIndex.index_select(0, rows);
  if (!retrieval) set.labelNames = split->classNames;
  for (std::int64_t i = 0; i < rows.size(0); ++i) {
    const auto index = static_cast<std::size_t>(i);
    set.imagePaths.push_back(split->imagePaths[index]);
    if (retrieval) set.labelNames.push_back(split->firstCaptionText[index]);
    set.prompts.emplace_back();
  }
  torch::Tensor textEmb;
  {
    torch::NoGradGuard noGrad;
    const auto ids = retrieval ? split->captionIds.index_select(0, split->firstCaption.index_select(0, rows))
                               : split->classPromptIds;
    textEmb = m->encodeTexts(ids.to(set.device)).detach();
  }
  set.moeLayers = m->moeLayers();
  set.module = m.ptr().get();
  set.targetFor = [model = m, textEmb](const torch::Tensor&) -> Target {
    return [model, textEmb](const torch::Tensor& pixels) mutable {
      model::AuxLosses aux;
      auto embedding = model->encodeImages(pixels, aux);
      TargetOutput out;
      out.logits = model->logitScale().detach() * embedding.matmul(textEmb.t());
      out.auxLoss = auxOf(aux, out.logits);
      return out;
    };
  };
  set.textValid = [](const torch::Tensor&) { return torch::Tensor(); };
  set.owner = owner;
  return set;
}

Expected<AttackSet> vqaSet(const std::string& dir, int samples, LogSink& log) {
  auto loaded = eval::loadDownstreamModel(dir);
  if (!loaded) return loaded.error();
  if (!loaded->vocabulary)
    return Error::at(dir, "a generative VQA model has no answer logits to attack; attack a classifier (task.vqa_head=classify)");
  const auto& cfg = loaded->cfg;
  auto files = projectFiles(dir, cfg, log);
  if (!files) return files.error();
  const std::string root = train::resolveProjectPath(files->projectDir, cfg.data.root);
  auto questions = train::loadVqaFile((fs::path(root) / cfg.data.val_questions).string(),
                                      (fs::path(root) / cfg.data.image_dir).string(), log);
  if (!questions) return questions.error();
  auto split = train::buildVqaSplit(*questions, loaded->tokenizer, *loaded->vocabulary, cfg.data.image_size,
                                    cfg.data.max_text_tokens, log, cfg.data.image_cache_mb);
  if (!split) return split.error();
  // Questions whose answer the classifier cannot output have no label to attack.
  const auto answerable = split->answerClass.ge(0).nonzero().squeeze(1);
  const auto rows = answerable.narrow(0, 0, std::min<std::int64_t>(answerable.size(0), samples));
  if (rows.size(0) == 0) return Error::at(dir, "no validation question has an answer in the classifier's vocabulary");
  auto owner = std::make_shared<eval::DownstreamModel>(std::move(*loaded));
  auto& m = owner->model;
  m->eval();
  AttackSet set;
  set.checkpointDir = dir;
  set.task = "vqa";
  set.device = m->parameters().front().device();
  set.images = split->images.gather(split->questionImage.index_select(0, rows));
  set.labels = split->answerClass.index_select(0, rows);
  set.labelNames = owner->vocabulary->answers;
  for (std::int64_t i = 0; i < rows.size(0); ++i) {
    const auto q = static_cast<std::size_t>(rows[i].item<std::int64_t>());
    set.prompts.push_back(split->questions[q]);
    set.imagePaths.push_back(split->imagePaths[static_cast<std::size_t>(split->questionImage[static_cast<std::int64_t>(q)].item<std::int64_t>())]);
  }
  const auto tokens = split->questionTokens.index_select(0, rows);
  set.moeLayers = m->moeLayers();
  set.module = m.ptr().get();
  const auto device = set.device;
  set.targetFor = [model = m, tokens, device](const torch::Tensor& batchRows) -> Target {
    const auto ids = tokens.index_select(0, batchRows).to(device);
    return [model, ids](const torch::Tensor& pixels) mutable {
      model::AuxLosses aux;
      const auto memory = model->encodeImage(pixels, aux);
      TargetOutput out;
      out.logits = model->answerLogits(memory, ids, aux);
      out.auxLoss = auxOf(aux, out.logits);
      return out;
    };
  };
  set.textValid = [tokens](const torch::Tensor& batchRows) { return tokens.index_select(0, batchRows).ne(0).reshape({-1}); };
  set.owner = owner;
  return set;
}

// Per-sample mean next-piece NLL over the real pieces of ids.
torch::Tensor captionNll(const torch::Tensor& logits, const torch::Tensor& ids) {
  const auto targets = ids.narrow(1, 1, ids.size(1) - 1);
  const auto predicted = logits.narrow(1, 0, ids.size(1) - 1);
  const auto nll = torch::nn::functional::cross_entropy(
                       predicted.reshape({-1, predicted.size(2)}), targets.reshape({-1}),
                       torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kNone))
                       .view(targets.sizes());
  const auto real = targets.ne(0).to(nll.scalar_type());
  return (nll * real).sum(1) / real.sum(1).clamp_min(1);
}

Expected<AttackSet> captionSet(const std::string& dir, int samples, LogSink& log) {
  auto loaded = eval::loadDownstreamModel(dir);
  if (!loaded) return loaded.error();
  const auto& cfg = loaded->cfg;
  auto files = projectFiles(dir, cfg, log);
  if (!files) return files.error();
  auto split = train::buildContrastiveSplit(files->data.val, loaded->tokenizer, cfg.data.image_size, cfg.data.max_text_tokens, log,
                                            cfg.data.image_cache_mb);
  if (!split) return split.error();
  auto owner = std::make_shared<eval::DownstreamModel>(std::move(*loaded));
  auto& m = owner->model;
  m->eval();
  AttackSet set;
  set.checkpointDir = dir;
  set.task = "caption";
  set.device = m->parameters().front().device();
  const auto rows = firstRows(split->imageCount(), samples);
  set.images = split->images.gather(rows);
  set.labels = torch::full({rows.size(0)}, -1, torch::kLong);
  for (std::int64_t i = 0; i < rows.size(0); ++i) {
    set.imagePaths.push_back(split->imagePaths[static_cast<std::size_t>(i)]);
    set.prompts.push_back(split->firstCaptionText[static_cast<std::size_t>(i)]);
  }
  const auto ids = split->captionIds.index_select(0, split->firstCaption.index_select(0, rows));
  set.moeLayers = m->moeLayers();
  set.module = m.ptr().get();
  const auto device = set.device;
  set.targetFor = [model = m, ids, device](const torch::Tensor& batchRows) -> Target {
    const auto batchIds = ids.index_select(0, batchRows).to(device);
    return [model, batchIds](const torch::Tensor& pixels) mutable {
      model::AuxLosses aux;
      const auto memory = model->encodeImage(pixels, aux);
      TargetOutput out;
      out.sampleLoss = captionNll(model->tokenLogits(memory, batchIds, aux), batchIds);
      out.auxLoss = auxOf(aux, out.sampleLoss);
      return out;
    };
  };
  set.textValid = [ids](const torch::Tensor& batchRows) { return ids.index_select(0, batchRows).ne(0).reshape({-1}); };
  set.owner = owner;
  return set;
}

}  // namespace

Expected<AttackSet> loadAttackSet(const std::string& checkpointDir, const std::string& task, int samples, LogSink& log) {
  // The checkpoint's own config says what it is; "auto" follows it.
  auto cfg = train::readCheckpointConfig(checkpointDir);
  if (!cfg) return cfg.error();
  const std::string kind = cfg->run.kind;
  const std::string wanted = task == "auto" ? (kind == "contrastive" ? "retrieval" : kind) : task;
  if ((wanted == "zero_shot" || wanted == "retrieval") && kind != "contrastive")
    return Error::at(checkpointDir, wanted + " attacks need a contrastive checkpoint; this one is a " + kind + " model");
  if ((wanted == "vqa" || wanted == "caption") && kind != wanted)
    return Error::at(checkpointDir, "a " + kind + " checkpoint, not a " + wanted + " one");
  if (wanted == "retrieval" || wanted == "zero_shot") return contrastiveSet(checkpointDir, samples, wanted == "retrieval", log);
  if (wanted == "vqa") return vqaSet(checkpointDir, samples, log);
  if (wanted == "caption") return captionSet(checkpointDir, samples, log);
  return Error::at(checkpointDir, "unknown attack target '" + task + "' (auto, retrieval, zero_shot, vqa, caption)");
}

torch::Tensor attackPixels(const AttackSet& set, const torch::Tensor& rows) {
  return train::pixelsFromBytes(set.images.index_select(0, rows)).to(set.device);
}

}  // namespace vimoe::robust
